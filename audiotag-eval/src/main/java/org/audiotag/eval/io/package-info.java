/**
 * Reading and writing the FSDKaggle2019 CSV layouts: ground truth ({@code fname,labels}, the labels
 * comma-separated inside one quoted field, as {@code train_curated.csv}) and scores in the Kaggle submission layout
 * ({@code fname} then one column per class, as {@code sample_submission.csv}). Both follow RFC 4180 quoting. Bad
 * input raises {@link org.audiotag.eval.io.EvalInputException} naming the file and line.
 *
 * <p>The entry point is {@link org.audiotag.eval.io.TaggingCsv}; it returns
 * {@link org.audiotag.eval.io.LabeledPredictions}, the {@link org.audiotag.eval.Predictions} with their clip and
 * class names.
 * {@snippet :
 * LabeledPredictions data = TaggingCsv.read(Path.of("data/esc10/fold5-truth.csv"), Path.of("scores.csv"));
 * Evaluation evaluation = Evaluation.of(data.predictions(), data.classNames(), TieRule.REFERENCE);
 * }
 */
package org.audiotag.eval.io;
