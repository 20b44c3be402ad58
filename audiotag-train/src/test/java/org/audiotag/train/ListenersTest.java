package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;
import org.audiotag.train.internal.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The trainer's listeners on scripted epochs: early stopping, checkpoints and pruning, logging, composition. */
class ListenersTest {

    static final LogMelFeatures MEL = LogMelFeatures.from(FeatureConfig.pipelineA());

    static {
        // the tests run inside the module org.audiotag.train, which reads SLF4J but not its test-scoped backend
        for (String m : List.of("ch.qos.logback.classic", "ch.qos.logback.core")) {
            ModuleLayer.boot().findModule(m).ifPresent(ListenersTest.class.getModule()::addReads);
        }
    }

    static EpochRecord epoch(int e, double lwlrap) {
        return new EpochRecord(e, 1e-3, 0.5, 0.4, lwlrap, 0.3, 0.2, 1.5, 100);
    }

    /**
     * Runs the trainer's epoch protocol on a scripted lwlrap sequence without a model: onEpochBegin, then (if no stop)
     * the epoch is recorded and onEpochEnd called. Returns the number of epochs that ran.
     */
    static int runScripted(RunState ctx, TrainingListener l, double[] lwlrap, int budget) throws Exception {
        int epoch = ctx.epochsDone();
        for (; epoch < budget; epoch++) {
            l.onEpochBegin(ctx, epoch);
            if (ctx.stopRequested()) {
                break;
            }
            EpochRecord r = epoch(epoch, lwlrap[epoch]);
            l.onEpochEnd(ctx, r, ctx.record(r));
        }
        ctx.finish();
        return epoch;
    }

    static RunState context() {
        return new RunState(TrainingConfig.builder().build(), null, null, LrSchedule.constant(1e-3));
    }

    @Test
    void earlyStoppingStopsWhenPatienceEpochsHaveNotStrictlyImproved() throws Exception {
        // best at epoch 1 (0.30); epoch 2 ties (not better), epoch 3 is worse: with patience 2 the run stops before
        // epoch 4 and never sees its 0.50
        double[] seq = {0.10, 0.30, 0.30, 0.20, 0.50, 0.60};
        RunState ctx = context();
        assertThat(runScripted(ctx, new EarlyStoppingListener(2), seq, seq.length)).isEqualTo(4);
        assertThat(ctx.stopReason()).isEqualTo(StopReason.EARLY_STOPPED);
        assertThat(ctx.bestEpoch()).isEqualTo(1);
        assertThat(ctx.history().records()).hasSize(4);

        // patience 3: epoch 4 improves, the run goes on to the budget
        RunState longer = context();
        assertThat(runScripted(longer, new EarlyStoppingListener(3), seq, seq.length)).isEqualTo(6);
        assertThat(longer.stopReason()).isEqualTo(StopReason.EPOCHS_DONE);
        assertThat(longer.bestEpoch()).isEqualTo(5);

        // meeting the criterion exactly at the end of the budget is not an early stop (as before the listeners)
        RunState atEnd = context();
        assertThat(runScripted(atEnd, new EarlyStoppingListener(2), seq, 4)).isEqualTo(4);
        assertThat(atEnd.stopReason()).isEqualTo(StopReason.EPOCHS_DONE);

        // a resumed run that had already met the criterion stops before training again
        RunState resumed = context();
        resumed.restore(List.of(epoch(0, 0.4), epoch(1, 0.3), epoch(2, 0.35)), 0, 0.4);
        assertThat(runScripted(resumed, new EarlyStoppingListener(2), seq, 10)).isEqualTo(3);
        assertThat(resumed.stopReason()).isEqualTo(StopReason.EARLY_STOPPED);

        assertThatThrownBy(() -> new EarlyStoppingListener(0)).hasMessageContaining("patience");
    }

    @Test
    void checkpointingCommitsEveryEpochKeepsTheLastAndTheBestAndRestoresTheBest(@TempDir Path dir) throws Exception {
        ModelConfig mc = ModelConfig.builder().numTags(3).seed(11).inputShape(8, 6).widths(8, 2).build();
        SplittableRandom rnd = new SplittableRandom(4);
        float[] x = new float[4 * 48];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float[] y = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0};
        double[] seq = {0.2, 0.6, 0.4, 0.5, 0.3};
        try (TagModel model = Architecture.GRU.build(mc)) {
            RunFolder folder = RunFolder.open(dir.resolve("run"));
            folder.claim(RunFolderTest.FP, Map.of());
            LrSchedule schedule = LrSchedule.reduceOnPlateau(1e-2, 0.5, 0, 0);
            RunState ctx = new RunState(TrainingConfig.builder().build(), folder, model, schedule);
            CheckpointListener cl = new CheckpointListener(true);
            List<float[]> predictions = new ArrayList<>();
            for (int e = 0; e < seq.length; e++) {
                model.trainStep(x, y, 4, (float) schedule.lr());
                predictions.add(model.predict(x, 4));
                EpochRecord r = epoch(e, seq[e]);
                schedule.step(e, seq[e]);
                cl.onEpochEnd(ctx, r, ctx.record(r));
                // committed: history, state; kept: this epoch and the best one
                assertThat(History.read(folder.directory()).records()).hasSize(e + 1);
                RunFolder.State s = folder.readState().orElseThrow();
                assertThat(s.epochsDone()).isEqualTo(e + 1);
                assertThat(s.bestEpoch()).isEqualTo(ctx.bestEpoch());
                assertThat(s.schedule()).containsExactly(schedule.state());
                assertThat(checkpointEpochs(folder)).containsExactlyInAnyOrder(
                        Stream.of(e, ctx.bestEpoch()).distinct().toArray(Integer[]::new));
            }
            assertThat(ctx.bestEpoch()).isEqualTo(1);
            ctx.finish();
            cl.onTrainingEnd(ctx);
            assertThat(model.predict(x, 4)).containsExactly(predictions.get(1));

            // without restoring the best, a NaN stop goes back to the last committed epoch, else nothing is loaded
            model.trainStep(x, y, 4, 0.1f);
            RunState nan = new RunState(TrainingConfig.builder().build(), folder, model, schedule);
            nan.restore(ctx.history().records(), 1, 0.6);
            nan.requestStop(StopReason.NAN_LOSS, "loss became NaN");
            new CheckpointListener(false).onTrainingEnd(nan);
            assertThat(model.predict(x, 4)).containsExactly(predictions.get(4));
            model.trainStep(x, y, 4, 0.1f);
            float[] moved = model.predict(x, 4);
            RunState done = new RunState(TrainingConfig.builder().build(), folder, model, schedule);
            done.restore(ctx.history().records(), 1, 0.6);
            done.finish();
            new CheckpointListener(false).onTrainingEnd(done);
            assertThat(model.predict(x, 4)).containsExactly(moved);
        }
    }

    static List<Integer> checkpointEpochs(RunFolder f) throws Exception {
        try (Stream<Path> s = Files.list(f.directory().resolve(RunFolder.CHECKPOINT_FOLDER))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".index"))
                    .map(n -> Integer.parseInt(n.substring(6, 10))).toList();
        }
    }

    @Test
    void loggingWritesTheEpochLineAtInfoOrDebugTheResumeAndTheNanStop() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Trainer.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        Level before = log.getLevel();
        log.setLevel(Level.DEBUG);
        try {
            RunState ctx = context();
            EpochRecord r = new EpochRecord(2, 1e-3, 0.51234, 0.41234, 0.71234, 0.61234, 0.5, 2.5, 123.4);
            new LoggingListener(true).onEpochEnd(ctx, r, true);
            new LoggingListener(false).onEpochEnd(ctx, r, false);
            assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.DEBUG);
            assertThat(events.list.get(0).getFormattedMessage()).isEqualTo("epoch 3: lr 0.00100 train loss 0.5123 "
                    + "val loss 0.4123 lwlrap 0.7123 mAP 0.6123 acc 0.5000 (2.5 s, 123 samples/s) *");
            assertThat(events.list.get(1).getFormattedMessage()).endsWith("samples/s)");
            events.list.clear();

            RunFolder folder = RunFolder.open(Files.createTempDirectory("audiotag-log"));
            RunState resumed = new RunState(TrainingConfig.builder().build(), folder, null, LrSchedule.constant(1));
            resumed.restore(List.of(epoch(0, 0.5), epoch(1, 0.25)), 0, 0.5);
            new LoggingListener(false).onTrainingBegin(resumed);
            new LoggingListener(false).onTrainingBegin(context()); // a fresh run: nothing to say
            resumed.requestStop(StopReason.NAN_LOSS, "loss became NaN at epoch 3 batch 2 (lr 0.001000); stopped");
            new LoggingListener(false).onTrainingEnd(resumed);
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "resuming " + folder.directory() + " after epoch 2 (best lwlrap 0.5000 at epoch 1)",
                    "loss became NaN at epoch 3 batch 2 (lr 0.001000); stopped");
            assertThat(events.list.get(1).getLevel()).isEqualTo(Level.ERROR);
            Files.delete(folder.directory());
        } finally {
            log.detachAppender(events);
            log.setLevel(before);
        }
    }

    @Test
    void theTrainerConfiguresItsListenersFromTheConfigAndCallsTheCallersLast(@TempDir Path dir) {
        TrainingListener mine = new TrainingListener() {
        };
        Trainer t = Trainer.builder(TrainingConfig.builder().earlyStoppingPatience(7).restoreBest(false).build())
                .features(MEL).cacheRoot(dir).addTrainingListeners(mine).build();
        List<TrainingListener> ls = t.listeners();
        assertThat(ls).hasSize(4);
        assertThat(ls.get(0)).isInstanceOfSatisfying(CheckpointListener.class,
                c -> assertThat(c.restoreBest()).isFalse());
        assertThat(ls.get(1)).isInstanceOfSatisfying(LoggingListener.class,
                l -> assertThat(l.epochLinesAtInfo()).isFalse());
        assertThat(ls.get(2)).isInstanceOfSatisfying(EarlyStoppingListener.class,
                e -> assertThat(e.patience()).isEqualTo(7));
        assertThat(ls.get(3)).isSameAs(mine);
        List<TrainingListener> plain = Trainer.builder(TrainingConfig.builder().earlyStoppingPatience(0).build())
                .features(MEL).cacheRoot(dir).build().listeners();
        assertThat(plain).hasSize(2);
        assertThat(((LoggingListener) plain.get(1)).epochLinesAtInfo()).isTrue();
    }

    @Test
    void composedListenersGetEveryEventInOrderAndOldStyleListenersStillHearEpochs() throws Exception {
        List<String> calls = new ArrayList<>();
        TrainingListener oldStyle = new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches, double loss) {
                calls.add("old batch " + batch);
            }

            @Override
            public void onEpoch(EpochRecord record, boolean best) {
                calls.add("old epoch " + record.epoch() + " " + best);
            }
        };
        TrainingListener newStyle = new TrainingListener() {
            @Override
            public void onTrainingBegin(TrainingContext c) {
                calls.add("new begin");
            }

            @Override
            public void onEpochBegin(TrainingContext c, int epoch) {
                calls.add("new epoch begin " + epoch);
            }

            @Override
            public void onEpochEnd(TrainingContext c, EpochRecord r, boolean best) {
                calls.add("new epoch end " + r.epoch() + " history " + c.history().records().size());
            }

            @Override
            public void onTrainingEnd(TrainingContext c) {
                calls.add("new end " + c.stopReason());
            }
        };
        TrainingListener both = TrainingListener.of(oldStyle, null, newStyle);
        RunState ctx = context();
        both.onTrainingBegin(ctx);
        both.onEpochBegin(ctx, 0);
        both.onBatch(0, 0, 1, 0.5);
        EpochRecord r = epoch(0, 0.5);
        both.onEpochEnd(ctx, r, ctx.record(r));
        ctx.finish();
        both.onTrainingEnd(ctx);
        assertThat(calls).containsExactly("new begin", "new epoch begin 0", "old batch 0", "old epoch 0 true",
                "new epoch end 0 history 1", "new end EPOCHS_DONE");
    }
}
