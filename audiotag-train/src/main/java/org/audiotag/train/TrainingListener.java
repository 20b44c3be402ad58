package org.audiotag.train;

/** Receives progress of a {@link Trainer} run (called on the training thread). All methods default to no-ops. */
public interface TrainingListener {

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
     * After each epoch's validation and checkpoint.
     *
     * @param record the epoch's figures
     * @param best whether it is the best epoch so far
     */
    default void onEpoch(EpochRecord record, boolean best) {
    }

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {
    };
}
