/**
 * Labelled audio datasets: the tag {@link org.audiotag.train.data.Vocabulary}, readers for the FSDKaggle2019,
 * generic CSV, folders-as-labels and ESC-10 layouts ({@link org.audiotag.train.data.Datasets}), and reproducible
 * splits by iterative stratification ({@link org.audiotag.train.data.Split},
 * {@link org.audiotag.train.data.IterativeStratification}).
 */
package org.audiotag.train.data;
