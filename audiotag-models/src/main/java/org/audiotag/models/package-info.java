/**
 * Tagging models on TensorFlow Java: the {@link org.audiotag.models.Architecture} registry (every network of the
 * original project with its {@link org.audiotag.models.InputKind}), {@link org.audiotag.models.ModelConfig},
 * {@link org.audiotag.models.TagModel} (training and inference graphs sharing variables, checkpoints, SavedModel
 * export) and {@link org.audiotag.models.SavedTagger} (loading an export). CPU by default; the same graphs run on a
 * GPU when the build uses the {@code -Pgpu} profile (see docs/API-models.md for device selection).
 */
package org.audiotag.models;
