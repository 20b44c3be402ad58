package org.audiotag.eval;

/**
 * A bootstrap confidence interval: the metric on the full data and the percentile interval of its resampled
 * values.
 *
 * @param estimate the metric on the original data
 * @param lower lower end, the (1 - level)/2 percentile of the resampled values (linear interpolation, as
 *     {@code numpy.percentile})
 * @param upper upper end, the (1 + level)/2 percentile
 * @param level confidence level in (0, 1), e.g. 0.95
 * @param resamples the number of resamples whose metric was defined (those drawing no label are left out)
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, int resamples) {
    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if level is not in (0, 1) or lower &gt; upper
     */
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
    }
}
