/**
 * Training: the on-disk {@link org.audiotag.train.FeatureCache} of the whole-clip features of audiotag-features
 * ({@code org.audiotag.features.LogMelFeatures}, librosa {@code melspectrogram} + {@code power_to_db}, described by a
 * {@code FeatureConfig}), the training loop ({@link org.audiotag.train.Trainer}) configured by
 * {@link org.audiotag.train.TrainingConfig} with its {@link org.audiotag.train.LrSchedule}s and
 * {@link org.audiotag.train.History}, the {@link org.audiotag.train.RunFolder} it commits every epoch to and publishes
 * the model in (through audiotag-models' {@code ExportedModel}), and the {@link org.audiotag.train.TrainingListener}s
 * that checkpoint, log and stop early. Applications that only tag need audiotag-models' {@code Tagger}, not this
 * module; the earlier names here ({@code Tagger}, {@code TagScore}, {@code WindowAggregation}, {@code Features},
 * {@code FeatureFunction}, {@code LogMelFeatures}, {@code WaveformFeatures}) are deprecated aliases.
 */
package org.audiotag.train;
