package org.audiotag.beam;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The counts of a corpus run, kept as Beam counters in the namespace {@value #NAMESPACE}: files {@value #READ}
 * (taken from the corpus), {@value #DONE} (features written or scores computed) and {@value #FAILED} (dead letters).
 * Every file read ends as exactly one of done or failed.
 *
 * @param read files taken from the corpus
 * @param done files whose features were written or that were tagged
 * @param failed files sent to the dead-letter output
 */
public record CorpusCounts(long read, long done, long failed) {

    /** The Beam metrics namespace of the counters. */
    public static final String NAMESPACE = "audiotag";
    /** Counter of files taken from the corpus. */
    public static final String READ = "read";
    /** Counter of files done: features written ({@link ExtractFeatures}) or tagged ({@link TagCorpus}). */
    public static final String DONE = "done";
    /** Counter of dead letters. */
    public static final String FAILED = "failed";

    /**
     * Returns one of the counters, for a {@code DoFn} to increment.
     *
     * @param name {@link #READ}, {@link #DONE} or {@link #FAILED}
     * @return the counter
     */
    public static Counter counter(String name) {
        return Metrics.counter(NAMESPACE, name);
    }

    /**
     * Reads the counts of a run from its metrics: the attempted values (every runner reports them, also while the
     * pipeline runs; the DirectRunner's and the embedded Flink's equal the committed ones at the end).
     *
     * @param result a running or finished pipeline
     * @return the counts so far (zero for a counter not yet incremented)
     * @throws UnsupportedOperationException if the runner reports no metrics
     */
    public static CorpusCounts of(PipelineResult result) {
        MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace(NAMESPACE)).build());
        long read = 0;
        long done = 0;
        long failed = 0;
        for (MetricResult<Long> c : q.getCounters()) {
            Long v = c.getAttempted();
            long n = v == null ? 0 : v;
            switch (c.getName().getName()) {
                case READ -> read += n;
                case DONE -> done += n;
                case FAILED -> failed += n;
                default -> {
                }
            }
        }
        return new CorpusCounts(read, done, failed);
    }
}
