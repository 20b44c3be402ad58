package org.audiotag.eval.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.audiotag.eval.io.EvalInputException;
import org.audiotag.toolkit.AtomicFiles;

/**
 * Reads and writes event lists in the DCASE layout: UTF-8 text, one event per line, fields separated by tabs,
 * {@code filename\tonset\toffset\tevent_label} with onset and offset in seconds, under that header.
 *
 * <p>Reading accepts:
 * <ul>
 *   <li>the 4-column layout, with the header {@code filename\tonset\toffset\tevent_label} or without a
 *       header;</li>
 *   <li>sed_eval's 3-column layout of one annotation file per audio file ({@code onset\toffset\tevent_label},
 *       optionally under the header {@code onset\toffset\tevent_label}); every event's filename is then the
 *       list's own file name without its extension ({@code a001.txt} gives {@code a001});</li>
 *   <li>blank lines (skipped), white space around fields, {@code \r\n} line ends.</li>
 * </ul>
 * All rows must have the column count of the first row. A file with a header and no rows is an empty list (a system
 * that detected nothing). Every problem raises an {@link EvalInputException} {@code "<file>:<line>: <problem>"}:
 * a wrong column count, a non-numeric or non-finite time, a negative onset, an offset before the onset, an empty
 * filename or label, a file that is empty or not UTF-8.
 *
 * <p>Writing gives the 4-column layout under its header, times with three decimals ({@code 1.250}), through a
 * temporary file moved into place.
 * {@snippet :
 * List<SoundEvent> events = EventListFile.read(Path.of("truth.tsv"));
 * EventListFile.write(Path.of("copy.tsv"), events);
 * }
 */
public final class EventListFile {
    /** The header line of the 4-column layout. */
    public static final String HEADER = "filename\tonset\toffset\tevent_label";

    private static final String HEADER_3 = "onset\toffset\tevent_label";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private EventListFile() {
    }

    /**
     * Reads an event list.
     *
     * @param tsv the file
     * @return the events in file order
     * @throws EvalInputException if the file is empty, not UTF-8, or a row is malformed (names file and line)
     * @throws IOException if the file cannot be read
     */
    public static List<SoundEvent> read(Path tsv) throws IOException {
        Objects.requireNonNull(tsv, "tsv");
        List<String> lines = readLines(tsv);
        List<SoundEvent> events = new ArrayList<>();
        int columns = 0;
        boolean sawContent = false;
        for (int k = 0; k < lines.size(); k++) {
            long line = k + 1;
            String text = lines.get(k);
            if (text.isBlank()) {
                continue;
            }
            String[] f = text.split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            if (!sawContent) {
                sawContent = true;
                String joined = String.join("\t", f);
                if (joined.equals(HEADER)) {
                    columns = 4;
                    continue;
                }
                if (joined.equals(HEADER_3)) {
                    columns = 3;
                    continue;
                }
                if (f.length != 3 && f.length != 4) {
                    throw new EvalInputException(tsv, line, "expected 4 tab-separated fields (filename, onset,"
                            + " offset, event_label) or 3 (onset, offset, event_label), got " + f.length);
                }
                columns = f.length;
            }
            if (f.length != columns) {
                throw new EvalInputException(tsv, line, "expected " + columns + " tab-separated fields ("
                        + (columns == 4 ? "filename, onset, offset, event_label" : "onset, offset, event_label")
                        + ") as the first row, got " + f.length);
            }
            int o = columns - 3;
            String filename = columns == 4 ? f[0] : baseName(tsv);
            if (filename.isEmpty()) {
                throw new EvalInputException(tsv, line, "empty filename");
            }
            double onset = seconds(f[o], "onset", tsv, line);
            double offset = seconds(f[o + 1], "offset", tsv, line);
            if (onset < 0) {
                throw new EvalInputException(tsv, line, "onset " + f[o] + " is negative");
            }
            if (offset < onset) {
                throw new EvalInputException(tsv, line, "offset " + f[o + 1] + " is before onset " + f[o]);
            }
            if (f[o + 2].isEmpty()) {
                throw new EvalInputException(tsv, line, "empty event_label");
            }
            events.add(new SoundEvent(filename, onset, offset, f[o + 2]));
        }
        if (!sawContent) {
            throw new EvalInputException(tsv, 0, "empty file (expected the header '"
                    + HEADER.replace("\t", "<tab>") + "' or event rows)");
        }
        return events;
    }

    /**
     * Writes an event list in the 4-column layout under its header, times in seconds with three decimals.
     *
     * @param tsv the file to create or replace (its folder must exist)
     * @param events the events, written in list order
     * @throws IOException if writing fails (message names the file)
     */
    public static void write(Path tsv, List<SoundEvent> events) throws IOException {
        Objects.requireNonNull(tsv, "tsv");
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (SoundEvent e : Objects.requireNonNull(events, "events")) {
            sb.append(e.filename()).append('\t').append(String.format(Locale.ROOT, "%.3f", e.onset())).append('\t')
                    .append(String.format(Locale.ROOT, "%.3f", e.offset())).append('\t').append(e.label())
                    .append('\n');
        }
        AtomicFiles.writeString(tsv, sb.toString());
    }

    private static List<String> readLines(Path tsv) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(tsv),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String s;
            while ((s = r.readLine()) != null) {
                lines.add(s);
            }
        } catch (CharacterCodingException e) {
            throw new EvalInputException(tsv, lines.size() + 1, "not UTF-8 text");
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    private static double seconds(String field, String name, Path tsv, long line) throws EvalInputException {
        if (!NUMBER.matcher(field).matches()) {
            throw new EvalInputException(tsv, line, name + " is not a number of seconds: '" + field + "'");
        }
        double v = Double.parseDouble(field);
        if (!Double.isFinite(v)) {
            throw new EvalInputException(tsv, line, name + " overflows a double: '" + field + "'");
        }
        return v;
    }

    private static String baseName(Path tsv) {
        Path name = tsv.getFileName();
        String s = name == null ? tsv.toString() : name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
