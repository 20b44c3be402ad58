/**
 * Tagging models on TensorFlow Java. What an application needs to tag audio: {@link org.audiotag.models.Tagger}
 * (with {@link org.audiotag.models.TagScore}, {@link org.audiotag.models.TaggingConfig} and {@link
 * org.audiotag.models.WindowAggregation}) loading an {@link org.audiotag.models.ExportedModel} directory (SavedModel,
 * tag names and one provenance file, keys in {@link org.audiotag.models.ProvenanceKeys}). What training needs:
 * the {@link org.audiotag.models.Architecture} registry (every network of the original project with its {@link
 * org.audiotag.models.InputKind}), {@link org.audiotag.models.ModelConfig}, {@link org.audiotag.models.TagModel}
 * (training and inference graphs sharing variables, checkpoints, SavedModel export) and the low-level {@link
 * org.audiotag.models.SavedModelRunner}. Model inputs are time-major (NHWC {@code (N, frames, mels, 1)} images,
 * {@code (N, frames, mels)} sequences, {@code (N, samples)} waveforms); the typed entry points take {@code
 * org.audiotag.features.TimeMajorFeatures}. Outputs are sigmoid probabilities per tag, the losses BCE with logits.
 * When each sound happens: {@link org.audiotag.models.EventDetector} (sound event detection in a recording, with
 * {@link org.audiotag.models.DetectionConfig}, {@link org.audiotag.models.DetectedEvent} and {@link
 * org.audiotag.models.WindowScores}) and {@link org.audiotag.models.StreamingTagger} (the same events from a live
 * stream, chunk by chunk, in constant memory; raw PCM in a {@link org.audiotag.models.PcmEncoding}).
 * CPU by default; the same graphs run on a GPU when the build uses the {@code -Pgpu} profile (see docs/API-models.md
 * for device selection). Every model, runner and tagger owns native TensorFlow resources: close it.
 *
 * <p>From training to tagging, given {@code List<String> tags}, a {@code Path modelDir} and an audio {@code Path file}:
 * {@snippet :
 * ModelConfig config = ModelConfig.builder().numTags(tags.size()).build();   // 128 x 128 pipeline-A images
 * try (TagModel model = Architecture.byName("kaggle").build(config)) {
 *     // ... model.trainStep(x, y, batch, learningRate) over the epochs ...
 *     TaggingConfig tagging = TaggingConfig.builder()
 *             .features(LogMelFeatures.from(FeatureConfig.pipelineA()).config()).window(128).windowHop(64).build();
 *     ExportedModel.write(model, modelDir, tagging, tags, Map.of());
 * }
 * try (Tagger tagger = Tagger.load(modelDir)) {             // in any JVM, from the directory alone
 *     List<TagScore> top = tagger.tag(file, 3);
 * }
 * }
 */
package org.audiotag.models;
