/**
 * Training and tagging: the on-disk {@link org.audiotag.train.FeatureCache} of log-mel features
 * ({@link org.audiotag.train.LogMelFeatures}, librosa {@code melspectrogram} + {@code power_to_db}), the training
 * loop ({@link org.audiotag.train.Trainer}) configured by {@link org.audiotag.train.TrainingConfig} with its
 * {@link org.audiotag.train.LrSchedule}s and {@link org.audiotag.train.History}, the
 * {@link org.audiotag.train.RunFolder} it commits every epoch to, the {@link org.audiotag.train.TrainingListener}s
 * that checkpoint, log and stop early, and the {@code Tagger} that applications embed.
 */
package org.audiotag.train;
