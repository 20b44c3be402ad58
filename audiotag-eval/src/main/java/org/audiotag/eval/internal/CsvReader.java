package org.audiotag.eval.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 record reader: fields separated by commas, records by CRLF or LF (a lone CR too); a field
 * that starts with a double quote is quoted, may contain commas, line breaks and doubled quotes ({@code ""}).
 * Reports the 1-based physical line on which each record starts. A quote inside an unquoted field, or text after
 * a closing quote, is a {@link Malformed} error.
 */
public final class CsvReader {
    /** A syntax error, with the 1-based line it was found on. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }

        /**
         * Returns the physical line the error was found on.
         *
         * @return the 1-based line of the error
         */
        public long line() {
            return line;
        }
    }

    private final Reader in;
    private int peeked = -2;
    private long line = 1;
    private long recordLine;
    private boolean first = true;

    /**
     * Creates a reader of the records in a character stream.
     *
     * @param in the characters to read (buffer it); a leading byte-order mark is skipped
     */
    public CsvReader(Reader in) {
        this.in = in;
    }

    /**
     * Returns the physical line on which the record last returned by {@link #next()} starts.
     *
     * @return the 1-based line
     */
    public long recordLine() {
        return recordLine;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    /**
     * Reads the next record.
     *
     * @return its fields, or null at the end of the input
     * @throws IOException if reading fails
     * @throws Malformed if the record breaks RFC 4180 quoting
     */
    public List<String> next() throws IOException, Malformed {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        while (true) {
            // start of a field: c is its first character (or a separator / end)
            if (c == '"') {
                long openLine = line;
                while (true) {
                    int d = read();
                    if (d == -1) {
                        throw new Malformed(openLine, "quoted field opened on line " + openLine + " is never closed");
                    }
                    if (d == '"') {
                        if (peek() == '"') {
                            read();
                            sb.append('"');
                            continue;
                        }
                        break;
                    }
                    if (d == '\n' || (d == '\r' && peek() != '\n')) {
                        line++;
                    }
                    sb.append((char) d);
                }
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new Malformed(line, "unexpected character '" + (char) c + "' after a closing quote");
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    if (c == '"') {
                        throw new Malformed(line, "double quote inside an unquoted field");
                    }
                    sb.append((char) c);
                    c = read();
                }
            }
            fields.add(sb.toString());
            sb.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            // end of record
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c != -1) {
                line++;
            }
            return fields;
        }
    }
}
