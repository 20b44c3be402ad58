package org.audiotag.train;

import java.nio.file.Path;

/**
 * The outcome of {@link Trainer#train}: where the run and its exported model are, every epoch's figures, why it
 * stopped, and the validation figures of the exported model (the best epoch's weights when
 * {@link TrainingConfig#restoreBest()} is on; the original reported the best epoch's lwlrap but kept the last
 * weights, docs/ORIGINAL-PROJECT.md §10.3).
 *
 * {@snippet :
 * TrainingResult r = trainer.train(esc, train, validation, Path.of("run"));
 * if (r.stopReason() == StopReason.NAN_LOSS) {
 *     throw new IllegalStateException(r.message());     // names the epoch and batch
 * }
 * System.out.printf("best epoch %d: lwlrap %.4f, mAP %.4f, %d parameters%n", r.bestEpochNumber(), r.valLwlrap(),
 *         r.valMap(), r.parameterCount());
 * EpochRecord best = r.history().best();                  // as in run/history.csv
 * try (org.audiotag.models.Tagger tagger = org.audiotag.models.Tagger.load(r.modelDir())) {
 *     List<org.audiotag.models.TagScore> top = tagger.tag(Path.of("clip.wav"), 3);
 * }
 * }
 *
 * <p>Epoch numbering: {@code bestEpoch} is a 0-based epoch index, like {@link EpochRecord#epoch()} and the
 * {@link TrainingListener} callbacks. Everything printed for people — {@link #message()}, the log, the command line
 * and the {@code epoch} column of {@code history.csv} — counts epochs from 1, so a message saying "best epoch 34"
 * goes with {@code bestEpoch() == 33}; {@link #bestEpochNumber()} gives the printed number.
 *
 * @param runDir the run folder (checkpoints, history, provenance)
 * @param modelDir the exported model ({@code runDir/model}), loadable by audiotag-models'
 *     {@link org.audiotag.models.Tagger#load(Path)}; {@code null} if
 *     no epoch finished
 * @param history every epoch's figures
 * @param stopReason why the run ended
 * @param message a one-line human summary (for NaN: which epoch and batch), epochs counted from 1
 * @param bestEpoch the 0-based index of the epoch with the best validation lwlrap (−1 if none finished)
 * @param valLwlrap validation lwlrap of the exported model (the best checkpoint when restoring is on)
 * @param valMap validation mean average precision of the exported model
 * @param valAccuracy validation top-1 accuracy of the exported model
 * @param parameterCount trainable parameters of the model
 * @param inferenceClipsPerSecond validation clips tagged per second in the final evaluation (all windows)
 */
public record TrainingResult(Path runDir, Path modelDir, History history, StopReason stopReason, String message,
        int bestEpoch, double valLwlrap, double valMap, double valAccuracy, long parameterCount,
        double inferenceClipsPerSecond) {

    /**
     * Returns the best epoch as printed in messages, on the command line and in {@code history.csv}:
     * {@code bestEpoch() + 1}, or 0 if no epoch finished.
     *
     * @return the 1-based epoch number
     */
    public int bestEpochNumber() {
        return bestEpoch + 1;
    }
}
