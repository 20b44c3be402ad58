/**
 * A layer toolkit over TensorFlow Java 1.1.0 {@code Ops} that reproduces PyTorch's layers, initialisers, losses and
 * Adam: {@link org.audiotag.models.layers.Layers} (dense, Conv1D/2D, batch and instance norm, pooling, activations,
 * dropout, squeeze-excitation, residual SE blocks, an unrolled GRU, the masked MCLNN convolution),
 * {@link org.audiotag.models.layers.MclnnMask}, {@link org.audiotag.models.layers.Init},
 * {@link org.audiotag.models.layers.Losses} and {@link org.audiotag.models.layers.FeedableAdam}. Layouts are
 * channels-last.
 */
package org.audiotag.models.layers;
