/**
 * A layer toolkit over TensorFlow Java 1.1.0 {@code Ops} that reproduces PyTorch's layers, initialisers, losses and
 * Adam, for building the architectures of the original project and custom networks: {@link
 * org.audiotag.models.layers.Layers} (dense, Conv1D/2D, batch and instance norm, pooling, activations, dropout,
 * squeeze-excitation, residual SE blocks, an unrolled GRU, the masked MCLNN convolution),
 * {@link org.audiotag.models.layers.MclnnMask}, {@link org.audiotag.models.layers.Init},
 * {@link org.audiotag.models.layers.Losses} (BCE with logits) and {@link org.audiotag.models.layers.FeedableAdam}
 * (PyTorch's Adam with a fed learning rate). Layouts are channels-last (NHWC images, NLC sequences); variables have
 * flat names and seeded initial values.
 *
 * <p>A tiny multi-label classifier trained for one step with BCE and Adam, given {@code float[][] features} (4
 * examples x 20 values) and {@code float[][] targets} (4 examples x 3 tags, 0 or 1):
 * {@snippet :
 * try (Graph g = new Graph(); Session s = new Session(g);
 *      TFloat32 batch = TFloat32.tensorOf(StdArrays.ndCopyOf(features))) {
 *     Layers l = new Layers(g, 7);
 *     Placeholder<TFloat32> x = l.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 20)));
 *     Operand<TFloat32> logits = l.dense("out", l.leakyRelu(l.dense("hidden", x, 32)), 3);
 *     Operand<TFloat32> loss = Losses.sigmoidBinaryCrossEntropy(l.tf(), logits, l.tf().constant(targets), 0f, null);
 *     FeedableAdam adam = new FeedableAdam(l, loss, l.trainableVariables(), 1e-3f, 0.9f, 0.999f, 1e-8f, 0f, 0f);
 *     s.initialize();                                                // seeded initial weights
 *     try (Result r = s.runner().feed(x, batch).addTarget(adam.step()).fetch(loss).run()) {
 *         float loss0 = ((TFloat32) r.get(0)).getFloat();           // BCE before the Adam step
 *     }
 * }
 * }
 */
package org.audiotag.models.layers;
