package org.audiotag.cli;

import org.audiotag.models.DetectionConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The detection settings shared by {@code detect}, {@code listen} and {@code bench detect}: each option left out keeps
 * {@link DetectionConfig#defaults()}.
 */
final class DetectionOptions {

    @Option(names = "--hop", paramLabel = "S", description = "Seconds between windows (default: 0.25).")
    Double hop;

    @Option(names = "--median", paramLabel = "N", description = "Median filter, odd number of windows (default: "
            + "the tuned one).")
    Integer median;

    @Option(names = "--onset", paramLabel = "P", description = "Onset threshold (default: the tuned one).")
    Double onset;

    @Option(names = "--offset", paramLabel = "P", description = "Offset threshold, <= onset (default: the tuned "
            + "one).")
    Double offset;

    @Option(names = "--min-duration", paramLabel = "S", description = "Shortest event kept, seconds (default: the "
            + "tuned one).")
    Double minDuration;

    @Option(names = "--max-gap", paramLabel = "S", description = "Longest gap merged, seconds (default: the tuned "
            + "one).")
    Double maxGap;

    @Option(names = "--one-tag-at-a-time", description = "At most one tag active at a time: the most probable of "
            + "each window (for recordings of one sound at a time; default: off).")
    boolean oneTagAtATime;

    /** The settings, validated; a bad value is a usage error naming the option. */
    DetectionConfig config(CommandLine cl) {
        DetectionConfig d = DetectionConfig.defaults();
        DetectionConfig.Builder b = d.toBuilder();
        if (hop != null) {
            b.hopSeconds(hop);
        }
        if (median != null) {
            b.medianFrames(median);
        }
        b.thresholds(onset != null ? onset : d.onsetThreshold(), offset != null ? offset : d.offsetThreshold());
        if (minDuration != null) {
            b.minDurationSeconds(minDuration);
        }
        if (maxGap != null) {
            b.maxGapSeconds(maxGap);
        }
        if (oneTagAtATime) {
            b.oneTagAtATime(true);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "detection settings: " + e.getMessage());
        }
    }
}
