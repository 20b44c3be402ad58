package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tiny end-to-end runs on real ESC-10 clips: 40 training clips, 10 validation clips, 1-2 epochs of a DCNN. */
class TrainerTest {

    static Dataset esc;
    static int[] train;
    static int[] val;

    @BeforeAll
    static void load() throws Exception {
        esc = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        // 4 clips per class from fold 1 for training, 1 per class from fold 5 for validation; only these 50 clips
        // are kept so that only their features are computed
        int[] tr = IntStream.of(esc.indicesOfFolds(1)).filter(i -> countBefore(i, 1) < 4).toArray();
        int[] va = IntStream.of(esc.indicesOfFolds(5)).filter(i -> countBefore(i, 5) < 1).toArray();
        esc = esc.subset(IntStream.concat(IntStream.of(tr), IntStream.of(va)).toArray());
        train = IntStream.range(0, tr.length).toArray();
        val = IntStream.range(tr.length, tr.length + va.length).toArray();
    }

    static int countBefore(int i, int fold) {
        String label = esc.clip(i).labels().get(0);
        int c = 0;
        for (int j = 0; j < i; j++) {
            if (esc.clip(j).fold() == fold && esc.clip(j).labels().get(0).equals(label)) {
                c++;
            }
        }
        return c;
    }

    @Test
    void trainsExportsTagsAndResumes(@TempDir Path dir) throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(1).batchSize(20).seed(5)
                .mixProbability(0.5).build();
        Path run = dir.resolve("run");
        TrainingResult first = new Trainer(cfg, LogMelFeatures.pipelineA(), null, dir.resolve("cache"), null)
                .train(esc, train, val, run);
        assertThat(train).hasSize(40);
        assertThat(val).hasSize(10);
        assertThat(first.history().records()).hasSize(1);
        EpochRecord e0 = first.history().records().get(0);
        assertThat(e0.trainLoss()).isBetween(0.05, 2.0);
        assertThat(e0.valLwlrap()).isBetween(0.0, 1.0);
        assertThat(e0.valAccuracy()).isBetween(0.0, 1.0);
        assertThat(first.parameterCount()).isGreaterThan(100_000);
        assertThat(Files.readString(run.resolve("history.csv")).lines()).hasSize(2);
        assertThat(Files.readString(run.resolve("history.json"))).contains("\"val_lwlrap\"");
        assertThat(Files.readAllLines(run.resolve("split.csv"))).hasSize(51);

        // provenance in the run folder and the exported model
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(first.modelDir().resolve(Trainer.MODEL_INFO_FILE))) {
            p.load(r);
        }
        assertThat(p.getProperty("architecture")).isEqualTo("dcnn");
        assertThat(p.getProperty("seed")).isEqualTo("5");
        assertThat(p.getProperty("features.hopLength")).isEqualTo("692");
        assertThat(p.getProperty("tags")).startsWith("Dog bark,Rain,");
        assertThat(Files.exists(run.resolve("provenance.properties"))).isTrue();
        assertThat(p.getProperty("audiotag.version")).isEqualTo(Trainer.version()).doesNotContain("$");
        // every file of the run, the model and the feature cache has the permissions of a plainly created file
        // (0666 less the umask), not the owner-only 0600 of Files.createTempFile
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain"), "x"));
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(plain);
            }
        }

        // the exported model tags like the final evaluation did: same windows, normalisation and vocabulary
        try (Tagger tagger = Tagger.load(first.modelDir())) {
            assertThat(tagger.vocabulary()).isEqualTo(esc.vocabulary());
            Path clip = esc.clip(val[0]).file();
            float[] s = tagger.scores(clip);
            assertThat(s).hasSize(10);
            for (float v : s) {
                assertThat(v).isBetween(0f, 1f);
            }
            List<TagScore> top = tagger.tag(clip, 3);
            assertThat(top).hasSize(3);
            assertThat(top.get(0).probability()).isGreaterThanOrEqualTo(top.get(1).probability());
            float[] samples = AudioLoader.atRate(44100).load(clip).samples();
            assertThat(tagger.scores(samples, 44100)).containsExactly(s);
            // 22.05 kHz input is resampled to the model's rate first
            float[] half = AudioLoader.atRate(22050).load(clip).samples();
            assertThat(tagger.scores(half, 22050)[0]).isCloseTo(s[0], org.assertj.core.data.Offset.offset(0.05f));
            // thread-safe: concurrent callers get the same numbers
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<float[]>> f = List.of(pool.submit(() -> tagger.scores(clip)),
                        pool.submit(() -> tagger.scores(clip)));
                assertThat(f.get(0).get()).containsExactly(s);
                assertThat(f.get(1).get()).containsExactly(s);
            } finally {
                pool.shutdown();
            }
            List<List<TagScore>> stream = tagger.tagWindows(Stream.of(java.util.Arrays.copyOf(samples, 88200),
                    java.util.Arrays.copyOfRange(samples, 88200, 176400)), 44100, 2).toList();
            assertThat(stream).hasSize(2).allSatisfy(l -> assertThat(l).hasSize(2));
            assertThatThrownBy(() -> tagger.scores(new float[] {0f, Float.NaN}, 44100))
                    .hasMessageContaining("index 1");
            tagger.close();
            assertThatThrownBy(() -> tagger.scores(clip)).isInstanceOf(IllegalStateException.class);
        }

        // the run folder's marker identifies the run; a file the user put into model/ or ckpt/ is never deleted:
        // the next run in the folder is refused (naming it) before anything is trained or replaced
        assertThat(Files.readString(run.resolve(RunFolder.MARKER_FILE))).contains("architecture=dcnn")
                .contains("model.file.0=");
        assertThat(first.bestEpoch()).isZero();
        assertThat(first.bestEpochNumber()).isEqualTo(1);
        assertThat(first.message()).contains("best epoch 1,");
        Path readme = first.modelDir().resolve("README.txt");
        Files.writeString(readme, "my notes on this model");
        assertThatThrownBy(() -> new Trainer(cfg, LogMelFeatures.pipelineA(), null, dir.resolve("cache"), null)
                .train(esc, train, val, run)).isInstanceOf(RunFolderException.class)
                .hasMessageContaining(run.toString()).hasMessageContaining("model/README.txt");
        assertThat(readme).hasContent("my notes on this model");
        Files.delete(readme);

        // resume: the same run with a larger budget continues after epoch 1 and keeps epoch 1 as recorded
        TrainingResult resumed = new Trainer(cfg.toBuilder().epochs(2).build(), LogMelFeatures.pipelineA(), null,
                dir.resolve("cache"), null).train(esc, train, val, run);
        assertThat(resumed.history().records()).hasSize(2);
        assertThat(resumed.history().records().get(0)).isEqualTo(History.read(run).records().get(0));
        assertThat(resumed.history().records().get(0).trainLoss()).isEqualTo(e0.trainLoss(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Files.readString(run.resolve("state.properties"))).contains("epochsDone=2");
        // checkpoints: only the last and the best epoch are kept
        try (Stream<Path> s = Files.list(run.resolve("ckpt"))) {
            assertThat(s.filter(f -> f.toString().endsWith(".index")).count()).isBetween(1L, 2L);
        }
        // a different configuration in the same folder is refused
        assertThatThrownBy(() -> new Trainer(cfg.toBuilder().seed(6).build(), LogMelFeatures.pipelineA(), null,
                dir.resolve("cache"), null).train(esc, train, val, run)).hasMessageContaining("different run");
        assertThatThrownBy(() -> Tagger.load(dir)).hasMessageContaining(Trainer.MODEL_INFO_FILE);
    }

    @Test
    void augmentedTrainingComputesFeaturesOnTheFly(@TempDir Path dir) throws Exception {
        AugmentSpec spec = AugmentSpec.parse("gain:1.0,noise:0.5,mix:0.3",
                TestPaths.root().resolve("data/impulse-responses"), 44100);
        assertThat(spec.pipeline()).isNotNull();
        assertThat(spec.mixProbability()).isEqualTo(0.3);
        TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(1).batchSize(20).seed(9).build();
        TrainingResult r = new Trainer(cfg, LogMelFeatures.pipelineA(), spec, dir.resolve("cache"), null)
                .train(esc, train, val, dir.resolve("run"));
        assertThat(r.history().records()).hasSize(1);
        assertThat(r.history().records().get(0).trainLoss()).isBetween(0.05, 2.0);
        // two caches: log-mels for validation, decoded audio for on-the-fly augmentation
        try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
            assertThat(s.count()).isEqualTo(2);
        }
        assertThat(Files.readString(r.modelDir().resolve(Trainer.MODEL_INFO_FILE)))
                .contains("augment=gain\\:1.0,noise\\:0.5,mix\\:0.3");
        assertThatThrownBy(() -> AugmentSpec.parse("wobble", null, 44100)).hasMessageContaining("wobble");
        assertThatThrownBy(() -> AugmentSpec.parse("gain:2", null, 44100)).hasMessageContaining("[0, 1]");
    }

    /** Thrown by a listener to kill a run right after an epoch's checkpoint and state are written. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("killed after epoch 1");
        }
    }

    /**
     * Issue 6: a run killed after epoch 1 and resumed ends with exactly the same history as an uninterrupted run
     * with the same seed, also for models with dropout (stateless masks keyed by the checkpointed step counter).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dcnn", "moddcnn"})
    void killedAndResumedRunEqualsUninterruptedRun(String arch, @TempDir Path dir) throws Exception {
        int[] tr = java.util.Arrays.copyOf(train, 20);
        TrainingConfig cfg = TrainingConfig.builder().architecture(arch).epochs(3).batchSize(10).seed(5)
                .mixProbability(0.5).lr(3e-3).build();
        Path cache = dir.resolve("cache");
        TrainingResult whole = new Trainer(cfg, LogMelFeatures.pipelineA(), null, cache, null)
                .train(esc, tr, val, dir.resolve("whole"));
        Path run = dir.resolve("killed");
        TrainingListener killer = new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord record, boolean best) {
                throw new Killed();
            }
        };
        assertThatThrownBy(() -> new Trainer(cfg, LogMelFeatures.pipelineA(), null, cache, killer)
                .train(esc, tr, val, run)).isInstanceOf(Killed.class);
        assertThat(History.read(run).records()).hasSize(1);
        assertThat(Files.readString(run.resolve("state.properties"))).contains("epochsDone=1");
        TrainingResult resumed = new Trainer(cfg, LogMelFeatures.pipelineA(), null, cache, null)
                .train(esc, tr, val, run);

        List<EpochRecord> a = whole.history().records();
        List<EpochRecord> b = resumed.history().records();
        assertThat(a).hasSize(3);
        assertThat(b).hasSize(3);
        for (int e = 0; e < 3; e++) {
            System.out.printf(java.util.Locale.ROOT, "%s epoch %d: train loss %.17g / %.17g, val loss %.17g / %.17g,"
                    + " lwlrap %.17g / %.17g (uninterrupted / resumed)%n", arch, e + 1, a.get(e).trainLoss(),
                    b.get(e).trainLoss(), a.get(e).valLoss(), b.get(e).valLoss(), a.get(e).valLwlrap(),
                    b.get(e).valLwlrap());
            String at = arch + " epoch " + (e + 1);
            assertThat(b.get(e).epoch()).as(at).isEqualTo(a.get(e).epoch());
            assertThat(b.get(e).lr()).as(at + " lr").isEqualTo(a.get(e).lr());
            assertThat(b.get(e).trainLoss()).as(at + " train loss").isEqualTo(a.get(e).trainLoss());
            assertThat(b.get(e).valLoss()).as(at + " val loss").isEqualTo(a.get(e).valLoss());
            assertThat(b.get(e).valLwlrap()).as(at + " lwlrap").isEqualTo(a.get(e).valLwlrap());
            assertThat(b.get(e).valMap()).as(at + " mAP").isEqualTo(a.get(e).valMap());
            assertThat(b.get(e).valAccuracy()).as(at + " accuracy").isEqualTo(a.get(e).valAccuracy());
        }
        // training moved: the epochs differ from each other
        assertThat(a.get(2).trainLoss()).isNotEqualTo(a.get(1).trainLoss());
        assertThat(resumed.bestEpoch()).isEqualTo(whole.bestEpoch());
        assertThat(resumed.valLwlrap()).isEqualTo(whole.valLwlrap());
        assertThat(resumed.valMap()).isEqualTo(whole.valMap());
        // the exported models give identical scores
        try (Tagger t1 = Tagger.load(whole.modelDir()); Tagger t2 = Tagger.load(resumed.modelDir())) {
            Path clip = esc.clip(val[0]).file();
            assertThat(t2.scores(clip)).containsExactly(t1.scores(clip));
        }
    }
}
