/**
 * Evaluation of multi-label audio tagging, pure Java.
 *
 * <p>The data: {@link org.audiotag.eval.Predictions}, an (n_samples, n_classes) matrix of 0/1 truth and real
 * scores, row-major (sample i, class c at {@code i * nClasses + c}), like the arrays the FSDKaggle2019 /
 * DCASE2019 task 2 reference and scikit-learn take. Any monotone map of the scores (logits, sigmoid outputs)
 * gives the same ranking metrics.
 *
 * <p>The metrics, each documented with the scikit-learn / reference function it mirrors and its tie rule:
 * {@link org.audiotag.eval.Lwlrap} (label-weighted label-ranking average precision, the competition metric, with
 * per-class scores and weights and two {@link org.audiotag.eval.TieRule tie rules}),
 * {@link org.audiotag.eval.Lrap} ({@code sklearn.metrics.label_ranking_average_precision_score}),
 * {@link org.audiotag.eval.AveragePrecision} (per class, macro and micro mAP, {@code average_precision_score}),
 * {@link org.audiotag.eval.RocAuc} (per class, macro, d-prime, {@code roc_auc_score}),
 * {@link org.audiotag.eval.Top1Accuracy} and {@link org.audiotag.eval.Bootstrap} confidence intervals. Samples
 * without a positive label do not count for the ranking metrics, as in the reference.
 *
 * <p>The entry points: {@link org.audiotag.eval.Evaluation#of} computes every metric of a set at once;
 * {@link org.audiotag.eval.StreamingEvaluator} collects predictions batch by batch (memory linear in the number
 * of samples) and produces an {@link org.audiotag.eval.Evaluation}; {@link org.audiotag.eval.PerClassReport} and
 * {@link org.audiotag.eval.RunComparison} render Markdown and CSV tables. Reading and writing the FSDKaggle2019 CSV
 * layouts is in {@link org.audiotag.eval.io}.
 * {@snippet :
 * Predictions predictions = Predictions.of(truth, scores);   // boolean[n][C], double[n][C]
 * double lwlrap = Lwlrap.compute(predictions).lwlrap();
 * Evaluation evaluation = Evaluation.of(predictions, classNames, TieRule.REFERENCE);
 * String report = evaluation.toText(true);                    // every metric, then the per-class table
 * }
 */
package org.audiotag.eval;
