package org.audiotag.train;

import org.audiotag.models.TagModel;

/**
 * What a {@link TrainingListener} sees of a running {@link Trainer} run: its configuration, folder, model, schedule,
 * the epochs finished so far (including those of an earlier, resumed session) and the best of them. A listener may
 * ask the run to stop before the next epoch ({@link #requestStop}). Only valid during the call it is passed to.
 *
 * <p>Epoch numbers here are 0-based, as {@link EpochRecord#epoch()}; messages, the command line and
 * {@code history.csv} print them plus one.
 */
public interface TrainingContext {

    /** Returns the training options. */
    TrainingConfig config();

    /** Returns the run folder. */
    RunFolder runFolder();

    /** Returns the model being trained (owned by the trainer: do not close it). */
    TagModel model();

    /** Returns the learning-rate schedule (its state is committed with every epoch). */
    LrSchedule schedule();

    /** Returns the finished epochs, including those restored on resume. */
    History history();

    /** Returns the number of finished epochs, including those restored on resume. */
    int epochsDone();

    /** Returns the 0-based epoch with the highest validation lwlrap so far (earliest on ties), −1 if none. */
    int bestEpoch();

    /** Returns the highest validation lwlrap so far, −∞ if none. */
    double bestLwlrap();

    /**
     * Asks the run to stop before its next epoch. The first request wins; later ones are ignored.
     *
     * @param reason why
     * @param message the run's summary message, or {@code null} for the standard one
     */
    void requestStop(StopReason reason, String message);

    /** Returns whether the run is stopping: a stop was requested, or the epoch budget ran out. */
    boolean stopRequested();

    /**
     * Returns why the run stops: the requested reason, {@link StopReason#EPOCHS_DONE} once the epoch budget ran out,
     * {@code null} while it is still running.
     */
    StopReason stopReason();

    /** Returns the message given with the stop request, or {@code null}. */
    String stopMessage();
}
