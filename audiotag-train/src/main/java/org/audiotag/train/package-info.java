/**
 * Training: the on-disk {@link org.audiotag.train.FeatureCache} of the whole-clip features of audiotag-features
 * ({@code org.audiotag.features.LogMelFeatures}, librosa {@code melspectrogram} + {@code power_to_db}, described by a
 * {@code FeatureConfig}), and the training loop configured by {@link org.audiotag.train.TrainingConfig} with its
 * {@link org.audiotag.train.LrSchedule}s and {@link org.audiotag.train.History}, which exports the model through
 * audiotag-models' {@code ExportedModel}. Applications that only tag need audiotag-models' {@code Tagger}, not this
 * module; the earlier names here ({@code Tagger}, {@code TagScore}, {@code WindowAggregation}, {@code Features},
 * {@code FeatureFunction}, {@code LogMelFeatures}, {@code WaveformFeatures}) are deprecated aliases.
 */
package org.audiotag.train;
