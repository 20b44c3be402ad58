package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trainer.builder: defaults, validation in build(), equality with the deprecated constructor, listener order. */
class TrainerBuilderTest {

    static final TrainingConfig CFG = TrainingConfig.builder().architecture("dcnn").build();

    /** A listener that appends "name event" to a shared list. */
    static final class Recorder implements TrainingListener {
        final String name;
        final List<String> calls;
        final Path run;

        Recorder(String name, List<String> calls, Path run) {
            this.name = name;
            this.calls = calls;
            this.run = run;
        }

        @Override
        public void onTrainingBegin(TrainingContext context) {
            calls.add(name + " begin");
        }

        @Override
        public void onEpochBegin(TrainingContext context, int epoch) {
            calls.add(name + " epoch begin " + epoch);
        }

        @Override
        public void onBatch(int epoch, int batch, int batches, double loss) {
            calls.add(name + " batch " + batch + "/" + batches);
        }

        @Override
        public void onEpochEnd(TrainingContext context, EpochRecord record, boolean best) throws java.io.IOException {
            // the trainer's own CheckpointListener ran first: the epoch is committed to the run folder
            String state = Files.readString(run.resolve(RunFolder.STATE_FILE));
            calls.add(name + " epoch end " + record.epoch() + (state.contains("epochsDone=" + (record.epoch() + 1))
                    ? " committed" : " NOT committed"));
        }

        @Override
        public void onTrainingEnd(TrainingContext context) {
            calls.add(name + " end " + context.stopReason());
        }
    }

    static List<String> describe(List<TrainingListener> ls) {
        return ls.stream().map(Object::toString).toList();
    }

    @Test
    void defaultsArePipelineANoAugmentationAndOnlyTheTrainersOwnListeners(@TempDir Path dir) {
        Trainer t = Trainer.builder(CFG).cacheRoot(dir).build();
        assertThat(t.config()).isSameAs(CFG);
        assertThat(t.features().config()).isEqualTo(LogMelFeatures.from(FeatureConfig.pipelineA()).config());
        assertThat(t.features().cacheKey()).isEqualTo(LogMelFeatures.from(FeatureConfig.pipelineA()).cacheKey());
        assertThat(t.augment().text()).isEqualTo("none");
        assertThat(t.augment().pipeline()).isNull();
        assertThat(t.cacheRoot()).isEqualTo(dir);
        // CheckpointListener (restore best), LoggingListener at INFO (no caller listener), early stopping after 20
        assertThat(describe(t.listeners())).containsExactly("CheckpointListener[restoreBest=true]",
                "LoggingListener[epochs at INFO]", "EarlyStoppingListener[patience=20]");
    }

    @Test
    @SuppressWarnings("deprecation")
    void buildsTheTrainerTheDeprecatedConstructorBuilds(@TempDir Path dir) throws Exception {
        LogMelFeatures mel = LogMelFeatures.from(FeatureConfig.pipelineA().toBuilder().nMels(64).build());
        AugmentSpec mix = AugmentSpec.parse("mix:0.25", null, 44100);
        TrainingListener mine = new TrainingListener() {
        };
        TrainingConfig noStop = CFG.toBuilder().earlyStoppingPatience(0).restoreBest(false).mixProbability(0.5)
                .build();
        for (TrainingConfig cfg : List.of(CFG, noStop)) {
            for (TrainingListener l : new TrainingListener[] {null, mine, TrainingListener.NONE}) {
                for (AugmentSpec a : new AugmentSpec[] {null, mix}) {
                    Trainer old = new Trainer(cfg, mel, a, dir, l);
                    Trainer.Builder b = Trainer.builder(cfg).features(mel).cacheRoot(dir);
                    if (a != null) {
                        b.augment(a);
                    }
                    if (l != null) {
                        b.addTrainingListeners(l);
                    }
                    Trainer built = b.build();
                    String at = cfg.earlyStoppingPatience() + " " + l + " " + a;
                    assertThat(built.config()).as(at).isSameAs(old.config());
                    assertThat(built.features()).as(at).isSameAs(old.features());
                    assertThat(built.augment().text()).as(at).isEqualTo(old.augment().text());
                    assertThat(built.cacheRoot()).as(at).isEqualTo(old.cacheRoot());
                    assertThat(describe(built.listeners())).as(at).isEqualTo(describe(old.listeners()));
                    if (l == mine) {
                        assertThat(built.listeners().get(built.listeners().size() - 1)).isSameAs(mine);
                    }
                }
            }
        }
        // the constructor's null checks are unchanged
        assertThatThrownBy(() -> new Trainer(null, mel, null, dir, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cfg");
        assertThatThrownBy(() -> new Trainer(CFG, mel, null, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cacheRoot");
    }

    @Test
    void buildChecksEveryPartAndNamesIt(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Trainer.builder(null).cacheRoot(dir).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("config:");
        assertThatThrownBy(() -> Trainer.builder(CFG).features(null).cacheRoot(dir).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("features:")
                .hasMessageContaining("pipelineA");
        assertThatThrownBy(() -> Trainer.builder(CFG).augment(null).cacheRoot(dir).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("augment:");
        assertThatThrownBy(() -> Trainer.builder(CFG).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cacheRoot: not set");
        Path file = Files.writeString(dir.resolve("cache.txt"), "not a folder");
        assertThatThrownBy(() -> Trainer.builder(CFG).cacheRoot(file).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cacheRoot: ")
                .hasMessageContaining(file.toString()).hasMessageContaining("is a file");
        TrainingListener ok = new TrainingListener() {
        };
        assertThatThrownBy(() -> Trainer.builder(CFG).cacheRoot(dir).addTrainingListeners(ok)
                .addTrainingListeners(ok, null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trainingListeners: listener 2");
        assertThatThrownBy(() -> Trainer.builder(CFG).cacheRoot(dir).addTrainingListeners((TrainingListener[]) null)
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("trainingListeners: listener 0");
        // a folder that does not exist yet is fine (created on first use); setters only record, build() checks
        Trainer.Builder b = Trainer.builder(CFG).features(null).cacheRoot(dir.resolve("new/cache"));
        assertThat(b.features(LogMelFeatures.from(FeatureConfig.pipelineA())).build().cacheRoot())
                .isEqualTo(dir.resolve("new/cache"));
        assertThat(Files.exists(dir.resolve("new"))).isFalse();
    }

    @Test
    void callerListenersRunInTheOrderAddedAfterTheTrainersOwn(@TempDir Path dir) throws Exception {
        Dataset all = Datasets.esc10(TestPaths.esc10(), LoadOptions.defaults());
        // 6 clips of fold 1 for training, 2 of fold 5 for validation: only their features are computed
        int[] pick = IntStream.concat(IntStream.of(all.indicesOfFolds(1)).limit(6),
                IntStream.of(all.indicesOfFolds(5)).limit(2)).toArray();
        Dataset esc = all.subset(pick);
        Path run = dir.resolve("run");
        List<String> calls = new ArrayList<>();
        Trainer t = Trainer.builder(CFG.toBuilder().epochs(1).batchSize(3).seed(8).build())
                .cacheRoot(dir.resolve("cache"))
                .addTrainingListeners(new Recorder("A", calls, run))
                .addTrainingListeners(new Recorder("B", calls, run), new Recorder("C", calls, run))
                .build();
        List<TrainingListener> ls = t.listeners();
        assertThat(ls).hasSize(6);
        assertThat(ls.get(0)).isInstanceOf(CheckpointListener.class);
        // with caller listeners the epoch line goes to DEBUG, as with the constructor's listener
        assertThat(ls.get(1)).isInstanceOfSatisfying(LoggingListener.class,
                l -> assertThat(l.epochLinesAtInfo()).isFalse());
        assertThat(ls.get(2)).isInstanceOf(EarlyStoppingListener.class);
        assertThat(ls.subList(3, 6)).extracting(l -> ((Recorder) l).name).containsExactly("A", "B", "C");

        TrainingResult r = t.train(esc, new int[] {0, 1, 2, 3, 4, 5}, new int[] {6, 7}, run);
        assertThat(r.history().records()).hasSize(1);
        assertThat(calls).containsExactly(
                "A begin", "B begin", "C begin",
                "A epoch begin 0", "B epoch begin 0", "C epoch begin 0",
                "A batch 0/2", "B batch 0/2", "C batch 0/2",
                "A batch 1/2", "B batch 1/2", "C batch 1/2",
                "A epoch end 0 committed", "B epoch end 0 committed", "C epoch end 0 committed",
                "A end EPOCHS_DONE", "B end EPOCHS_DONE", "C end EPOCHS_DONE");
    }
}
