package org.audiotag.train.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.audiotag.toolkit.Csv;
import org.audiotag.toolkit.InputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers for the dataset layouts audiotag understands:
 * <ul>
 * <li>{@link #fsdKaggle2019 FSDKaggle2019}: {@code train_curated.csv} with header {@code fname,labels}, the labels
 *     one RFC 4180 field of comma-separated tags, plus a folder of WAVs;</li>
 * <li>{@link #csv generic CSV}: {@code path,labels[,fold]} (header optional; paths relative to the CSV's folder);</li>
 * <li>{@link #folders folders-as-labels}: {@code root/<tag>/<file>};</li>
 * <li>{@link #esc10 ESC-10} as shipped in {@code data/esc10}: {@code labels.csv} with {@code path,fold,label}.</li>
 * </ul>
 * Bad rows, labels outside a given vocabulary and missing files end in a {@link DatasetFormatException}
 * {@code "<file>:<line>: <problem>"} or are skipped, as {@link LoadOptions#policy()} says. So does an audio file
 * listed twice, in every layout: two entries are the same file when their normalised absolute paths are equal, or,
 * for files that exist, their real paths (symbolic links resolved); the message names the file and both lines, and
 * under {@link RowPolicy#SKIP} the later entry is dropped with a warning. A {@link Dataset} therefore never holds a
 * file twice, and a {@link Split} of it never puts one file on both sides.
 *
 * <p>The three common layouts; {@link #open} guesses the layout from a path:
 * {@snippet :
 * Dataset esc = Datasets.esc10(Path.of("data/esc10"), LoadOptions.defaults());  // folds 1, 2, 3, 5
 * // FSDKaggle2019: train_curated.csv "fname,labels" (labels quoted, comma-separated), WAVs beside it
 * Dataset curated = Datasets.fsdKaggle2019(Path.of("fsd/train_curated.csv"), Path.of("fsd/train_curated"),
 *         LoadOptions.defaults().withPolicy(RowPolicy.SKIP));               // bad rows: logged, in problems()
 * // root/<tag>/<file>, tags encoded against a fixed vocabulary
 * Dataset mine = Datasets.folders(Path.of("recordings"),
 *         LoadOptions.defaults().withVocabulary(Vocabulary.of(List.of("bird", "car", "rain"))));
 * }
 */
public final class Datasets {

    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);

    /** File name extensions (lower case) that {@link #folders} treats as audio. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "flac", "ogg", "oga", "mp3", "aiff", "aif");

    private Datasets() {
    }

    /**
     * Reads a dataset, guessing its layout: a CSV file whose header starts {@code fname,labels} is FSDKaggle2019
     * (audio in the sibling folder named like the CSV without extension), any other CSV is generic; a folder with a
     * {@code labels.csv} whose header starts {@code path,fold,label} is ESC-10; a folder with
     * {@code train_curated.csv} is FSDKaggle2019; a folder with {@code labels.csv} is generic CSV; any other folder is
     * folders-as-labels.
     *
     * @param dirOrCsv a CSV file or a folder
     * @param options vocabulary and bad-entry policy
     * @return the dataset
     * @throws IOException if it cannot be read (the message names the file and line)
     */
    public static Dataset open(Path dirOrCsv, LoadOptions options) throws IOException {
        if (Files.isRegularFile(dirOrCsv)) {
            List<String> header = header(dirOrCsv);
            if (header.size() >= 2 && header.get(0).equals("fname") && header.get(1).equals("labels")) {
                return fsdKaggle2019(dirOrCsv, defaultAudioDir(dirOrCsv), options);
            }
            return csv(dirOrCsv, options);
        }
        if (!Files.isDirectory(dirOrCsv)) {
            try {
                InputFiles.requireReadableFile(dirOrCsv);
            } catch (NoSuchFileException e) {
                throw new DatasetFormatException(InputFiles.shown(dirOrCsv) + ": no such file or folder");
            } catch (IOException e) {
                throw new DatasetFormatException(InputFiles.describe(e));
            }
        }
        try {
            InputFiles.requireReadableFolder(dirOrCsv);
        } catch (IOException e) {
            throw new DatasetFormatException(InputFiles.describe(e));
        }
        Path labels = dirOrCsv.resolve("labels.csv");
        Path curated = dirOrCsv.resolve("train_curated.csv");
        if (Files.isRegularFile(labels)) {
            List<String> h = header(labels);
            if (h.size() >= 3 && h.get(0).equals("path") && h.get(1).equals("fold") && h.get(2).equals("label")) {
                return esc10(dirOrCsv, options);
            }
            return csv(labels, options);
        }
        if (Files.isRegularFile(curated)) {
            return fsdKaggle2019(curated, defaultAudioDir(curated), options);
        }
        return folders(dirOrCsv, options);
    }

    private static Path defaultAudioDir(Path csv) {
        String n = csv.getFileName().toString();
        int dot = n.lastIndexOf('.');
        Path parent = csv.toAbsolutePath().getParent();
        return parent.resolve(dot > 0 ? n.substring(0, dot) : n);
    }

    private static List<String> header(Path csv) throws IOException {
        List<Csv.Row> rows = Csv.readAll(csv);
        return rows.isEmpty() ? List.of() : rows.get(0).fields().stream().map(String::strip).toList();
    }

    /**
     * Reads the FSDKaggle2019 layout: a CSV with header {@code fname,labels} whose labels field is a
     * comma-separated list of tags (RFC 4180 quoted), the audio files in {@code audioDir}. Without a vocabulary in
     * the options the built-in {@link Vocabulary#fsdKaggle2019()} is used.
     *
     * @param csv e.g. {@code train_curated.csv}
     * @param audioDir the folder holding {@code fname}
     * @param options vocabulary and bad-entry policy
     * @return the dataset, clips in CSV order, no folds
     * @throws IOException if the CSV cannot be read, or a bad entry is met under {@link RowPolicy#FAIL}
     */
    public static Dataset fsdKaggle2019(Path csv, Path audioDir, LoadOptions options) throws IOException {
        Vocabulary vocab = options.vocabulary() != null ? options.vocabulary() : Vocabulary.fsdKaggle2019();
        List<Csv.Row> rows = readNonEmpty(csv);
        List<String> h = rows.get(0).fields();
        if (!rows.get(0).startsWith("fname", "labels")) {
            throw new DatasetFormatException(csv + ":" + rows.get(0).line() + ": header must start with 'fname,labels'"
                    + ", found " + h);
        }
        Collector c = new Collector(csv, options.policy());
        for (Csv.Row r : rows.subList(1, rows.size())) {
            String where = csv + ":" + r.line();
            if (r.size() < 2) {
                c.bad(where, "expected 2 fields (fname,labels), found " + r.size());
                continue;
            }
            String fname = r.get(0).strip();
            if (fname.isEmpty()) {
                c.bad(where, "empty fname");
                continue;
            }
            Path file = resolve(c, where, audioDir, fname);
            if (file == null) {
                continue;
            }
            List<String> labels = splitLabels(r.get(1));
            c.add(where, file, labels, LabeledClip.NO_FOLD, vocab, options.checkFiles());
        }
        return c.build(csv.toString(), vocab);
    }

    /**
     * Reads a generic CSV: columns {@code path,labels[,fold]}, with an optional header naming them ({@code path} or
     * {@code fname} or {@code file}; {@code labels} or {@code label}; {@code fold}; other columns ignored). The
     * labels field holds one or more comma-separated tags (quote it when there are several). Relative paths are
     * resolved against the CSV's folder.
     *
     * @param csv the file
     * @param options vocabulary (none: the sorted set of tags found) and bad-entry policy
     * @return the dataset, clips in CSV order
     * @throws IOException if the CSV cannot be read, or a bad entry is met under {@link RowPolicy#FAIL}
     */
    public static Dataset csv(Path csv, LoadOptions options) throws IOException {
        List<Csv.Row> rows = readNonEmpty(csv);
        List<String> first = rows.get(0).fields().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        int pathCol = 0;
        int labelCol = 1;
        int foldCol = -1;
        int start = 0;
        int ip = indexOfAny(first, "path", "fname", "file", "filename");
        int il = indexOfAny(first, "labels", "label", "tags");
        if (ip >= 0 && il >= 0) {
            pathCol = ip;
            labelCol = il;
            foldCol = first.indexOf("fold");
            start = 1;
        } else if (first.size() >= 3 && isInt(first.get(2))) {
            foldCol = 2;
        }
        Path base = csv.toAbsolutePath().getParent();
        List<Row3> parsed = new ArrayList<>();
        Collector c = new Collector(csv, options.policy());
        int need = Math.max(pathCol, Math.max(labelCol, foldCol)) + 1;
        for (Csv.Row r : rows.subList(start, rows.size())) {
            String where = csv + ":" + r.line();
            if (r.size() < need) {
                c.bad(where, "expected at least " + need + " fields, found " + r.size());
                continue;
            }
            String p = r.get(pathCol).strip();
            if (p.isEmpty()) {
                c.bad(where, "empty path");
                continue;
            }
            int fold = LabeledClip.NO_FOLD;
            if (foldCol >= 0) {
                String f = r.get(foldCol).strip();
                if (!isInt(f) || Integer.parseInt(f) < 0) {
                    c.bad(where, "fold " + Csv.quoted(f) + " is not a non-negative integer");
                    continue;
                }
                fold = Integer.parseInt(f);
            }
            Path file = resolve(c, where, base, p);
            if (file == null) {
                continue;
            }
            List<String> labels = splitLabels(r.get(labelCol));
            parsed.add(new Row3(where, file, labels, fold));
        }
        Vocabulary vocab = options.vocabulary();
        if (vocab == null) {
            List<String> all = new ArrayList<>();
            parsed.forEach(r -> all.addAll(r.labels));
            if (all.isEmpty()) {
                throw new DatasetFormatException(csv + ": no labels found");
            }
            vocab = Vocabulary.sorted(all);
        }
        for (Row3 r : parsed) {
            c.add(r.where, r.file, r.labels, r.fold, vocab, options.checkFiles());
        }
        return c.build(csv.toString(), vocab);
    }

    /**
     * Reads the ESC-10 layout shipped in {@code data/esc10}: {@code labels.csv} with header
     * {@code path,fold,label,...}, one label per clip, paths relative to the folder. The vocabulary (unless given) is
     * the ten class names in their order of first appearance, i.e. ESC-10's own numbering 001 Dog bark … 010 Fire
     * crackling.
     *
     * @param dir the ESC-10 folder
     * @param options vocabulary and bad-entry policy
     * @return the dataset with the source folds (1, 2, 3, 5 as shipped)
     * @throws IOException if {@code labels.csv} cannot be read, or a bad entry is met under {@link RowPolicy#FAIL}
     */
    public static Dataset esc10(Path dir, LoadOptions options) throws IOException {
        Path csv = dir.resolve("labels.csv");
        List<Csv.Row> rows = readNonEmpty(csv);
        List<String> h = rows.get(0).fields().stream().map(String::strip).toList();
        if (!rows.get(0).startsWith("path", "fold", "label")) {
            throw new DatasetFormatException(csv + ":" + rows.get(0).line()
                    + ": header must start with 'path,fold,label', found " + h);
        }
        Collector c = new Collector(csv, options.policy());
        List<Row3> parsed = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            String where = csv + ":" + r.line();
            if (r.size() < 3) {
                c.bad(where, "expected at least 3 fields (path,fold,label), found " + r.size());
                continue;
            }
            String f = r.get(1).strip();
            if (!isInt(f) || Integer.parseInt(f) < 0) {
                c.bad(where, "fold " + Csv.quoted(f) + " is not a non-negative integer");
                continue;
            }
            String label = r.get(2).strip();
            if (label.isEmpty()) {
                c.bad(where, "empty label");
                continue;
            }
            Path file = resolve(c, where, dir, r.get(0).strip());
            if (file == null) {
                continue;
            }
            seen.add(label);
            parsed.add(new Row3(where, file, List.of(label), Integer.parseInt(f)));
        }
        Vocabulary vocab = options.vocabulary() != null ? options.vocabulary() : Vocabulary.of(new ArrayList<>(seen));
        for (Row3 r : parsed) {
            c.add(r.where, r.file, r.labels, r.fold, vocab, options.checkFiles());
        }
        return c.build(dir.toString(), vocab);
    }

    /**
     * Reads folders-as-labels: every audio file (see {@link #AUDIO_EXTENSIONS}) under {@code root/<tag>/} (nested
     * folders included) gets the single tag {@code <tag>}. Files directly in {@code root} are bad entries.
     *
     * @param root the root folder
     * @param options vocabulary (none: the sorted folder names) and bad-entry policy
     * @return the dataset, clips sorted by path, no folds
     * @throws IOException if the folder cannot be listed, or a bad entry is met under {@link RowPolicy#FAIL}
     */
    public static Dataset folders(Path root, LoadOptions options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DatasetFormatException(InputFiles.shown(root) + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(Datasets::isAudio).sorted().toList();
        }
        Collector c = new Collector(root, options.policy());
        List<Row3> parsed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            Path rel = root.relativize(f);
            if (rel.getNameCount() < 2) {
                c.bad(f.toString(), "audio file directly in the root folder has no label folder");
                continue;
            }
            String label = rel.getName(0).toString();
            names.add(label);
            parsed.add(new Row3(f.toString(), f, List.of(label), LabeledClip.NO_FOLD));
        }
        if (parsed.isEmpty()) {
            throw new DatasetFormatException(root + ": no audio files in label folders");
        }
        Vocabulary vocab = options.vocabulary() != null ? options.vocabulary() : Vocabulary.sorted(names);
        for (Row3 r : parsed) {
            c.add(r.where, r.file, r.labels, r.fold, vocab, false);
        }
        return c.build(root.toString(), vocab);
    }

    private static boolean isAudio(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Csv.Row> readNonEmpty(Path csv) throws IOException {
        try {
            InputFiles.requireReadableFile(csv);
        } catch (IOException e) {
            throw new DatasetFormatException(InputFiles.describe(e));
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.readAll(csv);
        } catch (IOException e) {
            throw new DatasetFormatException(e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(csv + ": empty file");
        }
        return rows;
    }

    /**
     * Splits a labels field into tags: comma-separated, white space around each tag removed, empty pieces dropped,
     * duplicates dropped (first occurrence kept). The same rule as {@code audiotag evaluate}'s truth files.
     *
     * @param field the field as read from the CSV (already unquoted)
     * @return the tags
     */
    public static List<String> splitLabels(String field) {
        return Csv.splitList(field);
    }

    /**
     * {@code base.resolve(path)}, or null after reporting a path the file system cannot represent (a NUL character,
     * e.g. a binary file read as a CSV).
     */
    private static Path resolve(Collector c, String where, Path base, String path) throws DatasetFormatException {
        try {
            return base.resolve(path);
        } catch (InvalidPathException e) {
            c.bad(where, "path " + Csv.quoted(path) + " is not a valid path (" + e.getReason() + ")");
            return null;
        }
    }

    private static int indexOfAny(List<String> l, String... names) {
        for (String n : names) {
            int i = l.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isInt(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private record Row3(String where, Path file, List<String> labels, int fold) {
    }

    /** Accumulates clips and problems under a policy. */
    private static final class Collector {
        private final Path source;
        private final RowPolicy policy;
        private final List<LabeledClip> clips = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        /** The clips added so far by normalised absolute path and by real path: the index of the clip. */
        private final Map<Path, Integer> byPath = new HashMap<>();

        Collector(Path source, RowPolicy policy) {
            this.source = source;
            this.policy = policy;
        }

        void bad(String where, String problem) throws DatasetFormatException {
            String msg = where + ": " + problem;
            if (policy == RowPolicy.FAIL) {
                throw new DatasetFormatException(msg);
            }
            LOG.warn("skipping {}", msg);
            problems.add(msg);
        }

        void add(String where, Path file, List<String> labels, int fold, Vocabulary vocab, boolean check)
                throws DatasetFormatException {
            if (labels.isEmpty()) {
                bad(where, "no labels");
                return;
            }
            for (String l : labels) {
                if (!vocab.contains(l)) {
                    bad(where, "label " + Csv.quoted(l) + " is not in the vocabulary (" + vocab.size() + " tags)");
                    return;
                }
            }
            if (check && !Files.isRegularFile(file)) {
                bad(where, "audio file " + unreadable(file));
                return;
            }
            Path normal = file.toAbsolutePath().normalize();
            Path real = realPath(normal);
            Integer first = byPath.get(normal);
            if (first == null && real != null) {
                first = byPath.get(real);
            }
            if (first != null) {
                bad(where, twice(clips.get(first), file, where));
                return;
            }
            byPath.put(normal, clips.size());
            if (real != null) {
                byPath.put(real, clips.size());
            }
            clips.add(new LabeledClip(file, labels, fold, where));
        }

        /** Why a file that is not a regular file cannot be a clip: missing, a folder, not readable. */
        private static String unreadable(Path file) {
            try {
                InputFiles.requireReadableFile(file);
            } catch (NoSuchFileException e) {
                return InputFiles.shown(file) + " does not exist";
            } catch (AccessDeniedException e) {
                return InputFiles.shown(file) + " cannot be read (permission denied)";
            } catch (IOException e) {
                return InputFiles.shown(file) + " " + InputFiles.reason(e);
            }
            return InputFiles.shown(file) + " does not exist";
        }

        /** The file with symbolic links resolved, or null if it does not exist (or cannot be resolved). */
        private static Path realPath(Path normal) {
            try {
                return normal.toRealPath();
            } catch (IOException | SecurityException e) {
                return null;
            }
        }

        /** {@code "audio file F is listed twice (lines 3 and 7)"}, or the two entries when not lines of one CSV. */
        private String twice(LabeledClip first, Path file, String where) {
            String prefix = source + ":";
            String what = "audio file " + InputFiles.shown(file);
            if (!first.file().toString().equals(file.toString())) {
                what += " (the same file as " + InputFiles.shown(first.file()) + ")";
            }
            if (first.origin().startsWith(prefix) && where.startsWith(prefix)) {
                return what + " is listed twice (lines " + first.origin().substring(prefix.length()) + " and "
                        + where.substring(prefix.length()) + ")";
            }
            return what + " is listed twice (also at " + first.origin() + ")";
        }

        Dataset build(String name, Vocabulary vocab) throws DatasetFormatException {
            if (clips.isEmpty()) {
                throw new DatasetFormatException(source + ": no usable clips"
                        + (problems.isEmpty() ? "" : " (" + problems.size() + " skipped, first: " + problems.get(0)
                        + ")"));
            }
            return new Dataset(name, vocab, clips, problems);
        }
    }
}
