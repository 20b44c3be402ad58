package org.audiotag.train.internal;

import org.audiotag.eval.AveragePrecision;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.eval.Top1Accuracy;

/**
 * The figures of one validation pass, the metrics computed by audiotag-eval on the clip scores.
 *
 * @param predictions the validation clips' truth and window-aggregated tag probabilities
 * @param loss mean binary cross-entropy of the aggregated probabilities (clipped to [1e-7, 1 − 1e-7]) over clips
 *     and tags
 * @param lwlrap label-weighted label-ranking average precision ({@link Lwlrap#compute(Predictions)}, the DCASE 2019
 *     reference tie rule)
 * @param map macro mean average precision ({@link AveragePrecision#macro})
 * @param accuracy top-1 hit rate ({@link Top1Accuracy#hitRate}): a clip counts when its best-scored tag is one of
 *     its labels
 */
public record ValidationResult(Predictions predictions, double loss, double lwlrap, double map, double accuracy) {

    /**
     * Scores predictions with audiotag-eval.
     *
     * @param predictions truth and clip scores
     * @param loss the pass's mean BCE
     * @return the result
     */
    public static ValidationResult of(Predictions predictions, double loss) {
        return new ValidationResult(predictions, loss, Lwlrap.compute(predictions).lwlrap(),
                AveragePrecision.macro(predictions), Top1Accuracy.hitRate(predictions));
    }
}
