package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FixedLength;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.LossKind;
import org.audiotag.models.ProvenanceKeys;
import org.audiotag.models.Tagger;
import org.audiotag.models.WindowAggregation;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Recipe}s: the settings of {@code seed2019} per architecture (docs/ORIGINAL-PROJECT.md §5), what a
 * seed-recipe run records, that its model tags a clip exactly as the clip's first 2 s, and that an interrupted
 * seed-recipe run resumes to exactly the uninterrupted one. Runs are tiny: 20 ESC-10 clips, 2 epochs of a DCNN.
 */
class SeedRecipeTest {

    static Dataset esc;
    static int[] train;
    static int[] val;

    @BeforeAll
    static void load() throws Exception {
        Dataset all = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        int[] f1 = all.indicesOfFolds(1);
        int[] f5 = all.indicesOfFolds(5);
        int[] pick = IntStream.concat(IntStream.range(0, 14).map(i -> f1[i * 4]), IntStream.range(0, 6)
                .map(i -> f5[i * 9])).toArray();
        esc = all.subset(pick);
        train = IntStream.range(0, 14).toArray();
        val = IntStream.range(14, 20).toArray();
    }

    @Test
    void seedRecipeHoldsTheStudysSettingsPerArchitecture() {
        TrainingConfig dcnn = Recipe.SEED2019.configFor("dcnn");
        assertThat(dcnn.recipe()).isEqualTo("seed2019");
        assertThat(dcnn.batchSize()).isEqualTo(64);
        assertThat(dcnn.lr()).isEqualTo(1e-3);
        assertThat(dcnn.schedule()).isEqualTo(ScheduleKind.PLATEAU);
        assertThat(dcnn.plateauFactor()).isEqualTo(0.5);
        assertThat(dcnn.plateauPatience()).isEqualTo(10);
        assertThat(dcnn.earlyStoppingPatience()).isEqualTo(20);
        assertThat(dcnn.epochs()).isEqualTo(1000);
        assertThat(dcnn.restoreBest()).isTrue();
        assertThat(dcnn.normalize()).isFalse();
        assertThat(dcnn.aggregation()).isEqualTo(WindowAggregation.FIRST);
        assertThat(dcnn.trainLwlrap()).isTrue();
        assertThat(dcnn.loss()).isEqualTo(LossKind.BINARY_CROSS_ENTROPY);
        assertThat(Recipe.SEED2019.featuresFor("dcnn", false)).isEqualTo(FeatureConfig.pipelineA());

        TrainingConfig sample = Recipe.SEED2019.configFor("samplecnn");
        assertThat(sample.lr()).isEqualTo(1e-4);
        assertThat(sample.epochs()).isEqualTo(200);
        assertThat(Recipe.SEED2019.featuresFor("samplecnn", false)).isEqualTo(FeatureConfig.rawWaveform());
        assertThat(Recipe.SEED2019.configFor("gru").architecture()).isEqualTo("gru-frequency");
        assertThat(Recipe.SEED2019.configFor("rese2multi").architecture()).isEqualTo("rese2multi-input-gate");

        TrainingConfig mcnn = Recipe.SEED2019.configFor("mcnn-nomask");
        assertThat(mcnn.loss()).isEqualTo(LossKind.SOFTMAX_CROSS_ENTROPY);
        assertThat(mcnn.schedule()).isEqualTo(ScheduleKind.PLATEAU_ON_LOSS);
        assertThat(mcnn.earlyStoppingPatience()).isZero();
        assertThat(mcnn.batchLwlrapSize()).isEqualTo(64);
        assertThat(Recipe.SEED2019.featuresFor("mcnn", true)).isEqualTo(FeatureConfig.pipelineC());
        assertThat(Recipe.SEED2019.featuresFor("mcnn", false)).isEqualTo(FeatureConfig.pipelineA());
        assertThat(Recipe.SEED2019.keptBugs()).allMatch(b -> b.startsWith("§10."));

        TrainingConfig modern = Recipe.MODERN.configFor("gru");
        assertThat(modern.architecture()).isEqualTo("gru");
        assertThat(modern.schedule()).isEqualTo(ScheduleKind.COSINE);
        assertThat(modern.batchSize()).isEqualTo(32);
        assertThat(modern.earlyStoppingPatience()).isZero();
        assertThat(modern.normalize()).isTrue();
        assertThat(modern.aggregation()).isEqualTo(WindowAggregation.MEAN);
        assertThat(Recipe.byName(" Modern ")).isSameAs(Recipe.MODERN);
        assertThatThrownBy(() -> Recipe.byName("seed2018")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown recipe 'seed2018'; known: seed2019, modern");
        // options at their defaults keep the text (and run identity) of earlier releases
        assertThat(TrainingConfig.builder().build().toString()).doesNotContain("recipe=").doesNotContain("loss=");
    }

    @Test
    void plateauOnLossLowersTheRateAfterPatienceEpochsWithoutALowerLoss() {
        LrSchedule s = LrSchedule.reduceOnPlateauOnLoss(1e-3, 0.5, 1, 0);
        s.step(0, 3.0);
        s.step(1, 2.0);      // better: counter stays 0
        s.step(2, 2.0);      // 1 bad epoch: not more than patience 1
        assertThat(s.lr()).isEqualTo(1e-3);
        s.step(3, 1.9999);   // within the relative threshold 1e-4: bad
        assertThat(s.lr()).isEqualTo(5e-4);
    }

    private static List<Double> figures(EpochRecord r) {
        return List.of((double) r.epoch(), r.lr(), r.trainLoss(), r.valLoss(), r.valLwlrap(), r.valMap(),
                r.valAccuracy(), r.trainLwlrap(), r.valBatchLwlrap());
    }

    /**
     * A seed-recipe run interrupted after epoch 1 and resumed equals the uninterrupted run; the uninterrupted run's
     * provenance records the recipe's real settings, and its model tags a clip exactly as the clip's first 2 s.
     */
    @Test
    void seedRunRecordsItsSettingsTagsTheFirstTwoSecondsAndResumesExactly(@TempDir Path dir) throws Exception {
        TrainingConfig cfg = Recipe.SEED2019.configFor("dcnn").toBuilder().epochs(2).batchSize(7).seed(3).build();
        FeatureConfig features = Recipe.SEED2019.featuresFor("dcnn", false);
        Path cache = dir.resolve("cache");
        TrainingResult whole = Trainer.builder(cfg).featureConfig(features).cacheRoot(cache).build()
                .train(esc, train, val, dir.resolve("whole"));
        Path run = dir.resolve("killed");
        TrainingListener killer = new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord record, boolean best) {
                throw new IllegalStateException("killed");
            }
        };
        assertThatThrownBy(() -> Trainer.builder(cfg).featureConfig(features).cacheRoot(cache)
                .addTrainingListeners(killer).build().train(esc, train, val, run)).hasMessage("killed");
        assertThat(History.read(run).records()).hasSize(1);
        TrainingResult resumed = Trainer.builder(cfg).featureConfig(features).cacheRoot(cache).build()
                .train(esc, train, val, run);
        List<EpochRecord> a = whole.history().records();
        assertThat(a).hasSize(2);
        // every figure but the wall-clock ones
        assertThat(resumed.history().records().stream().map(SeedRecipeTest::figures).toList())
                .isEqualTo(a.stream().map(SeedRecipeTest::figures).toList());
        assertThat(a).allMatch(r -> r.trainLwlrap() >= 0 && r.trainLwlrap() <= 1);
        assertThat(Files.readAllLines(run.resolve("history.csv")).get(0)).endsWith(",train_lwlrap,val_batch_lwlrap");
        assertThat(resumed.bestEpoch()).isEqualTo(whole.bestEpoch());
        assertThat(resumed.valLwlrap()).isEqualTo(whole.valLwlrap());

        Properties p = new Properties();
        try (var r = Files.newBufferedReader(whole.modelDir().resolve(ExportedModel.PROVENANCE_FILE))) {
            p.load(r);
        }
        assertThat(p.getProperty("training.recipe")).isEqualTo("seed2019");
        assertThat(p.getProperty("training.config")).isEqualTo(cfg.toString()).contains("recipe=seed2019")
                .contains("normalize=false").contains("aggregation=FIRST").contains("batchSize=7")
                .contains("schedule=PLATEAU ").contains("earlyStoppingPatience=20").contains("trainLwlrap=true");
        FeatureConfig recorded = FeatureConfig.parse(p.getProperty(ProvenanceKeys.FEATURES));
        assertThat(recorded.lengthPolicy()).isEqualTo(FixedLength.Policy.LEFT_PAD_CROP_FIRST);
        assertThat(recorded.nSamples()).isEqualTo(88200);
        assertThat(recorded.withKind(FeatureConfig.Kind.LOG_MEL_IMAGE)).isEqualTo(FeatureConfig.pipelineA());
        assertThat(p.getProperty("training.lengthPolicy")).startsWith("left_pad_crop_first to 88200 samples");
        assertThat(FeatureConfig.parse(p.getProperty("training.pipeline"))).isEqualTo(FeatureConfig.pipelineA());
        assertThat(p.getProperty(ProvenanceKeys.AGGREGATION)).isEqualTo("FIRST");
        assertThat(p.getProperty(ProvenanceKeys.NORMALIZE_MEAN)).isEqualTo("0.0");
        assertThat(p.getProperty(ProvenanceKeys.NORMALIZE_STD)).isEqualTo("1.0");
        assertThat(Files.readString(run.resolve("provenance.properties"))).contains("recipe=seed2019");

        try (Tagger tagger = Tagger.load(whole.modelDir()); Tagger again = Tagger.load(resumed.modelDir())) {
            Path clip = esc.clip(val[0]).file();
            float[] samples = AudioLoader.atRate(44100).load(clip).samples();
            assertThat(samples.length).isGreaterThan(2 * 88200);
            float[] all = tagger.scores(clip);
            assertThat(tagger.scores(Arrays.copyOf(samples, 88200), 44100)).containsExactly(all);
            // a clip shorter than 2 s is left-padded: its first second tags as the second padded to 2 s
            float[] second = Arrays.copyOf(samples, 44100);
            float[] padded = new float[88200];
            System.arraycopy(second, 0, padded, 88200 - 44100, 44100);
            assertThat(tagger.scores(second, 44100)).containsExactly(tagger.scores(padded, 44100));
            assertThat(again.scores(clip)).containsExactly(all);
        }
    }
}
