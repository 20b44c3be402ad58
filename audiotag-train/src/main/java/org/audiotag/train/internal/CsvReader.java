package org.audiotag.train.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: fields separated by commas, optionally enclosed in double quotes, a doubled quote
 * inside a quoted field standing for one quote, line breaks allowed inside quoted fields. Each record remembers the
 * 1-based line number where it starts so that errors can name it.
 */
public final class CsvReader {

    /** One CSV record and the line where it starts. */
    public record Row(int line, List<String> fields) {
        /** @return the number of fields */
        public int size() {
            return fields.size();
        }

        /**
         * @param i field index
         * @return field {@code i}
         */
        public String get(int i) {
            return fields.get(i);
        }
    }

    private CsvReader() {
    }

    /**
     * Reads every record of a UTF-8 CSV file (a leading byte-order mark is dropped, blank lines are skipped).
     *
     * @param file the file
     * @return the records in file order, the header included
     * @throws IOException if the file cannot be read or a quoted field is not closed
     */
    public static List<Row> read(Path file) throws IOException {
        String text;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses CSV text.
     *
     * @param text the CSV text
     * @param source name used in error messages
     * @return the records, blank lines skipped
     * @throws IOException if a quoted field is not closed or a quote appears inside an unquoted field
     */
    public static List<Row> parse(String text, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        boolean rowHasContent = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                    i++;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                field.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw new IOException(source + ":" + line + ": stray double quote inside an unquoted field");
                    }
                    inQuotes = true;
                    wasQuoted = true;
                    rowHasContent = true;
                    i++;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    rowHasContent = true;
                    i++;
                }
                case '\r', '\n' -> {
                    if (rowHasContent || field.length() > 0) {
                        fields.add(field.toString());
                        rows.add(new Row(rowStart, List.copyOf(fields)));
                    }
                    fields.clear();
                    field.setLength(0);
                    wasQuoted = false;
                    rowHasContent = false;
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                    rowStart = line;
                }
                default -> {
                    if (wasQuoted) {
                        throw new IOException(source + ":" + line + ": text after a closing double quote");
                    }
                    field.append(c);
                    rowHasContent = true;
                    i++;
                }
            }
        }
        if (inQuotes) {
            throw new IOException(source + ":" + rowStart + ": quoted field is not closed before the end of the file");
        }
        if (rowHasContent || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        return rows;
    }

    /**
     * Quotes a field for writing when it contains a comma, a quote or a line break (RFC 4180).
     *
     * @param s the field
     * @return the field, quoted if needed
     */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
