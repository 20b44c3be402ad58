package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.ModelLoadException;
import org.audiotag.models.ProvenanceKeys;
import org.audiotag.models.TagScore;
import org.audiotag.models.Tagger;
import org.audiotag.toolkit.Provenance;
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

    /** Pipeline A (docs/ORIGINAL-PROJECT.md §1.3), described by audiotag-features' preset. */
    static final LogMelFeatures MEL = LogMelFeatures.from(FeatureConfig.pipelineA());

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
    @SuppressWarnings("removal")
    void trainsExportsTagsAndResumes(@TempDir Path dir) throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(1).batchSize(20).seed(5)
                .mixProbability(0.5).build();
        Path run = dir.resolve("run");
        TrainingResult first = Trainer.builder(cfg).features(MEL).cacheRoot(dir.resolve("cache")).build()
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

        // one provenance file in the exported model, written by audiotag-models; the run folder keeps its own
        try (Stream<Path> files = Files.list(first.modelDir())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties")))
                    .containsExactly(ExportedModel.PROVENANCE_FILE);
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(first.modelDir().resolve(ExportedModel.PROVENANCE_FILE))) {
            p.load(r);
        }
        assertThat(p.getProperty(ProvenanceKeys.FORMAT)).isEqualTo(ExportedModel.FORMAT);
        assertThat(p.getProperty(Provenance.ARCHITECTURE)).isEqualTo("dcnn");
        assertThat(p.getProperty(Provenance.SEED)).isEqualTo("5");
        assertThat(p.getProperty(Provenance.INPUT_SHAPE)).isEqualTo("128,128,1");
        assertThat(FeatureConfig.parse(p.getProperty(ProvenanceKeys.FEATURES))).isEqualTo(MEL.config());
        assertThat(p.getProperty(ProvenanceKeys.WINDOW)).isEqualTo("128");
        assertThat(p.getProperty(ProvenanceKeys.WINDOW_HOP)).isEqualTo("64");
        assertThat(p.getProperty(ProvenanceKeys.AGGREGATION)).isEqualTo("MEAN");
        assertThat(Float.parseFloat(p.getProperty(ProvenanceKeys.NORMALIZE_STD))).isGreaterThan(1f);
        assertThat(p.getProperty("training.config")).isEqualTo(cfg.toString());
        assertThat(p.getProperty("training.features")).isEqualTo(MEL.cacheKey());
        assertThat(p.getProperty("training.trainClips")).isEqualTo("40");
        assertThat(p.getProperty("training.splitSha256")).hasSize(64);
        assertThat(p.getProperty("training.featureCache")).hasSize(64);
        assertThat(Files.readAllLines(first.modelDir().resolve(ExportedModel.TAGS_FILE)))
                .isEqualTo(esc.vocabulary().labels());
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

        // the exported model tags with audiotag-models alone: same windows, normalisation and tags as trained
        try (Tagger tagger = Tagger.load(first.modelDir())) {
            assertThat(tagger.tags()).isEqualTo(esc.vocabulary().labels());
            assertThat(tagger.featureConfig()).isEqualTo(MEL.config());
            assertThat(tagger.tagging().normalizeStd()).isEqualTo(Float.parseFloat(p.getProperty(
                    ProvenanceKeys.NORMALIZE_STD)));
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
            // the deprecated train-side name gives the same answers in the earlier types
            org.audiotag.train.Tagger old = org.audiotag.train.Tagger.load(first.modelDir());
            try (old) {
                assertThat(old.vocabulary()).isEqualTo(esc.vocabulary());
                assertThat(old.features()).isEqualTo(org.audiotag.train.LogMelFeatures.of(MEL));
                assertThat(old.scores(clip)).containsExactly(s);
                assertThat(old.tag(clip, 3)).extracting(org.audiotag.train.TagScore::tag)
                        .containsExactlyElementsOf(top.stream().map(TagScore::tag).toList());
            }
        }
        // a run folder is not the model: the message says which folder to pass; another folder names the file
        assertThatThrownBy(() -> Tagger.load(run)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("training run folder").hasMessageContaining(run.resolve("model").toString());
        assertThatThrownBy(() -> Tagger.load(dir)).hasMessageContaining(ExportedModel.PROVENANCE_FILE)
                .hasMessageContaining("saved_model.pb");

        // the run folder's marker identifies the run; a file the user put into model/ or ckpt/ is never deleted:
        // the next run in the folder is refused (naming it) before anything is trained or replaced
        assertThat(Files.readString(run.resolve(RunFolder.MARKER_FILE))).contains("architecture=dcnn")
                .contains("model.file.0=");
        assertThat(first.bestEpoch()).isZero();
        assertThat(first.bestEpochNumber()).isEqualTo(1);
        assertThat(first.message()).contains("best epoch 1,");
        Path readme = first.modelDir().resolve("README.txt");
        Files.writeString(readme, "my notes on this model");
        assertThatThrownBy(() -> Trainer.builder(cfg).features(MEL).cacheRoot(dir.resolve("cache")).build()
                .train(esc, train, val, run)).isInstanceOf(RunFolderException.class)
                .hasMessageContaining(run.toString()).hasMessageContaining("model/README.txt");
        assertThat(readme).hasContent("my notes on this model");
        Files.delete(readme);

        // resume: the same run with a larger budget continues after epoch 1 and keeps epoch 1 as recorded
        TrainingResult resumed = Trainer.builder(cfg.toBuilder().epochs(2).build()).features(MEL)
                .cacheRoot(dir.resolve("cache")).build().train(esc, train, val, run);
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
        assertThatThrownBy(() -> Trainer.builder(cfg.toBuilder().seed(6).build()).features(MEL)
                .cacheRoot(dir.resolve("cache")).build().train(esc, train, val, run)).hasMessageContaining("different run");
    }

    @Test
    void augmentedTrainingComputesFeaturesOnTheFly(@TempDir Path dir) throws Exception {
        AugmentSpec spec = AugmentSpec.parse("gain:1.0,noise:0.5,mix:0.3",
                TestPaths.root().resolve("data/impulse-responses"), 44100);
        assertThat(spec.pipeline()).isNotNull();
        assertThat(spec.mixProbability()).isEqualTo(0.3);
        TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(1).batchSize(20).seed(9).build();
        TrainingResult r = Trainer.builder(cfg).features(MEL).augment(spec).cacheRoot(dir.resolve("cache")).build()
                .train(esc, train, val, dir.resolve("run"));
        assertThat(r.history().records()).hasSize(1);
        assertThat(r.history().records().get(0).trainLoss()).isBetween(0.05, 2.0);
        // two caches: log-mels for validation, decoded audio for on-the-fly augmentation
        try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
            assertThat(s.count()).isEqualTo(2);
        }
        assertThat(Files.readString(r.modelDir().resolve(ExportedModel.PROVENANCE_FILE)))
                .contains("training.augment=gain\\:1.0,noise\\:0.5,mix\\:0.3");
        assertThatThrownBy(() -> AugmentSpec.parse("wobble", null, 44100)).hasMessageContaining("wobble");
        assertThatThrownBy(() -> AugmentSpec.parse("gain:2", null, 44100)).hasMessageContaining("[0, 1]");
    }

    /** Thrown by a listener to kill a run right after an epoch's checkpoint and state are written. */
    static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed after epoch 1");
        }
    }

    /**
     * Issue 6: a run killed after epoch 1 and resumed ends with exactly the same history as an uninterrupted run
     * with the same seed, also for models with dropout (stateless masks keyed by the checkpointed step counter). The
     * uninterrupted run is made by the deprecated five-argument constructor, the others by the builder: equal
     * histories and scores also show that both make the same trainer.
     */
    @SuppressWarnings("deprecation")
    @ParameterizedTest
    @ValueSource(strings = {"dcnn", "moddcnn"})
    void killedAndResumedRunEqualsUninterruptedRun(String arch, @TempDir Path dir) throws Exception {
        int[] tr = java.util.Arrays.copyOf(train, 20);
        TrainingConfig cfg = TrainingConfig.builder().architecture(arch).epochs(3).batchSize(10).seed(5)
                .mixProbability(0.5).lr(3e-3).build();
        Path cache = dir.resolve("cache");
        TrainingResult whole = new Trainer(cfg, MEL, null, cache, null)
                .train(esc, tr, val, dir.resolve("whole"));
        Path run = dir.resolve("killed");
        TrainingListener killer = new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord record, boolean best) {
                throw new Killed();
            }
        };
        assertThatThrownBy(() -> Trainer.builder(cfg).features(MEL).cacheRoot(cache).addTrainingListeners(killer)
                .build().train(esc, tr, val, run)).isInstanceOf(Killed.class);
        assertThat(History.read(run).records()).hasSize(1);
        assertThat(Files.readString(run.resolve("state.properties"))).contains("epochsDone=1");
        TrainingResult resumed = Trainer.builder(cfg).features(MEL).cacheRoot(cache).build()
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
