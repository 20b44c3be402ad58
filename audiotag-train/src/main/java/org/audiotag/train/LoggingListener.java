package org.audiotag.train;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs a run through SLF4J, under the logger name of {@link Trainer} (the name the command line and logging
 * configurations know): the resumption of an interrupted run (INFO), one line per epoch with learning rate, losses,
 * lwlrap, mAP, accuracy, time and throughput, marked {@code *} when it is the best so far, and a non-finite loss
 * (ERROR). Epochs are printed from 1, as in {@code history.csv}. The epoch line is INFO, or DEBUG when another
 * listener already reports progress (the trainer passes {@code epochLinesAtInfo = false} when it was given one).
 */
public final class LoggingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final boolean epochLinesAtInfo;
    private final Level epochLevel;

    /**
     * Creates the listener the trainer adds to every run.
     *
     * @param epochLinesAtInfo whether the per-epoch line is logged at INFO (else DEBUG)
     */
    public LoggingListener(boolean epochLinesAtInfo) {
        this.epochLinesAtInfo = epochLinesAtInfo;
        this.epochLevel = epochLinesAtInfo ? Level.INFO : Level.DEBUG;
    }

    /** Returns whether the per-epoch line is logged at INFO (else DEBUG). */
    public boolean epochLinesAtInfo() {
        return epochLinesAtInfo;
    }

    @Override
    public void onTrainingBegin(TrainingContext context) {
        if (context.epochsDone() > 0) {
            LOG.info("resuming {} after epoch {} (best lwlrap {} at epoch {})", context.runFolder().directory(),
                    context.epochsDone(), String.format(Locale.ROOT, "%.4g", context.bestLwlrap()),
                    context.bestEpoch() + 1);
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord r, boolean best) {
        if (!LOG.isEnabledForLevel(epochLevel)) {
            return;
        }
        String line = String.format(Locale.ROOT, "epoch %d: lr %.3g train loss %.4f val loss %.4f lwlrap "
                + "%.4f mAP %.4f acc %.4f (%.1f s, %.0f samples/s)%s", r.epoch() + 1, r.lr(), r.trainLoss(),
                r.valLoss(), r.valLwlrap(), r.valMap(), r.valAccuracy(), r.trainSeconds(),
                r.trainSamplesPerSecond(), best ? " *" : "");
        LOG.atLevel(epochLevel).log(line);
    }

    @Override
    public void onTrainingEnd(TrainingContext context) {
        if (context.stopReason() == StopReason.NAN_LOSS && context.stopMessage() != null) {
            LOG.error(context.stopMessage());
        }
    }

    @Override
    public String toString() {
        return "LoggingListener[epochs at " + epochLevel + "]";
    }
}
