/**
 * Tagging models on TensorFlow Java: what an application needs to tag audio, {@link org.audiotag.models.Tagger}
 * (with {@link org.audiotag.models.TagScore}, {@link org.audiotag.models.TaggingConfig} and {@link
 * org.audiotag.models.WindowAggregation}) loading an {@link org.audiotag.models.ExportedModel} directory (SavedModel,
 * tag names and one provenance file, keys in {@link org.audiotag.models.ProvenanceKeys}); and what training needs:
 * the {@link org.audiotag.models.Architecture} registry (every network of the original project with its {@link
 * org.audiotag.models.InputKind}), {@link org.audiotag.models.ModelConfig}, {@link org.audiotag.models.TagModel}
 * (training and inference graphs sharing variables, checkpoints, SavedModel export) and the low-level {@link
 * org.audiotag.models.SavedModelRunner}. Model inputs are time-major; the typed entry points take {@code
 * org.audiotag.features.TimeMajorFeatures}. CPU by default; the same graphs run on a GPU when the build uses the
 * {@code -Pgpu} profile (see docs/API-models.md for device selection).
 */
package org.audiotag.models;
