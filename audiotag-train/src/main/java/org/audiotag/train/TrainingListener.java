package org.audiotag.train;

import java.io.IOException;
import org.audiotag.train.internal.ListenerChain;

/**
 * Receives the events of a {@link Trainer} run, on the training thread, in this order: {@link #onTrainingBegin}
 * (after the model is built and a resumed run's state restored), then per epoch {@link #onEpochBegin} (a listener
 * may stop the run here), {@link #onBatch} after every batch and {@link #onEpochEnd} after the epoch's validation,
 * and finally {@link #onTrainingEnd} (before the final evaluation and the export). All methods default to no-ops;
 * {@link #onEpochEnd} defaults to {@link #onEpoch(EpochRecord, boolean)}.
 *
 * <p>The trainer runs its own listeners first, configured from {@link TrainingConfig}: {@link CheckpointListener}
 * (checkpoint, history and state of every epoch, so a listener's {@code onEpochEnd} sees a committed epoch),
 * {@link LoggingListener}, and {@link EarlyStoppingListener} when early stopping is on; then the listener given to
 * the trainer ({@link #of} combines several). Epoch numbers are 0-based, as {@link EpochRecord#epoch()}.
 */
public interface TrainingListener {

    /**
     * Before the first epoch of this session (after a resumed run's model, schedule and history are restored).
     *
     * @param context the run
     * @throws IOException on a failure that should end the run
     */
    default void onTrainingBegin(TrainingContext context) throws IOException {
    }

    /**
     * Before each epoch; {@link TrainingContext#requestStop} here ends the run without training the epoch.
     *
     * @param context the run
     * @param epoch the 0-based epoch about to start
     * @throws IOException on a failure that should end the run
     */
    default void onEpochBegin(TrainingContext context, int epoch) throws IOException {
    }

    /**
     * After each training batch.
     *
     * @param epoch 0-based epoch
     * @param batch 0-based batch within the epoch
     * @param batches batches in the epoch
     * @param loss the batch's training loss
     */
    default void onBatch(int epoch, int batch, int batches, double loss) {
    }

    /**
     * After each epoch's validation; by default calls {@link #onEpoch(EpochRecord, boolean)}.
     *
     * @param context the run ({@link TrainingContext#history()} already holds {@code record})
     * @param record the epoch's figures
     * @param best whether it has the best validation lwlrap so far (strictly better than every earlier epoch)
     * @throws IOException on a failure that should end the run
     */
    default void onEpochEnd(TrainingContext context, EpochRecord record, boolean best) throws IOException {
        onEpoch(record, best);
    }

    /**
     * After each epoch's validation and checkpoint (called by the default {@link #onEpochEnd}).
     *
     * @param record the epoch's figures
     * @param best whether it is the best epoch so far
     */
    default void onEpoch(EpochRecord record, boolean best) {
    }

    /**
     * After the last epoch of this session, whatever ended it ({@link TrainingContext#stopReason()} says what), and
     * before the final evaluation and export. Not called when the run ends with an exception.
     *
     * @param context the run
     * @throws IOException on a failure that should end the run
     */
    default void onTrainingEnd(TrainingContext context) throws IOException {
    }

    /**
     * @param listeners listeners to call in order (nulls are left out)
     * @return one listener that forwards every event to each of {@code listeners} in order
     */
    static TrainingListener of(TrainingListener... listeners) {
        return new ListenerChain(java.util.Arrays.asList(listeners));
    }

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {
    };
}
