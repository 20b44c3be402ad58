package org.audiotag.train;

/**
 * The figures of one training epoch.
 *
 * @param epoch 0-based epoch number
 * @param lr learning rate used
 * @param trainLoss mean training loss over the training batches (BCE with logits, or the configured
 *     {@link TrainingConfig#loss()})
 * @param valLoss mean BCE loss on the validation clips (window-aggregated scores); under the softmax cross-entropy
 *     loss, that loss on the validation windows
 * @param valLwlrap validation label-weighted label-ranking average precision (DCASE 2019 task 2)
 * @param valMap validation mean average precision over tags
 * @param valAccuracy validation top-1 accuracy (a clip is right when its best-scored tag is one of its labels)
 * @param trainSeconds wall-clock time of the training pass only (the original's "Time (1 epoch)")
 * @param trainSamplesPerSecond training examples per second of the training pass
 * @param trainLwlrap lwlrap of the predictions made during the training pass (docs/ORIGINAL-PROJECT.md §5.1), NaN
 *     when not recorded ({@link TrainingConfig#trainLwlrap()})
 * @param valBatchLwlrap the original MCNN trainer's batch-averaged validation lwlrap (docs/ORIGINAL-PROJECT.md
 *     §3.2), NaN when not recorded ({@link TrainingConfig#batchLwlrapSize()})
 */
public record EpochRecord(int epoch, double lr, double trainLoss, double valLoss, double valLwlrap, double valMap,
        double valAccuracy, double trainSeconds, double trainSamplesPerSecond, double trainLwlrap,
        double valBatchLwlrap) {

    /**
     * Creates the record of an epoch without train lwlrap or batch-averaged lwlrap (both NaN), the figures of
     * release 0.2.
     *
     * @param epoch 0-based epoch number
     * @param lr learning rate used
     * @param trainLoss mean training loss
     * @param valLoss validation loss
     * @param valLwlrap validation lwlrap
     * @param valMap validation mean average precision
     * @param valAccuracy validation top-1 accuracy
     * @param trainSeconds wall-clock time of the training pass
     * @param trainSamplesPerSecond training examples per second
     */
    public EpochRecord(int epoch, double lr, double trainLoss, double valLoss, double valLwlrap, double valMap,
            double valAccuracy, double trainSeconds, double trainSamplesPerSecond) {
        this(epoch, lr, trainLoss, valLoss, valLwlrap, valMap, valAccuracy, trainSeconds, trainSamplesPerSecond,
                Double.NaN, Double.NaN);
    }
}
