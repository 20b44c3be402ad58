package org.audiotag.augment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of every random draw made while augmenting one example (which clips were mixed with which weights
 * and offsets, which impulse response, which pitch shift, ...), in the order the transforms ran, so that the
 * example can be reported and, together with its (seed, epoch, index), replayed. One log belongs to one
 * example and is filled by one thread (it is not thread-safe).
 *
 * <p>Each transform records one {@link Draw} under its {@link AudioTransform#name()}, with named values
 * (numbers, enum constants, strings, or {@code int[]}, {@code double[]}, {@code String[]} arrays):
 * {@snippet :
 * DrawLog log = new DrawLog();
 * LabeledAudio out = GainTransform.ofDb(-6, 6).apply(clip, new SplittableRandom(1), log);
 * DrawLog.Draw gain = log.find("gain");
 * double db = (Double) gain.values().get("gainDb");   // the gain applied, in dB
 * String line = log.toString();                        // "gain{gainDb=...}"
 * }
 */
public final class DrawLog {

    /**
     * One transform's draws: its name and the values it drew, by name, in the order they were recorded.
     *
     * @param transform the transform's name (e.g. {@code "mix"}, {@code "reverb"})
     * @param values the drawn values by name, in insertion order (unmodifiable)
     */
    public record Draw(String transform, Map<String, Object> values) {
        /**
         * Creates a draw, keeping an unmodifiable copy of the values in their iteration order.
         *
         * @param transform the transform's name
         * @param values the drawn values by name (copied; arrays are kept by reference and must not be modified)
         */
        public Draw {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(transform).append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(e.getKey()).append('=').append(format(e.getValue()));
            }
            return sb.append('}').toString();
        }

        private static String format(Object v) {
            if (v instanceof double[] d) {
                return java.util.Arrays.toString(d);
            }
            if (v instanceof int[] a) {
                return java.util.Arrays.toString(a);
            }
            if (v instanceof String[] s) {
                return java.util.Arrays.toString(s);
            }
            return String.valueOf(v);
        }
    }

    private final List<Draw> draws = new ArrayList<>();

    /** Creates an empty log. */
    public DrawLog() {
    }

    /**
     * Records the draws of one transform as one {@link Draw} appended to this log.
     *
     * @param transform the transform's name
     * @param keyValues alternating names (converted with {@code String.valueOf}) and values, e.g.
     *     {@code "gainDb", 3.2}; a repeated name keeps its last value
     * @throws IllegalArgumentException if the arguments are not name/value pairs (an odd count)
     */
    public void record(String transform, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keyValues must be name/value pairs, got " + keyValues.length);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        draws.add(new Draw(transform, m));
    }

    /**
     * Returns the draws recorded so far, in the order the transforms ran.
     *
     * @return an unmodifiable view (it sees later records)
     */
    public List<Draw> draws() {
        return Collections.unmodifiableList(draws);
    }

    /**
     * Returns the first draw recorded under a transform's name.
     *
     * @param transform the transform's name, e.g. {@code "reverb"}
     * @return the draw, or null if that transform did not run (e.g. its stage's probability said no)
     */
    public Draw find(String transform) {
        for (Draw d : draws) {
            if (d.transform().equals(transform)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Renders the log on one line, e.g. {@code mix{k=2, sources=[a.ogg, b.ogg], ...}; reverb{ir=hall.wav, irIndex=1}}.
     *
     * @return the draws in order, each as {@code name{key=value, ...}} with arrays spelled out, separated by
     *     {@code "; "}; empty when nothing was drawn
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Draw d : draws) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(d);
        }
        return sb.toString();
    }
}
