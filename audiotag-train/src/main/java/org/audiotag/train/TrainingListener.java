package org.audiotag.train;

import java.io.IOException;
import org.audiotag.train.internal.ListenerChain;

/**
 * Receives the events of a {@link Trainer} run (in the manner of DJL's {@code TrainingListener}), on the training
 * thread, in this order: {@link #onTrainingBegin}
 * (after the model is built and a resumed run's state restored), then per epoch {@link #onEpochBegin} (a listener
 * may stop the run here), {@link #onBatch} after every batch and {@link #onEpochEnd} after the epoch's validation,
 * and finally {@link #onTrainingEnd} (before the final evaluation and the export). All methods default to no-ops;
 * {@link #onEpochEnd} defaults to {@link #onEpoch(EpochRecord, boolean)}.
 *
 * <p>The trainer runs its own listeners first, configured from {@link TrainingConfig}: {@link CheckpointListener}
 * (checkpoint, history and state of every epoch, so a listener's {@code onEpochEnd} sees a committed epoch),
 * {@link LoggingListener}, and {@link EarlyStoppingListener} when early stopping is on; then the listeners given to
 * {@link Trainer.Builder#addTrainingListeners}, in the order added. Epoch numbers are 0-based, as
 * {@link EpochRecord#epoch()}.
 *
 * <p>A custom listener overrides only the events it needs; this one ends the run once the validation lwlrap has
 * reached 0.9 (the epoch that reached it is already committed to the run folder):
 * {@snippet :
 * TrainingListener target = new TrainingListener() {
 *     @Override
 *     public void onEpochBegin(TrainingContext context, int epoch) {
 *         if (context.bestLwlrap() >= 0.9) {
 *             context.requestStop(StopReason.EARLY_STOPPED, "validation lwlrap reached 0.9");
 *         }
 *     }
 * };
 * Trainer trainer = Trainer.builder(cfg).cacheRoot(cache).addTrainingListeners(target).build();
 * }
 * Listeners run on the training thread and hold it up: keep them quick. An exception from a listener ends the run
 * (the last committed epoch stays resumable).
 */
public interface TrainingListener {

    /**
     * Called before the first epoch of this session, after a resumed run's model, schedule and history are
     * restored.
     *
     * @param context the run
     * @throws IOException on a failure that should end the run
     */
    default void onTrainingBegin(TrainingContext context) throws IOException {
    }

    /**
     * Called before each epoch; {@link TrainingContext#requestStop} here ends the run without training the epoch.
     *
     * @param context the run
     * @param epoch the 0-based epoch about to start
     * @throws IOException on a failure that should end the run
     */
    default void onEpochBegin(TrainingContext context, int epoch) throws IOException {
    }

    /**
     * Called after each training batch with the batch's loss.
     *
     * @param epoch 0-based epoch
     * @param batch 0-based batch within the epoch
     * @param batches batches in the epoch
     * @param loss the batch's mean BCE-with-logits loss over its examples and tags
     */
    default void onBatch(int epoch, int batch, int batches, double loss) {
    }

    /**
     * Called after each epoch's validation and after the trainer's own listeners committed it; by default calls
     * {@link #onEpoch(EpochRecord, boolean)}.
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
     * Called after each epoch's validation and checkpoint by the default {@link #onEpochEnd}; the simpler hook of
     * listeners that only need the figures.
     *
     * @param record the epoch's figures
     * @param best whether it is the best epoch so far
     */
    default void onEpoch(EpochRecord record, boolean best) {
    }

    /**
     * Called after the last epoch of this session, whatever ended it ({@link TrainingContext#stopReason()} says
     * what), and before the final evaluation and export. Not called when the run ends with an exception.
     *
     * @param context the run
     * @throws IOException on a failure that should end the run
     */
    default void onTrainingEnd(TrainingContext context) throws IOException {
    }

    /**
     * Combines listeners into one that forwards every event to each of them in order; the first exception ends the
     * event.
     *
     * @param listeners listeners to call in order (nulls are left out)
     * @return the combined listener
     */
    static TrainingListener of(TrainingListener... listeners) {
        return new ListenerChain(java.util.Arrays.asList(listeners));
    }

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {
    };
}
