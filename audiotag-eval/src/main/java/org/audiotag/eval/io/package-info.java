/**
 * Reading and writing the FSDKaggle2019 CSV layouts: ground truth ({@code fname,labels}, the labels
 * comma-separated inside one quoted field, as {@code train_curated.csv}) and scores in the Kaggle submission layout
 * ({@code fname} then one column per class, as {@code sample_submission.csv}). Both follow RFC 4180 quoting. Bad
 * input raises {@link org.audiotag.eval.io.EvalInputException} naming the file and line.
 */
package org.audiotag.eval.io;
