package org.audiotag.toolkit;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as audiotag reads and writes it: UTF-8, RFC 4180 (fields separated by commas; a field holding a comma, a double
 * quote or a line break is enclosed in double quotes, an embedded quote doubled), parsed and printed by Apache
 * Commons CSV. The rules every audiotag file follows, decided here once:
 * <ul>
 *   <li>records end in LF, CRLF or a lone CR; written records end in LF;</li>
 *   <li>a leading byte-order mark is dropped;</li>
 *   <li>every record carries the 1-based physical line on which it starts, so problems are reported as
 *       {@code FILE:LINE: problem};</li>
 *   <li>blank lines (and lines holding only white space) are skipped;</li>
 *   <li>a record may end in extra empty fields (a trailing comma, as spreadsheets write them): empty fields beyond
 *       the width of the file's first record are dropped;</li>
 *   <li>quoting is strict: a double quote inside an unquoted field, text after a closing quote and a quote left open
 *       at the end of the file are errors ({@link MalformedException}) rather than guessed at;</li>
 *   <li>a list inside one field (e.g. the labels {@code "Bark,Dog"}) is split by {@link #splitList}: comma-separated,
 *       white space stripped, empty and repeated items dropped;</li>
 *   <li>values quoted in messages are cut to {@value #MESSAGE_VALUE_LIMIT} characters by {@link #quoted}.</li>
 * </ul>
 */
public final class Csv {
    /** Longest value, in characters, that {@link #quoted} shows before cutting it with "…". */
    public static final int MESSAGE_VALUE_LIMIT = 60;

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private Csv() {
    }

    /**
     * One record and the line where it starts.
     *
     * @param line the 1-based physical line of its first character
     * @param fields its fields, unquoted (unmodifiable)
     */
    public record Row(long line, List<String> fields) {
        /**
         * Copies the fields.
         *
         * @throws IllegalArgumentException if {@code line < 1}
         */
        public Row {
            if (line < 1) {
                throw new IllegalArgumentException("line: " + line + " must be >= 1");
            }
            fields = List.copyOf(fields);
        }

        /** Returns the number of fields. */
        public int size() {
            return fields.size();
        }

        /**
         * Returns one field.
         *
         * @param i the 0-based field index
         * @return field {@code i}
         * @throws IndexOutOfBoundsException if the record has no field {@code i}
         */
        public String get(int i) {
            return fields.get(i);
        }

        /**
         * Returns whether the record's first fields are {@code names}, each compared after stripping white space (a
         * header check that allows further columns).
         *
         * @param names the expected leading column names
         * @return true if it starts with them
         */
        public boolean startsWith(String... names) {
            if (fields.size() < names.length) {
                return false;
            }
            for (int i = 0; i < names.length; i++) {
                if (!fields.get(i).strip().equals(names[i])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Returns whether the record is exactly {@code names}, each field compared after stripping white space (a
         * header check).
         *
         * @param names the expected column names
         * @return true if the record has exactly these fields
         */
        public boolean matches(String... names) {
            return fields.size() == names.length && startsWith(names);
        }
    }

    /**
     * A CSV text that breaks the quoting rules, or is not UTF-8. The message is {@code "SOURCE:LINE: problem"}
     * ({@code "SOURCE: problem"} when no line can be named).
     */
    public static final class MalformedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String source;
        private final long line;
        private final String problem;

        MalformedException(String source, long line, String problem) {
            super(source + (line > 0 ? ":" + line : "") + ": " + problem);
            this.source = source;
            this.line = line;
            this.problem = problem;
        }

        /** Returns the file name (or other source name) given when reading. */
        public String source() {
            return source;
        }

        /** Returns the 1-based line of the problem, 0 when none can be named. */
        public long line() {
            return line;
        }

        /** Returns the problem alone, without source and line. */
        public String problem() {
            return problem;
        }
    }

    /**
     * Reads the records of a CSV text one by one. Not thread-safe; close it (it closes the underlying reader).
     */
    public static final class Reader implements Closeable {
        private final String source;
        private final QuoteChecker checker;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private int width = -1;

        Reader(java.io.Reader in, String source) throws IOException {
            this.source = source;
            this.checker = new QuoteChecker(in);
            this.parser = CSVParser.builder().setReader(checker).setFormat(READ).get();
            this.records = parser.iterator();
        }

        /**
         * Reads the next record that is not a blank line.
         *
         * @return the record, or null at the end of the text
         * @throws MalformedException if the text breaks the quoting rules or is not UTF-8 (naming source and line)
         * @throws IOException if reading fails
         */
        public Row next() throws IOException {
            while (true) {
                long start = parser.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        checkQuotes(Long.MAX_VALUE);
                        return null;
                    }
                    r = records.next();
                } catch (UncheckedIOException e) {
                    throw translate(e.getCause(), start);
                }
                checkQuotes(parser.getCurrentLineNumber());
                List<String> fields = r.toList();
                if (fields.isEmpty() || fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                if (width < 0) {
                    width = fields.size();
                } else if (fields.size() > width) {
                    int n = fields.size();
                    while (n > width && fields.get(n - 1).isEmpty()) {
                        n--;
                    }
                    fields = fields.subList(0, n);
                }
                return new Row(start, fields);
            }
        }

        /**
         * Reads every remaining record.
         *
         * @return the records in file order, blank lines skipped
         * @throws IOException as {@link #next()}
         */
        public List<Row> readAll() throws IOException {
            List<Row> rows = new ArrayList<>();
            Row r;
            while ((r = next()) != null) {
                rows.add(r);
            }
            return rows;
        }

        private void checkQuotes(long throughLine) throws MalformedException {
            if (checker.problemLine > 0 && checker.problemLine <= throughLine) {
                throw new MalformedException(source, checker.problemLine, checker.problem);
            }
        }

        private IOException translate(IOException e, long recordLine) {
            if (e instanceof CharacterCodingException) {
                return new MalformedException(source, 0, "not UTF-8 text");
            }
            if (checker.problemLine > 0) {
                return new MalformedException(source, checker.problemLine, checker.problem);
            }
            if (e instanceof CSVException) {
                return new MalformedException(source, recordLine, "malformed CSV record: " + e.getMessage());
            }
            return e;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /**
     * Opens a UTF-8 CSV file for reading record by record; a byte sequence that is not UTF-8 is an error, not
     * replaced.
     *
     * @param file the file
     * @return the reader; the caller closes it
     * @throws IOException if the file cannot be opened: worded by {@link InputFiles#requireReadableFile}
     *     ({@link java.nio.file.NoSuchFileException} if missing, {@code FILE: is a directory},
     *     {@code FILE: permission denied})
     */
    public static Reader open(Path file) throws IOException {
        InputFiles.requireReadableFile(file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.io.Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        try {
            return new Reader(in, file.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads CSV text from a character stream.
     *
     * @param in the characters (closed with the returned reader)
     * @param source the name to use in messages, e.g. the file name
     * @return the reader
     * @throws IOException if reading fails
     */
    public static Reader reader(java.io.Reader in, String source) throws IOException {
        return new Reader(Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source"));
    }

    /**
     * Reads every record of a UTF-8 CSV file.
     *
     * @param file the file
     * @return the records in file order (the header, if any, included), blank lines skipped
     * @throws MalformedException if the file breaks the quoting rules or is not UTF-8 (naming file and line)
     * @throws IOException if the file cannot be read
     */
    public static List<Row> readAll(Path file) throws IOException {
        try (Reader r = open(file)) {
            return r.readAll();
        }
    }

    /**
     * Formats one record, quoted where RFC 4180 needs it (Commons CSV's minimal quoting: a field holding a comma,
     * quote or line break, an empty first field, or a field starting with a space, {@code !}, {@code "} or
     * {@code #} or ending in white space), embedded quotes doubled, ended by {@code '\n'}.
     *
     * @param fields the fields; numbers and other objects as {@link String#valueOf(Object)}, null as empty
     * @return the line
     */
    public static String line(Object... fields) {
        return WRITE.format(fields) + "\n";
    }

    /**
     * Formats one record, as {@link #line(Object...)}.
     *
     * @param fields the fields
     * @return the line, ended by {@code '\n'}
     */
    public static String line(List<?> fields) {
        return line(fields.toArray());
    }

    /**
     * Splits a list held in one field, e.g. the labels {@code Bark,Dog}: comma-separated, white space around each
     * item stripped, empty items (as from a trailing comma) and repeated items dropped, first occurrences kept in
     * order.
     *
     * @param field the field, already unquoted
     * @return the items (unmodifiable)
     */
    public static List<String> splitList(String field) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : field.split(",")) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Quotes a value for an error message: {@code 'value'}, cut after {@value #MESSAGE_VALUE_LIMIT} characters with
     * "…" so that a runaway field (e.g. a whole file read as one quoted field) cannot flood the message.
     *
     * @param value the value (null shows as {@code null})
     * @return the quoted value
     */
    public static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        if (value.codePointCount(0, value.length()) <= MESSAGE_VALUE_LIMIT) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, value.offsetByCodePoints(0, MESSAGE_VALUE_LIMIT)) + "…'";
    }

    /**
     * Quotes each value with {@link #quoted} and joins them, for messages about a whole record.
     *
     * @param values the values
     * @return e.g. {@code ['a', 'b']}
     */
    public static String quoted(List<String> values) {
        return Arrays.toString(values.stream().map(Csv::quoted).toArray());
    }

    /**
     * Watches the characters on their way to the parser and records the first quoting error with its line:
     * Commons CSV itself reads a stray quote in an unquoted field as text and skips white space after a closing
     * quote, which audiotag's files treat as errors. Also drops a leading byte-order mark.
     */
    private static final class QuoteChecker extends java.io.Reader {
        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_SEEN = 3;

        private final java.io.Reader in;
        private boolean first = true;
        private int state = FIELD_START;
        private long line = 1;
        private long openLine;
        private boolean afterCr;
        long problemLine;
        String problem;

        QuoteChecker(java.io.Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && first) {
                first = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buf, off, len);
                    }
                }
            }
            if (n < 0) {
                if (state == QUOTED) {
                    fail(openLine, "quoted field opened on line " + openLine
                            + " is not closed before the end of the file");
                }
                return n;
            }
            if (problem == null) {
                for (int i = off; i < off + n && problem == null; i++) {
                    step(buf[i]);
                }
            }
            return n;
        }

        private void step(char c) {
            boolean newline = c == '\n' || c == '\r';
            switch (state) {
                case FIELD_START -> {
                    if (c == '"') {
                        state = QUOTED;
                        openLine = line;
                    } else if (c != ',' && !newline) {
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (c == '"') {
                        fail(line, "double quote inside an unquoted field");
                    } else if (c == ',' || newline) {
                        state = FIELD_START;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_SEEN;
                    }
                }
                default -> { // QUOTE_SEEN: a doubled quote, or the end of the quoted field
                    if (c == '"') {
                        state = QUOTED;
                    } else if (c == ',' || newline) {
                        state = FIELD_START;
                    } else {
                        fail(line, "unexpected character " + shown(c) + " after a closing quote");
                    }
                }
            }
            if (c == '\r' || c == '\n' && !afterCr) {
                line++;
            }
            afterCr = c == '\r';
        }

        private static String shown(char c) {
            return Character.isISOControl(c) || Character.isWhitespace(c)
                    ? String.format(java.util.Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
        }

        private void fail(long at, String what) {
            if (problem == null) {
                problemLine = at;
                problem = what;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
