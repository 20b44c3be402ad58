/**
 * Training: the training loop ({@link org.audiotag.train.Trainer}, docs/ORIGINAL-PROJECT.md §5 with the fixes of
 * §10) configured by {@link org.audiotag.train.TrainingConfig} with its {@link org.audiotag.train.LrSchedule}s and
 * {@link org.audiotag.train.History}, the on-disk {@link org.audiotag.train.FeatureCache} of the whole-clip features
 * of audiotag-features ({@code org.audiotag.features.LogMelFeatures}, librosa {@code melspectrogram} +
 * {@code power_to_db}, described by a {@code FeatureConfig}), the {@link org.audiotag.train.RunFolder} it commits
 * every epoch to and publishes the model in (through audiotag-models' {@code ExportedModel}), and the
 * {@link org.audiotag.train.TrainingListener}s that checkpoint, log and stop early.
 *
 * <p>Entry points: read a dataset with {@code org.audiotag.train.data.Datasets}, choose the options with
 * {@link org.audiotag.train.TrainingConfig#builder()} (and augmentation with
 * {@link org.audiotag.train.AugmentSpec#parse}), build a trainer with
 * {@link org.audiotag.train.Trainer#builder(org.audiotag.train.TrainingConfig)}, and call
 * {@link org.audiotag.train.Trainer#train}; the {@link org.audiotag.train.TrainingResult} names the exported model.
 * {@snippet :
 * Dataset esc = Datasets.esc10(Path.of("data/esc10"), LoadOptions.defaults());
 * TrainingConfig cfg = TrainingConfig.builder().architecture("moddcnn").epochs(40).seed(1).build();
 * Trainer trainer = Trainer.builder(cfg).cacheRoot(Path.of("cache")).build();  // pipeline-A log-mels
 * TrainingResult r = trainer.train(esc, esc.indicesOfFolds(1, 2, 3), esc.indicesOfFolds(5), Path.of("run"));
 * try (org.audiotag.models.Tagger tagger = org.audiotag.models.Tagger.load(r.modelDir())) {
 *     float[] scores = tagger.scores(Path.of("clip.wav"));  // one probability per tag
 * }
 * }
 *
 * <p>Applications that only tag need audiotag-models' {@code Tagger}, not this module; the earlier names here
 * ({@code Tagger}, {@code TagScore}, {@code WindowAggregation}, {@code Features}, {@code FeatureFunction},
 * {@code LogMelFeatures}, {@code WaveformFeatures}) are deprecated aliases, as is the five-argument {@code Trainer}
 * constructor.
 */
package org.audiotag.train;
