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
 * example and is filled by one thread.
 */
public final class DrawLog {

    /**
     * One transform's draws.
     *
     * @param transform the transform's name (e.g. {@code "mix"}, {@code "reverb"})
     * @param values the drawn values by name, in insertion order
     */
    public record Draw(String transform, Map<String, Object> values) {
        /**
         * @param transform the transform's name
         * @param values the drawn values (copied, unmodifiable)
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
     * Records the draws of one transform.
     *
     * @param transform the transform's name
     * @param keyValues alternating names (String) and values
     * @throws IllegalArgumentException if the arguments are not name/value pairs
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

    /** @return the draws so far, in order (unmodifiable view) */
    public List<Draw> draws() {
        return Collections.unmodifiableList(draws);
    }

    /**
     * The first draw of a transform.
     *
     * @param transform the transform's name
     * @return the draw, or null if that transform did not run
     */
    public Draw find(String transform) {
        for (Draw d : draws) {
            if (d.transform().equals(transform)) {
                return d;
            }
        }
        return null;
    }

    /** @return one line, the draws separated by "; " */
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
