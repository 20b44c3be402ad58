/**
 * Feature extraction and tagging of whole audio corpora on Apache Beam: {@link org.audiotag.beam.AudioCorpus} lists
 * the files (a folder, a glob or a CSV of paths, in a deterministic order, optionally one {@link
 * org.audiotag.beam.Shard} of them), {@link org.audiotag.beam.ExtractFeatures} writes one {@code .npy} per file,
 * {@link org.audiotag.beam.TagCorpus} scores files with an exported model into the Kaggle layout, and files that
 * cannot be decoded become {@link org.audiotag.beam.FailedFile} dead letters instead of stopping the run. Counts
 * are Beam metrics ({@link org.audiotag.beam.CorpusCounts}).
 *
 * <p>This module runs on the class path, not the module path: Beam 2.73's jars cannot form a module graph (see the
 * README section "Corpora on Apache Beam").
 */
package org.audiotag.beam;
