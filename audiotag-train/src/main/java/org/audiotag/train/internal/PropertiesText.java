package org.audiotag.train.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads and writes {@code .properties} text the way {@link Properties#load(Reader)} reads it back, but with the keys
 * in the caller's order and without the time-stamp comment of {@link Properties#store}, so equal content gives equal
 * files.
 */
public final class PropertiesText {

    private PropertiesText() {
    }

    /**
     * Formats a map as {@code .properties} text.
     *
     * @param comment first line, written as {@code # comment}
     * @param values keys and values in the order to write them
     * @return the text, one {@code key=value} line per entry
     */
    public static String format(String comment, Map<String, String> values) {
        StringBuilder sb = new StringBuilder("# ").append(comment).append('\n');
        for (Map.Entry<String, String> e : values.entrySet()) {
            sb.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Escapes a value for a {@code .properties} line: backslash, line breaks, {@code =} and {@code :}, and every
     * character above 126 as {@code \\uXXXX}.
     *
     * @param v the value
     * @return the escaped text
     */
    public static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '=' -> sb.append("\\=");
                case ':' -> sb.append("\\:");
                default -> {
                    if (c > 126) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Reads a {@code .properties} file in UTF-8.
     *
     * @param file the file
     * @return its properties
     * @throws IOException if it cannot be read (the message names the file)
     */
    public static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": malformed properties: " + e.getMessage(), e);
        }
        return p;
    }
}
