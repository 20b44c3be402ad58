/**
 * Training and tagging: the on-disk {@link org.audiotag.train.FeatureCache} of log-mel features
 * ({@link org.audiotag.train.LogMelFeatures}, librosa {@code melspectrogram} + {@code power_to_db}), the training
 * loop configured by {@link org.audiotag.train.TrainingConfig} with its {@link org.audiotag.train.LrSchedule}s and
 * {@link org.audiotag.train.History}, and the {@code Tagger} that applications embed.
 */
package org.audiotag.train;
