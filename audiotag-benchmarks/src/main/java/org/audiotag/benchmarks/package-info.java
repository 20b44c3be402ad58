/**
 * JMH benchmarks of audiotag's hot paths, each against baselines measured in the same run: audio decoding
 * ({@link org.audiotag.benchmarks.AudioIoBenchmark}), resampling ({@link org.audiotag.benchmarks.ResampleBenchmark}),
 * the log-mel ({@link org.audiotag.benchmarks.LogMelBenchmark}, and {@link org.audiotag.benchmarks.LogMelCpuTime} in
 * CPU time), augmented training examples ({@link org.audiotag.benchmarks.AugmentBenchmark}) and lwlrap
 * ({@link org.audiotag.benchmarks.LwlrapBenchmark}). Build the module and run
 * {@code java -jar audiotag-benchmarks/target/benchmarks.jar <Benchmark>} from the project root; the scripts in
 * {@code audiotag-benchmarks/python} time the Python equivalents (librosa, libsndfile) on the same work.
 * Not an API.
 */
package org.audiotag.benchmarks;
