package org.audiotag.eval.io;

import java.util.List;
import org.audiotag.eval.Predictions;

/**
 * Predictions with their row and column names: sample i is the clip {@code fnames().get(i)}, class c is
 * {@code classNames().get(c)}.
 *
 * @param fnames the clip file names, one per sample, in truth-file order
 * @param classNames the class names, one per class, in score-column order
 * @param predictions the aligned truth and scores
 */
public record LabeledPredictions(List<String> fnames, List<String> classNames, Predictions predictions) {
    /**
     * Validates the sizes and copies the lists.
     *
     * @throws IllegalArgumentException if the name counts do not match the predictions' shape
     */
    public LabeledPredictions {
        fnames = List.copyOf(fnames);
        classNames = List.copyOf(classNames);
        if (fnames.size() != predictions.nSamples()) {
            throw new IllegalArgumentException("fnames has " + fnames.size() + " names for "
                    + predictions.nSamples() + " samples");
        }
        if (classNames.size() != predictions.nClasses()) {
            throw new IllegalArgumentException("classNames has " + classNames.size() + " names for "
                    + predictions.nClasses() + " classes");
        }
    }
}
