package org.audiotag.toolkit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What produced a model or a run: an immutable, ordered map from keys to text values (library version, architecture,
 * seed, feature configuration, data split, ...), so that a result can be reproduced and a model is never fed
 * features it was not trained on.
 *
 * <p>On disk it is a UTF-8 {@code .properties} file that {@link java.util.Properties#load(java.io.Reader)} reads
 * with a UTF-8 reader: an optional {@code #} comment line, then one {@code key=value} line per entry in map order,
 * with {@code \}, line breaks, tabs, other control characters, {@code =}, {@code :}, {@code #}, {@code !} and
 * leading or (in keys) any white space escaped. {@link #read} reads that syntax back (comments, {@code =} or
 * {@code :} separators, escapes and continuation lines) and rejects what it cannot be sure of with the file and
 * line: a line without a separator, an empty or repeated key, a malformed {@code \}{@code uXXXX} escape, text
 * that is not UTF-8.
 */
public final class Provenance {
    /** The audiotag version that wrote the file ({@link Version#get()}). */
    public static final String VERSION = "audiotag.version";
    /** When the file was written, ISO-8601 UTC, e.g. {@code 2026-01-31T12:00:00Z}. */
    public static final String CREATED = "created";
    /** The architecture's command-line name, e.g. {@code dcnn}. */
    public static final String ARCHITECTURE = "architecture";
    /** The input kind of the architecture (its enum name). */
    public static final String INPUT_KIND = "inputKind";
    /** The input shape of one example. */
    public static final String INPUT_SHAPE = "inputShape";
    /** The number of trainable parameters. */
    public static final String PARAMETERS = "parameters";
    /** The seed of weight initialisation, shuffling and augmentation. */
    public static final String SEED = "seed";
    /** The prefix of the feature-configuration keys, e.g. {@code features.nMels}. */
    public static final String FEATURES_PREFIX = "features.";
    /** The name of the dataset trained on. */
    public static final String DATASET = "dataset";
    /** The tags, in output order, comma-separated. */
    public static final String TAGS = "tags";

    private static final Provenance EMPTY = new Provenance(new LinkedHashMap<>());

    private final Map<String, String> entries;

    private Provenance(LinkedHashMap<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Returns the provenance without entries (one shared instance). */
    public static Provenance empty() {
        return EMPTY;
    }

    /** Starts a builder without entries. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Copies a map, in its iteration order.
     *
     * @param entries the keys and values
     * @return the provenance
     * @throws IllegalArgumentException if a key is empty
     * @throws NullPointerException if a key or value is null
     */
    public static Provenance of(Map<String, String> entries) {
        return builder().putAll(entries).build();
    }

    /**
     * Returns a copy with one entry set: replaced in place if the key exists, appended otherwise.
     *
     * @param key the key, not empty
     * @param value the value
     * @return the new provenance
     * @throws IllegalArgumentException if the key is empty
     */
    public Provenance with(String key, String value) {
        return builder().putAll(entries).put(key, value).build();
    }

    /**
     * Returns the value of a key.
     *
     * @param key the key
     * @return its value, or null if absent
     */
    public String get(String key) {
        return entries.get(key);
    }

    /** Returns the entries in order (unmodifiable). */
    public Map<String, String> asMap() {
        return entries;
    }

    /** Returns the number of entries. */
    public int size() {
        return entries.size();
    }

    /**
     * Renders the file text.
     *
     * @param comment a one-line comment written first as {@code # comment} (line breaks become spaces), or null
     * @return the text, lines ending in {@code '\n'}
     */
    public String toText(String comment) {
        StringBuilder sb = new StringBuilder();
        if (comment != null) {
            sb.append("# ").append(comment.replace('\r', ' ').replace('\n', ' ')).append('\n');
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            escape(sb, e.getKey(), true);
            sb.append('=');
            escape(sb, e.getValue(), false);
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the file (UTF-8) through {@link AtomicFiles}.
     *
     * @param file the file to create or replace
     * @param comment a one-line comment for its first line, or null
     * @throws IOException if writing fails (message names the file)
     */
    public void write(Path file, String comment) throws IOException {
        AtomicFiles.writeString(file, toText(comment));
    }

    /**
     * Reads a file written by {@link #write} (or by {@link java.util.Properties#store(java.io.Writer, String)}).
     *
     * @param file the file
     * @return its entries in file order
     * @throws IOException if it cannot be read, is not UTF-8 or has a bad line ({@code FILE:LINE: problem})
     */
    public static Provenance read(Path file) throws IOException {
        InputFiles.requireReadableFile(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses the text of a provenance file.
     *
     * @param text the text
     * @param source the name used in messages
     * @return the entries in text order
     * @throws IOException on a bad line ({@code SOURCE:LINE: problem})
     */
    static Provenance parse(String text, String source) throws IOException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        Builder b = builder();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int first = i + 1;
            String logical = lines.get(i).stripLeading();
            if (logical.isEmpty() || logical.charAt(0) == '#' || logical.charAt(0) == '!') {
                continue;
            }
            while (endsInContinuation(logical)) {
                logical = logical.substring(0, logical.length() - 1);
                if (i + 1 >= lines.size()) {
                    break;
                }
                logical += lines.get(++i).stripLeading();
            }
            int sep = separator(logical);
            if (sep < 0) {
                throw new IOException(source + ":" + first + ": no '=' between key and value in "
                        + Csv.quoted(logical));
            }
            String key = unescape(stripUnescapedTrailing(logical.substring(0, sep)), source, first);
            String value = unescape(logical.substring(sep + 1).stripLeading(), source, first);
            if (key.isEmpty()) {
                throw new IOException(source + ":" + first + ": empty key");
            }
            Integer previous = lineOf.putIfAbsent(key, first);
            if (previous != null) {
                throw new IOException(source + ":" + first + ": key " + Csv.quoted(key) + " repeated (first on line "
                        + previous + ")");
            }
            b.put(key, value);
        }
        return b.build();
    }

    /** Whether the line ends in an odd number of backslashes (a continuation). */
    private static boolean endsInContinuation(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** Removes trailing white space that is not escaped by a backslash. */
    private static String stripUnescapedTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            int slashes = 0;
            for (int j = end - 2; j >= 0 && s.charAt(j) == '\\'; j--) {
                slashes++;
            }
            if (slashes % 2 == 1) {
                break;
            }
            end--;
        }
        return s.substring(0, end);
    }

    /** Index of the first unescaped '=' or ':', or -1. */
    private static int separator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s, String source, int line) throws IOException {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new IOException(source + ":" + line + ": malformed \\uXXXX escape in "
                                + Csv.quoted(s));
                    }
                    String hex = s.substring(i + 1, i + 5);
                    try {
                        sb.append((char) Integer.parseInt(hex, 16));
                    } catch (NumberFormatException ex) {
                        throw new IOException(source + ":" + line + ": malformed \\uXXXX escape in "
                                + Csv.quoted(s), ex);
                    }
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    private static void escape(StringBuilder sb, String s, boolean key) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && p.entries.equals(entries)
                && List.copyOf(p.entries.keySet()).equals(List.copyOf(entries.keySet()));
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Provenance" + entries;
    }

    /** Collects entries in order; a key put again keeps its position and takes the new value. */
    public static final class Builder {
        private final LinkedHashMap<String, String> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets one entry.
         *
         * @param key the key, not empty
         * @param value the value
         * @return this
         * @throws IllegalArgumentException if the key is empty
         * @throws NullPointerException if the key or value is null
         */
        public Builder put(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, () -> "value of key '" + key + "'");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            entries.put(key, value);
            return this;
        }

        /**
         * Sets every entry of a map, in its iteration order.
         *
         * @param map the entries
         * @return this
         * @throws IllegalArgumentException if a key is empty
         * @throws NullPointerException if a key or value is null
         */
        public Builder putAll(Map<String, String> map) {
            map.forEach(this::put);
            return this;
        }

        /** Builds the provenance, entries in the order they were first put. */
        public Provenance build() {
            return entries.isEmpty() ? EMPTY : new Provenance(new LinkedHashMap<>(entries));
        }
    }
}
