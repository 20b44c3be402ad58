package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiotag.models.DetectionConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The detection settings shared by {@code detect}, {@code listen} and {@code bench detect}: each option left out keeps
 * the model's own settings ({@link DetectionConfig#forModel}: its {@code detection.properties}, tuned on validation
 * data by {@code bench detect --tune --save}), else {@link DetectionConfig#defaults()}.
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

    @Option(names = "--tag-threshold", paramLabel = "TAG=ON[/OFF]", description = "Onset (and offset, default the "
            + "onset) thresholds of one tag, e.g. 'Dog bark=0.7/0.4'; repeatable. Other tags keep --onset/--offset.")
    List<String> tagThresholds = new ArrayList<>();

    /**
     * The settings, validated; a bad value is a usage error naming the option.
     *
     * @param cl the command line (for usage errors)
     * @param model the model's folder, whose settings file (if any) gives the values of the options left out
     * @return the settings
     */
    DetectionConfig config(CommandLine cl, Path model) {
        DetectionConfig d;
        try {
            d = DetectionConfig.forModel(model);
        } catch (IOException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage());
        }
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
        for (String t : tagThresholds) {
            int eq = t.lastIndexOf('=');
            String label = eq < 0 ? "" : t.substring(0, eq).strip();
            String[] values = eq < 0 ? new String[0] : t.substring(eq + 1).split("/", -1);
            double on;
            double off;
            try {
                if (label.isEmpty() || values.length < 1 || values.length > 2) {
                    throw new NumberFormatException();
                }
                on = Double.parseDouble(values[0].strip());
                off = values.length == 2 ? Double.parseDouble(values[1].strip()) : on;
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(cl, "--tag-threshold '" + t + "': expected TAG=ONSET or "
                        + "TAG=ONSET/OFFSET, e.g. 'Dog bark=0.7/0.4'");
            }
            b.classThresholds(label, on, off);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "detection settings: " + e.getMessage());
        }
    }
}
