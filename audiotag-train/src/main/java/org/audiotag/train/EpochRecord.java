package org.audiotag.train;

/**
 * The figures of one training epoch.
 *
 * @param epoch 0-based epoch number
 * @param lr learning rate used
 * @param trainLoss mean BCE-with-logits loss over the training batches
 * @param valLoss mean BCE loss on the validation clips (window-aggregated scores)
 * @param valLwlrap validation label-weighted label-ranking average precision (DCASE 2019 task 2)
 * @param valMap validation mean average precision over tags
 * @param valAccuracy validation top-1 accuracy (a clip is right when its best-scored tag is one of its labels)
 * @param trainSeconds wall-clock time of the training pass only (the original's "Time (1 epoch)")
 * @param trainSamplesPerSecond training examples per second of the training pass
 */
public record EpochRecord(int epoch, double lr, double trainLoss, double valLoss, double valLwlrap, double valMap,
        double valAccuracy, double trainSeconds, double trainSamplesPerSecond) {
}
