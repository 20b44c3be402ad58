package org.audiotag.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.audiotag.toolkit.Provenance;

/**
 * How {@link EventDetector} and {@link StreamingTagger} turn window probabilities into sound events: windows of the
 * model's input length every {@link #hopSeconds()}, a per-tag median filter over {@link #medianFrames()} successive
 * windows, hysteresis thresholds (an event starts where the filtered probability reaches {@link #onsetThreshold()} and
 * lasts while it stays at or above {@link #offsetThreshold()}; per tag if set), then events of one tag separated by at
 * most {@link #maxGapSeconds()} are merged and events shorter than {@link #minDurationSeconds()} are dropped. The
 * smoothing and hysteresis are those of the DCASE sound-event-detection baselines (median filter, then double
 * threshold); {@link EventDetector} documents how windows map to time.
 *
 * <p>Immutable; validated once by {@link Builder#build()}. {@link #defaults()} holds the values chosen on validation
 * recordings (see there). Settings tuned for one model travel with it as a {@value #FILE_NAME} file in its folder
 * ({@link #write}, {@link #read}, {@link #forModel}), which {@code audiotag detect} and {@code listen} start from.
 *
 * {@snippet :
 * DetectionConfig c = DetectionConfig.builder()          // starts from the defaults
 *         .hopSeconds(0.25).medianFrames(5)
 *         .thresholds(0.5, 0.3)                           // onset, offset for every tag
 *         .classThresholds("Rooster", 0.7, 0.4)           // stricter for one tag
 *         .minDurationSeconds(0.5).maxGapSeconds(0.5)
 *         .build();
 * }
 */
public final class DetectionConfig {

    /** Default hop between windows, seconds. */
    static final double DEFAULT_HOP = 0.25;
    /*
     * The defaults below were chosen on validation data, never on the test recordings: `audiotag bench detect --model
     * M --tune --validation-recordings 20` with the demo model (ESC-10 folds 1-3) on 20 recordings of 40 s built from
     * the validation half of ESC-10 fold 5 (every other clip of each class; the test recordings use the other half)
     * searched median 1-21 windows, onset 0.2-0.8, offset 0.1-onset, minimum duration 0-1 s and gap 0-1 s at a hop of
     * 0.25 s, among the settings that report within one window plus one hop, for the best micro segment F1 with 1-s
     * segments (0.744 there). With oneTagAtATime added to the search, the same search picks these values again with
     * the rule on (0.753); the rule stays off by default because real recordings hold overlapping sounds, which the
     * validation recordings (one sound at a time by construction) do not. The README's models A and B (epoch chosen
     * on the validation half only) prefer other values (A: onset 0.5; B: median 7, thresholds 0.6/0.3, no minimum).
     * README "Event detection and streaming" gives the commands and the test figures.
     */
    /** Default median-filter length, windows. */
    static final int DEFAULT_MEDIAN = 9;
    /** Default onset threshold. */
    static final double DEFAULT_ONSET = 0.4;
    /** Default offset threshold. */
    static final double DEFAULT_OFFSET = 0.4;
    /** Default minimum event duration, seconds. */
    static final double DEFAULT_MIN_DURATION = 1.0;
    /** Default largest gap merged, seconds (none: validation preferred no merging). */
    static final double DEFAULT_MAX_GAP = 0.0;

    /** Largest hop, seconds. */
    static final double MAX_HOP = 60;
    /** Largest median filter, windows. */
    static final int MAX_MEDIAN = 101;

    private static final DetectionConfig DEFAULTS = new Builder().build();

    /** Name of the settings file a model folder may carry (settings tuned for that model on validation data). */
    public static final String FILE_NAME = "detection.properties";
    /** Value of the file's {@code format} key. */
    public static final String FORMAT = "audiotag-detection/1";
    private static final String KEY_FORMAT = "format";
    private static final String KEY_HOP = "hop_seconds";
    private static final String KEY_MEDIAN = "median_frames";
    private static final String KEY_ONSET = "onset";
    private static final String KEY_OFFSET = "offset";
    private static final String KEY_MIN_DURATION = "min_duration_seconds";
    private static final String KEY_MAX_GAP = "max_gap_seconds";
    private static final String KEY_ONE_TAG = "one_tag_at_a_time";
    private static final String TAG_PREFIX = "threshold.";

    private final double hopSeconds;
    private final int medianFrames;
    private final double onsetThreshold;
    private final double offsetThreshold;
    private final Map<String, Thresholds> classThresholds;
    private final double minDurationSeconds;
    private final double maxGapSeconds;
    private final boolean oneTagAtATime;

    /**
     * A pair of hysteresis thresholds.
     *
     * @param onset probability at which an event starts, in (0, 1]
     * @param offset probability below which it ends, in (0, onset]
     */
    public record Thresholds(double onset, double offset) {
    }

    private DetectionConfig(Builder b) {
        this.hopSeconds = b.hopSeconds;
        this.medianFrames = b.medianFrames;
        this.onsetThreshold = b.onsetThreshold;
        this.offsetThreshold = b.offsetThreshold;
        this.classThresholds = Collections.unmodifiableMap(new TreeMap<>(b.classThresholds));
        this.minDurationSeconds = b.minDurationSeconds;
        this.maxGapSeconds = b.maxGapSeconds;
        this.oneTagAtATime = b.oneTagAtATime;
    }

    /**
     * Returns the defaults, chosen on validation recordings (clips of the validation half of ESC-10 fold 5 over low
     * noise, the demo model), not on test data: hop 0.25 s, median filter of 9 windows, onset and offset threshold
     * 0.4, minimum duration 1 s, no gap merging.
     *
     * @return the default configuration
     */
    public static DetectionConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder holding the {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this configuration, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().hopSeconds(hopSeconds).medianFrames(medianFrames)
                .thresholds(onsetThreshold, offsetThreshold).minDurationSeconds(minDurationSeconds)
                .maxGapSeconds(maxGapSeconds).oneTagAtATime(oneTagAtATime);
        b.classThresholds.putAll(classThresholds);
        return b;
    }

    /**
     * Returns the step between successive windows.
     *
     * @return the hop in seconds (rounded to whole samples at the model's rate by the detector)
     */
    public double hopSeconds() {
        return hopSeconds;
    }

    /**
     * Returns the length of the per-tag median filter.
     *
     * @return an odd number of windows; 1 = no smoothing
     */
    public int medianFrames() {
        return medianFrames;
    }

    /**
     * Returns the onset threshold of tags without their own.
     *
     * @return the probability at which an event starts
     */
    public double onsetThreshold() {
        return onsetThreshold;
    }

    /**
     * Returns the offset threshold of tags without their own.
     *
     * @return the probability below which an event ends
     */
    public double offsetThreshold() {
        return offsetThreshold;
    }

    /**
     * Returns the tags with thresholds of their own.
     *
     * @return tag name to thresholds, sorted by name, unmodifiable
     */
    public Map<String, Thresholds> classThresholds() {
        return classThresholds;
    }

    /**
     * Returns the thresholds a tag uses: its own, else the global pair.
     *
     * @param label a tag name
     * @return the thresholds
     */
    public Thresholds thresholds(String label) {
        Thresholds t = classThresholds.get(label);
        return t != null ? t : new Thresholds(onsetThreshold, offsetThreshold);
    }

    /**
     * Returns the shortest event kept (after merging).
     *
     * @return seconds, ≥ 0
     */
    public double minDurationSeconds() {
        return minDurationSeconds;
    }

    /**
     * Returns the longest silence between two events of one tag that merges them into one.
     *
     * @return seconds, ≥ 0
     */
    public double maxGapSeconds() {
        return maxGapSeconds;
    }

    /**
     * Returns whether at most one tag is active at a time: in each window, only the tag with the largest
     * median-filtered probability (the first in tag order on a tie) keeps it, every other tag's is taken as 0 before
     * the thresholds, so that events of different tags never overlap. Meant for recordings known to hold one sound at a
     * time (monophonic detection); off by default.
     *
     * @return true if only the most probable tag of each window can be active
     */
    public boolean oneTagAtATime() {
        return oneTagAtATime;
    }

    /**
     * Writes these settings as a UTF-8 properties file ({@code format}, {@code hop_seconds}, {@code median_frames},
     * {@code onset}, {@code offset}, {@code min_duration_seconds}, {@code max_gap_seconds},
     * {@code one_tag_at_a_time}, and {@code threshold.TAG=ONSET/OFFSET} per tag with its own), through a temporary
     * file moved into place.
     *
     * @param file the file to create or replace, usually {@code MODEL_DIR/}{@value #FILE_NAME}
     * @param comment a comment line (what the settings were tuned on), or {@code null}
     * @throws IOException if the file cannot be written (the message names it)
     */
    public void write(Path file, String comment) throws IOException {
        Provenance.Builder b = Provenance.builder().put(KEY_FORMAT, FORMAT).put(KEY_HOP, Double.toString(hopSeconds))
                .put(KEY_MEDIAN, Integer.toString(medianFrames)).put(KEY_ONSET, Double.toString(onsetThreshold))
                .put(KEY_OFFSET, Double.toString(offsetThreshold))
                .put(KEY_MIN_DURATION, Double.toString(minDurationSeconds))
                .put(KEY_MAX_GAP, Double.toString(maxGapSeconds)).put(KEY_ONE_TAG, Boolean.toString(oneTagAtATime));
        for (Map.Entry<String, Thresholds> e : classThresholds.entrySet()) {
            b.put(TAG_PREFIX + e.getKey(), e.getValue().onset() + "/" + e.getValue().offset());
        }
        b.build().write(file, comment);
    }

    /**
     * Reads settings written by {@link #write}; a key left out keeps its {@link #defaults()} value.
     *
     * @param file the settings file
     * @return the settings, validated
     * @throws IOException naming the file and the key if it cannot be read, has another {@code format}, an unknown
     *     key, a value that is not a number (or {@code true}/{@code false}), or a setting out of its range
     */
    public static DetectionConfig read(Path file) throws IOException {
        Provenance p = Provenance.read(file);
        if (!FORMAT.equals(p.get(KEY_FORMAT))) {
            throw new IOException(file + ": not detection settings (format '" + p.get(KEY_FORMAT) + "', expected '"
                    + FORMAT + "')");
        }
        Builder b = builder();
        double onset = DEFAULT_ONSET;
        double offset = DEFAULT_OFFSET;
        for (Map.Entry<String, String> e : p.asMap().entrySet()) {
            String k = e.getKey();
            String v = e.getValue().strip();
            try {
                switch (k) {
                    case KEY_FORMAT -> { }
                    case KEY_HOP -> b.hopSeconds(Double.parseDouble(v));
                    case KEY_MEDIAN -> b.medianFrames(Integer.parseInt(v));
                    case KEY_ONSET -> onset = Double.parseDouble(v);
                    case KEY_OFFSET -> offset = Double.parseDouble(v);
                    case KEY_MIN_DURATION -> b.minDurationSeconds(Double.parseDouble(v));
                    case KEY_MAX_GAP -> b.maxGapSeconds(Double.parseDouble(v));
                    case KEY_ONE_TAG -> {
                        if (!v.equals("true") && !v.equals("false")) {
                            throw new NumberFormatException();
                        }
                        b.oneTagAtATime(Boolean.parseBoolean(v));
                    }
                    default -> {
                        if (!k.startsWith(TAG_PREFIX) || k.length() == TAG_PREFIX.length()) {
                            throw new IOException(file + ": unknown key '" + k + "'");
                        }
                        String[] pair = v.split("/", -1);
                        if (pair.length != 2) {
                            throw new NumberFormatException();
                        }
                        b.classThresholds(k.substring(TAG_PREFIX.length()), Double.parseDouble(pair[0]),
                                Double.parseDouble(pair[1]));
                    }
                }
            } catch (NumberFormatException ex) {
                throw new IOException(file + ": " + k + " = '" + v + "' is not "
                        + (k.equals(KEY_ONE_TAG) ? "true or false" : k.startsWith(TAG_PREFIX) ? "ONSET/OFFSET"
                        : "a number"));
            }
        }
        b.thresholds(onset, offset);
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Returns the settings a model folder carries in its {@value #FILE_NAME}, or the {@link #defaults()} when it has
     * none.
     *
     * @param modelDir an exported model's folder
     * @return the model's settings
     * @throws IOException as {@link #read} if the file exists but cannot be used
     */
    public static DetectionConfig forModel(Path modelDir) throws IOException {
        Path f = modelDir.resolve(FILE_NAME);
        return Files.isRegularFile(f) ? read(f) : DEFAULTS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectionConfig c && c.hopSeconds == hopSeconds && c.medianFrames == medianFrames
                && c.onsetThreshold == onsetThreshold && c.offsetThreshold == offsetThreshold
                && c.classThresholds.equals(classThresholds) && c.minDurationSeconds == minDurationSeconds
                && c.maxGapSeconds == maxGapSeconds && c.oneTagAtATime == oneTagAtATime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hopSeconds, medianFrames, onsetThreshold, offsetThreshold, classThresholds,
                minDurationSeconds, maxGapSeconds, oneTagAtATime);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DetectionConfig[hop=%s s, median=%d, thresholds=%s/%s, perClass=%s, "
                + "minDuration=%s s, maxGap=%s s]", hopSeconds, medianFrames, onsetThreshold, offsetThreshold,
                classThresholds, minDurationSeconds, maxGapSeconds) + (oneTagAtATime ? " oneTagAtATime" : "");
    }

    /** Mutable builder of {@link DetectionConfig}, starting from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private double hopSeconds = DEFAULT_HOP;
        private int medianFrames = DEFAULT_MEDIAN;
        private double onsetThreshold = DEFAULT_ONSET;
        private double offsetThreshold = DEFAULT_OFFSET;
        private final Map<String, Thresholds> classThresholds = new TreeMap<>();
        private double minDurationSeconds = DEFAULT_MIN_DURATION;
        private double maxGapSeconds = DEFAULT_MAX_GAP;
        private boolean oneTagAtATime;

        private Builder() {
        }

        /**
         * Sets the step between successive windows (default 0.25 s).
         *
         * @param v seconds, in (0, 60]; at most the model's window (checked by the detector)
         * @return this builder
         */
        public Builder hopSeconds(double v) {
            hopSeconds = v;
            return this;
        }

        /**
         * Sets the length of the per-tag median filter over successive windows (default 9; ends padded with the first
         * and last window's value, {@code scipy.ndimage.median_filter(mode='nearest')}).
         *
         * @param v odd number of windows in [1, 101]; 1 = no smoothing
         * @return this builder
         */
        public Builder medianFrames(int v) {
            medianFrames = v;
            return this;
        }

        /**
         * Sets the hysteresis thresholds of every tag without thresholds of its own (default 0.4 and 0.4).
         *
         * @param onset probability at which an event starts (filtered probability ≥ onset), in (0, 1]
         * @param offset probability below which it ends (filtered probability &lt; offset), in (0, onset]
         * @return this builder
         */
        public Builder thresholds(double onset, double offset) {
            onsetThreshold = onset;
            offsetThreshold = offset;
            return this;
        }

        /**
         * Sets the hysteresis thresholds of one tag (the detector checks that the model has it).
         *
         * @param label the tag name
         * @param onset in (0, 1]
         * @param offset in (0, onset]
         * @return this builder
         */
        public Builder classThresholds(String label, double onset, double offset) {
            classThresholds.put(Objects.requireNonNull(label, "label"), new Thresholds(onset, offset));
            return this;
        }

        /**
         * Sets the shortest event kept, measured after merging (default 1 s).
         *
         * @param v seconds, finite, ≥ 0
         * @return this builder
         */
        public Builder minDurationSeconds(double v) {
            minDurationSeconds = v;
            return this;
        }

        /**
         * Sets the longest gap between two events of one tag that merges them (default 0: no merging).
         *
         * @param v seconds, finite, ≥ 0; 0 merges nothing
         * @return this builder
         */
        public Builder maxGapSeconds(double v) {
            maxGapSeconds = v;
            return this;
        }

        /**
         * Sets whether only the most probable tag of each window can be active (default false; see
         * {@link DetectionConfig#oneTagAtATime()}).
         *
         * @param v true for at most one tag at a time
         * @return this builder
         */
        public Builder oneTagAtATime(boolean v) {
            oneTagAtATime = v;
            return this;
        }

        /**
         * Validates every setting and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first setting out of its range
         */
        public DetectionConfig build() {
            if (!(hopSeconds > 0 && hopSeconds <= MAX_HOP)) {
                throw new IllegalArgumentException("hopSeconds: " + hopSeconds + " must be in (0, " + MAX_HOP + "]");
            }
            if (medianFrames < 1 || medianFrames > MAX_MEDIAN || medianFrames % 2 == 0) {
                throw new IllegalArgumentException("medianFrames: " + medianFrames + " must be odd, in [1, "
                        + MAX_MEDIAN + "]");
            }
            checkThresholds("thresholds", onsetThreshold, offsetThreshold);
            for (Map.Entry<String, Thresholds> e : classThresholds.entrySet()) {
                if (e.getKey().isBlank()) {
                    throw new IllegalArgumentException("classThresholds: blank tag name");
                }
                checkThresholds("classThresholds[" + e.getKey() + "]", e.getValue().onset(), e.getValue().offset());
            }
            if (!(minDurationSeconds >= 0) || !Double.isFinite(minDurationSeconds)) {
                throw new IllegalArgumentException("minDurationSeconds: " + minDurationSeconds
                        + " must be finite and >= 0");
            }
            if (!(maxGapSeconds >= 0) || !Double.isFinite(maxGapSeconds)) {
                throw new IllegalArgumentException("maxGapSeconds: " + maxGapSeconds + " must be finite and >= 0");
            }
            return new DetectionConfig(this);
        }

        private static void checkThresholds(String name, double onset, double offset) {
            if (!(onset > 0 && onset <= 1)) {
                throw new IllegalArgumentException(name + ": onset " + onset + " must be in (0, 1]");
            }
            if (!(offset > 0 && offset <= onset)) {
                throw new IllegalArgumentException(name + ": offset " + offset + " must be in (0, onset=" + onset
                        + "]");
            }
        }
    }
}
