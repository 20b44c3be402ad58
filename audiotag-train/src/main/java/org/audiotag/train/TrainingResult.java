package org.audiotag.train;

import java.nio.file.Path;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param runDir the run folder (checkpoints, history, provenance)
 * @param modelDir the exported model ({@code runDir/model}), loadable by {@link Tagger#load(Path)}
 * @param history every epoch's figures
 * @param stopReason why the run ended
 * @param message a one-line human summary (for NaN: which epoch and batch)
 * @param bestEpoch the epoch with the best validation lwlrap (−1 if none finished)
 * @param valLwlrap validation lwlrap of the exported model (the best checkpoint when restoring is on)
 * @param valMap validation mean average precision of the exported model
 * @param valAccuracy validation top-1 accuracy of the exported model
 * @param parameterCount trainable parameters of the model
 * @param inferenceClipsPerSecond validation clips tagged per second in the final evaluation (all windows)
 */
public record TrainingResult(Path runDir, Path modelDir, History history, StopReason stopReason, String message,
        int bestEpoch, double valLwlrap, double valMap, double valAccuracy, long parameterCount,
        double inferenceClipsPerSecond) {
}
