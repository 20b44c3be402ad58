package org.audiotag.eval.io;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.audiotag.eval.Predictions;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;

/**
 * The two CSV layouts of the FSDKaggle2019 competition, UTF-8, RFC 4180 quoting:
 * <ul>
 *   <li>truth ({@code train_curated.csv}): header {@code fname,labels}; each row a clip name and its labels
 *       comma-separated inside one quoted field, e.g. {@code 0006ae4e.wav,"Bark,Dog"} (white space around a label
 *       and empty labels, as from a trailing comma, are ignored); an empty labels field is a clip without labels (it
 *       does not count for the ranking metrics);</li>
 *   <li>scores ({@code sample_submission.csv}): header {@code fname,<class 1>,...,<class C>}; each row a clip
 *       name and C finite decimal numbers (any monotone scores: probabilities, logits).</li>
 * </ul>
 * The class vocabulary is the score file's header. Blank lines are skipped. Every problem raises an
 * {@link EvalInputException} naming the file and line.
 *
 * <p>Reading a truth file and a score file in the Kaggle layout, and writing scores back:
 * {@snippet :
 * // truth.csv: fname,labels              scores.csv: fname,Bark,Meow,...
 * //            a.wav,"Bark,Meow"                     a.wav,0.91,0.75,...
 * LabeledPredictions data = TaggingCsv.read(Path.of("truth.csv"), Path.of("scores.csv"));
 * List<String> classes = data.classNames();     // the score file's header, in column order
 * List<String> clips = data.fnames();           // in truth-file order
 * double lwlrap = Lwlrap.compute(data.predictions()).lwlrap();
 * TaggingCsv.writeScores(Path.of("submission.csv"), data);
 * }
 * A malformed file gives, e.g., {@code EvalInputException: scores.csv:12: score of class 'Bark' is 'nan' (scores
 * must be finite)}.
 */
public final class TaggingCsv {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private TaggingCsv() {
    }

    /**
     * Reads a truth file and a score file and aligns them by clip name (in truth-file order); both must list the
     * same clips.
     *
     * @param truthCsv the truth file ({@code fname,labels}), UTF-8
     * @param scoresCsv the score file ({@code fname,<classes...>}), UTF-8; its header gives the classes
     * @return the aligned predictions with clip names (truth-file order) and class names (score-column order)
     * @throws EvalInputException on any malformed row, unknown label, non-finite score, duplicate clip name, or a
     *     clip present in one file and not the other (naming the file and line)
     * @throws IOException if a file cannot be read
     */
    public static LabeledPredictions read(Path truthCsv, Path scoresCsv) throws IOException {
        Scores scores = readScores(scoresCsv);
        Map<String, Integer> vocabulary = new HashMap<>();
        for (int c = 0; c < scores.classNames.size(); c++) {
            vocabulary.put(scores.classNames.get(c), c);
        }
        int nc = scores.classNames.size();
        List<String> fnames = new ArrayList<>();
        List<boolean[]> truthRows = new ArrayList<>();
        Map<String, Long> truthLines = new HashMap<>();
        try (Csv.Reader csv = open(truthCsv)) {
            Csv.Row header = nextRecord(csv, truthCsv);
            if (header == null) {
                throw new EvalInputException(truthCsv, 0, "empty file (expected a header 'fname,labels')");
            }
            if (!header.matches("fname", "labels")) {
                throw new EvalInputException(truthCsv, header.line(), "header must be 'fname,labels', got "
                        + Csv.quoted(String.join(",", header.fields())));
            }
            Csv.Row rec;
            while ((rec = nextRecord(csv, truthCsv)) != null) {
                long line = rec.line();
                if (rec.size() != 2) {
                    throw new EvalInputException(truthCsv, line, "expected 2 fields (fname, quoted labels), got "
                            + rec.size() + " (quote the labels field when it holds several labels)");
                }
                String fname = rec.get(0).strip();
                if (fname.isEmpty()) {
                    throw new EvalInputException(truthCsv, line, "empty fname");
                }
                Long previous = truthLines.putIfAbsent(fname, line);
                if (previous != null) {
                    throw new EvalInputException(truthCsv, line, "duplicate fname " + Csv.quoted(fname)
                            + " (first on line " + previous + ")");
                }
                boolean[] row = new boolean[nc];
                for (String l : Csv.splitList(rec.get(1))) {
                    Integer c = vocabulary.get(l);
                    if (c == null) {
                        throw new EvalInputException(truthCsv, line, "label " + Csv.quoted(l) + " of "
                                + Csv.quoted(fname) + " is not a class of " + scoresCsv.getFileName() + " (" + nc
                                + " classes)");
                    }
                    row[c] = true;
                }
                fnames.add(fname);
                truthRows.add(row);
            }
        }
        int n = fnames.size();
        boolean[] truth = new boolean[n * nc];
        double[] s = new double[n * nc];
        for (int i = 0; i < n; i++) {
            String f = fnames.get(i);
            Integer si = scores.rowOf.get(f);
            if (si == null) {
                throw new EvalInputException(truthCsv, truthLines.get(f), "fname " + Csv.quoted(f)
                        + " has no row in " + scoresCsv);
            }
            System.arraycopy(truthRows.get(i), 0, truth, i * nc, nc);
            System.arraycopy(scores.values, si * nc, s, i * nc, nc);
        }
        for (Map.Entry<String, Integer> e : scores.rowOf.entrySet()) {
            if (!truthLines.containsKey(e.getKey())) {
                throw new EvalInputException(scoresCsv, scores.lines.get(e.getValue()), "fname "
                        + Csv.quoted(e.getKey()) + " has no row in " + truthCsv);
            }
        }
        return new LabeledPredictions(fnames, scores.classNames, Predictions.ofFlat(n, nc, truth, s));
    }

    private static final class Scores {
        final List<String> classNames;
        final Map<String, Integer> rowOf;
        final List<Long> lines;
        final double[] values;

        Scores(List<String> classNames, Map<String, Integer> rowOf, List<Long> lines, double[] values) {
            this.classNames = classNames;
            this.rowOf = rowOf;
            this.lines = lines;
            this.values = values;
        }
    }

    private static Scores readScores(Path file) throws IOException {
        try (Csv.Reader csv = open(file)) {
            Csv.Row header = nextRecord(csv, file);
            if (header == null) {
                throw new EvalInputException(file, 0, "empty file (expected a header 'fname,<class>,...')");
            }
            if (!header.startsWith("fname") || header.size() < 2) {
                throw new EvalInputException(file, header.line(),
                        "header must be 'fname' followed by one column per class");
            }
            List<String> classes = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int k = 1; k < header.size(); k++) {
                String name = header.get(k).strip();
                if (name.isEmpty()) {
                    throw new EvalInputException(file, header.line(), "header column " + (k + 1)
                            + " has an empty class name");
                }
                if (seen.putIfAbsent(name, k) != null) {
                    throw new EvalInputException(file, header.line(), "class " + Csv.quoted(name)
                            + " appears twice in the header");
                }
                classes.add(name);
            }
            int nc = classes.size();
            Map<String, Integer> rowOf = new LinkedHashMap<>();
            List<Long> lines = new ArrayList<>();
            double[] values = new double[nc * 64];
            Csv.Row rec;
            int n = 0;
            while ((rec = nextRecord(csv, file)) != null) {
                long line = rec.line();
                if (rec.size() != nc + 1) {
                    throw new EvalInputException(file, line, "expected " + (nc + 1) + " fields (fname and " + nc
                            + " scores), got " + rec.size());
                }
                String fname = rec.get(0).strip();
                if (fname.isEmpty()) {
                    throw new EvalInputException(file, line, "empty fname");
                }
                Integer previous = rowOf.putIfAbsent(fname, n);
                if (previous != null) {
                    throw new EvalInputException(file, line, "duplicate fname " + Csv.quoted(fname)
                            + " (first on line " + lines.get(previous) + ")");
                }
                if ((long) (n + 1) * nc > Integer.MAX_VALUE - 8) {
                    throw new EvalInputException(file, line, "too many rows for " + nc + " classes");
                }
                if ((n + 1) * nc > values.length) {
                    values = java.util.Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L,
                            Math.max((long) (n + 1) * nc, 2L * values.length)));
                }
                for (int c = 0; c < nc; c++) {
                    values[n * nc + c] = parseScore(rec.get(c + 1), file, line, classes.get(c));
                }
                lines.add(line);
                n++;
            }
            return new Scores(classes, rowOf, lines, java.util.Arrays.copyOf(values, n * nc));
        }
    }

    private static double parseScore(String field, Path file, long line, String cls) throws EvalInputException {
        String f = field.strip();
        if (NON_FINITE.matcher(f).matches()) {
            throw new EvalInputException(file, line, "score of class " + Csv.quoted(cls) + " is " + Csv.quoted(f)
                    + " (scores must be finite)");
        }
        if (!NUMBER.matcher(f).matches()) {
            throw new EvalInputException(file, line, "score of class " + Csv.quoted(cls) + " is not a number: "
                    + Csv.quoted(f));
        }
        double v = Double.parseDouble(f);
        if (!Double.isFinite(v)) {
            throw new EvalInputException(file, line, "score of class " + Csv.quoted(cls) + " overflows a double: "
                    + Csv.quoted(f));
        }
        return v;
    }

    private static Csv.Reader open(Path file) throws IOException {
        try {
            return Csv.open(file);
        } catch (NoSuchFileException e) {
            throw new EvalInputException(file, 0, "no such file");
        }
    }

    private static Csv.Row nextRecord(Csv.Reader csv, Path file) throws IOException {
        try {
            return csv.next();
        } catch (Csv.MalformedException e) {
            // line 0: the file as a whole (not UTF-8); otherwise a quoting error on that line
            throw new EvalInputException(file, e.line(), e.line() > 0 ? "malformed CSV: " + e.problem()
                    : e.problem());
        }
    }

    /**
     * Writes a truth file ({@code fname,labels}) as UTF-8, through a temporary file moved into place; several
     * labels go comma-separated into one quoted field, in class order.
     *
     * @param file the target (created or replaced)
     * @param data clip names, class names and truth (scores are ignored)
     * @throws IOException if writing fails
     */
    public static void writeTruth(Path file, LabeledPredictions data) throws IOException {
        Predictions p = data.predictions();
        StringBuilder sb = new StringBuilder(Csv.line("fname", "labels"));
        for (int i = 0; i < p.nSamples(); i++) {
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < p.nClasses(); c++) {
                if (p.truth(i, c)) {
                    labels.add(data.classNames().get(c));
                }
            }
            sb.append(Csv.line(data.fnames().get(i), String.join(",", labels)));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Writes a score file in the Kaggle submission layout ({@code fname,<class 1>,...,<class C>}) as UTF-8, scores
     * at full double precision ({@code Double.toString}), through a temporary file moved into place.
     *
     * @param file the target (created or replaced)
     * @param data clip names, class names and scores (truth is ignored)
     * @throws IOException if writing fails
     */
    public static void writeScores(Path file, LabeledPredictions data) throws IOException {
        Predictions p = data.predictions();
        writeScores(file, data.fnames(), data.classNames(), p.nSamples(), p::score);
    }

    /**
     * Writes a score file in the Kaggle submission layout from scores alone (no truth needed), through a temporary
     * file moved into place. Each score is written as the double it widens to, at full precision, exactly as
     * {@link #writeScores(Path, LabeledPredictions)} writes {@code Predictions.of(truth, scores)}.
     *
     * @param file the target
     * @param fnames the clip names, one per row of {@code scores}
     * @param classNames the class names, one per column of {@code scores}
     * @param scores the scores, {@code (clips, classes)}
     * @throws IllegalArgumentException if the sizes disagree
     * @throws IOException if writing fails
     */
    public static void writeScores(Path file, List<String> fnames, List<String> classNames, float[][] scores)
            throws IOException {
        checkShape(fnames, classNames, scores.length, i -> scores[i].length);
        writeScores(file, fnames, classNames, scores.length, (i, c) -> scores[i][c]);
    }

    /**
     * Writes a score file in the Kaggle submission layout from scores alone (no truth needed), full double
     * precision, through a temporary file moved into place.
     *
     * @param file the target
     * @param fnames the clip names, one per row of {@code scores}
     * @param classNames the class names, one per column of {@code scores}
     * @param scores the scores, {@code (clips, classes)}
     * @throws IllegalArgumentException if the sizes disagree
     * @throws IOException if writing fails
     */
    public static void writeScores(Path file, List<String> fnames, List<String> classNames, double[][] scores)
            throws IOException {
        checkShape(fnames, classNames, scores.length, i -> scores[i].length);
        writeScores(file, fnames, classNames, scores.length, (i, c) -> scores[i][c]);
    }

    private static void checkShape(List<String> fnames, List<String> classNames, int rows,
            java.util.function.IntUnaryOperator rowLength) {
        if (fnames.size() != rows) {
            throw new IllegalArgumentException("fnames: " + fnames.size() + " names for " + rows + " score rows");
        }
        for (int i = 0; i < rows; i++) {
            if (rowLength.applyAsInt(i) != classNames.size()) {
                throw new IllegalArgumentException("scores: row " + i + " has " + rowLength.applyAsInt(i)
                        + " values for " + classNames.size() + " classes");
            }
        }
    }

    /** A score by (clip, class). */
    @FunctionalInterface
    private interface ScoreAt {
        double score(int clip, int cls);
    }

    private static void writeScores(Path file, List<String> fnames, List<String> classNames, int rows,
            ScoreAt score) throws IOException {
        List<Object> fields = new ArrayList<>(classNames.size() + 1);
        fields.add("fname");
        fields.addAll(classNames);
        StringBuilder sb = new StringBuilder(Csv.line(fields));
        for (int i = 0; i < rows; i++) {
            fields.clear();
            fields.add(fnames.get(i));
            for (int c = 0; c < classNames.size(); c++) {
                fields.add(score.score(i, c));
            }
            sb.append(Csv.line(fields));
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
