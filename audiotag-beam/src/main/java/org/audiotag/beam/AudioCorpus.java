package org.audiotag.beam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.audiotag.toolkit.Csv;
import org.audiotag.toolkit.InputFiles;

/**
 * The audio files of a corpus, listed once when the pipeline is built, in a deterministic order (by path relative to
 * the corpus root, compared as strings), from one of three inputs:
 * <ul>
 *   <li>a folder: every {@code .wav}, {@code .ogg} and {@code .flac} file below it (recursively, extension case
 *       ignored, hidden files included, symbolic links to files followed); the root is the folder;</li>
 *   <li>a glob such as {@code data/esc10/0*&#47;*.ogg} (a path holding {@code *}, {@code ?}, {@code [} or an
 *       opening brace, in {@link java.nio.file.FileSystem#getPathMatcher(String) glob syntax}): the files whose
 *       path relative to the glob's fixed leading folders matches the rest, and the audio files below the folders
 *       it matches; the root is those leading folders;</li>
 *   <li>a CSV list ({@code .csv}): one path per record in its first column (a first record {@code path} or
 *       {@code fname} is a header), relative to the list's folder or absolute inside it; the root is the list's
 *       folder. Listed files are not checked here: a missing one becomes a dead letter of the run.</li>
 * </ul>
 * {@link #shard(Shard)} keeps one part of it; {@link #read()} is the Beam source.
 *
 * {@snippet :
 * AudioCorpus corpus = AudioCorpus.of("data/esc10").shard(Shard.parse("0/4"));
 * PCollection<CorpusFile> files = pipeline.apply(corpus.read());
 * }
 */
public final class AudioCorpus {

    /** The extensions a folder or glob listing takes, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("wav", "ogg", "flac");

    /** Files per group of the source (see {@link #read()}). */
    static final int FILES_PER_GROUP = 16;

    private final Path root;
    private final List<String> relative;

    private AudioCorpus(Path root, List<String> relative) {
        this.root = root;
        this.relative = List.copyOf(relative);
    }

    /**
     * Lists a corpus given as a folder, a glob or a CSV list (see the class documentation for how each is told
     * apart and listed).
     *
     * @param input a folder, a glob, or a file ending in {@code .csv}
     * @return the corpus, sorted
     * @throws IOException if the folder, the glob's root or the list cannot be read, the list is malformed or names a
     *     path outside its folder (the message names the file and line)
     */
    public static AudioCorpus of(String input) throws IOException {
        Objects.requireNonNull(input, "input");
        if (input.isBlank()) {
            throw new IllegalArgumentException("input: empty; give a folder, a glob or a CSV list of paths");
        }
        if (isGlob(input)) {
            return ofGlob(input);
        }
        Path p = Path.of(input);
        if (Files.isDirectory(p)) {
            return ofFolder(p);
        }
        if (p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return ofList(p);
        }
        if (Files.isRegularFile(p)) {
            throw new IOException(InputFiles.shown(p) + ": neither a folder, a glob nor a .csv list of paths");
        }
        InputFiles.requireReadableFolder(p); // words a missing path or a denied folder
        throw new IOException(InputFiles.shown(p) + ": neither a folder, a glob nor a .csv list of paths");
    }

    /**
     * Lists every audio file below a folder.
     *
     * @param folder the corpus root
     * @return the corpus, sorted
     * @throws IOException if the folder or a folder below it cannot be listed
     */
    public static AudioCorpus ofFolder(Path folder) throws IOException {
        InputFiles.requireReadableFolder(folder);
        Path root = folder.toAbsolutePath().normalize();
        return new AudioCorpus(root, walk(root, rel -> hasAudioExtension(rel)));
    }

    /**
     * Lists the audio files a glob matches.
     *
     * @param glob a path whose later segments hold glob characters, e.g. {@code data/esc10/00[1-3]*&#47;*.ogg}
     * @return the corpus, sorted; its root is the glob's leading folders without glob characters
     * @throws IOException if the glob's root folder cannot be listed
     * @throws IllegalArgumentException if the glob is malformed
     */
    public static AudioCorpus ofGlob(String glob) throws IOException {
        String g = glob.replace('\\', '/');
        String[] parts = g.split("/", -1);
        StringBuilder base = new StringBuilder(g.startsWith("/") ? "/" : "");
        int i = 0;
        for (; i < parts.length - 1 && !isGlob(parts[i]); i++) {
            if (!parts[i].isEmpty()) {
                base.append(parts[i]).append('/');
            }
        }
        String pattern = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
        Path folder = Path.of(base.length() == 0 ? "." : base.toString());
        InputFiles.requireReadableFolder(folder);
        PathMatcher m;
        try {
            m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input: malformed glob '" + glob + "': " + e.getMessage(), e);
        }
        Path root = folder.toAbsolutePath().normalize();
        return new AudioCorpus(root, walk(root, rel -> m.matches(Path.of(rel)) || hasAudioExtension(rel)
                && matchesFolder(m, rel)));
    }

    /**
     * Lists the files a CSV names, one per record in the first column.
     *
     * @param csv the list; relative paths are relative to its folder
     * @return the corpus, sorted and without duplicates
     * @throws IOException if the list cannot be read or is malformed, or a path leaves the list's folder (the message
     *     names the list and the line)
     */
    public static AudioCorpus ofList(Path csv) throws IOException {
        InputFiles.requireReadableFile(csv);
        Path root = csv.toAbsolutePath().normalize().getParent();
        Set<String> seen = new HashSet<>();
        List<String> rel = new ArrayList<>();
        List<Csv.Row> rows = Csv.readAll(csv);
        for (int r = 0; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            String field = row.get(0).strip();
            if (r == 0 && (field.equals("path") || field.equals("fname"))) {
                continue;
            }
            if (field.isEmpty()) {
                throw new IOException(InputFiles.shown(csv) + ":" + row.line() + ": empty path");
            }
            Path abs = root.resolve(field).normalize();
            if (!abs.startsWith(root) || abs.equals(root)) {
                throw new IOException(InputFiles.shown(csv) + ":" + row.line() + ": '" + field + "' is outside the "
                        + "list's folder " + root + " (paths name files below the folder of the list, which is the "
                        + "root of the relative names in every output)");
            }
            String s = slashes(root.relativize(abs));
            if (seen.add(s)) {
                rel.add(s);
            }
        }
        rel.sort(null);
        return new AudioCorpus(root, rel);
    }

    /**
     * Keeps one part of the corpus (see {@link Shard}).
     *
     * @param shard the part to keep
     * @return the files of this corpus in that part, in corpus order
     */
    public AudioCorpus shard(Shard shard) {
        if (shard.count() == 1) {
            return this;
        }
        return new AudioCorpus(root, relative.stream().filter(shard::contains).toList());
    }

    /**
     * Returns the corpus root, the folder every relative path starts from.
     *
     * @return an absolute, normalised path
     */
    public Path root() {
        return root;
    }

    /**
     * Returns the files' paths relative to {@link #root()}.
     *
     * @return the paths, {@code /}-separated, sorted, unmodifiable
     */
    public List<String> relativePaths() {
        return relative;
    }

    /**
     * Returns the files.
     *
     * @return one {@link CorpusFile} per file, in corpus order
     */
    public List<CorpusFile> files() {
        String r = root.toString();
        return relative.stream().map(s -> new CorpusFile(r, s)).toList();
    }

    /**
     * Returns the number of files.
     *
     * @return the size of the corpus
     */
    public int size() {
        return relative.size();
    }

    /**
     * Returns the Beam source of the files: a bounded {@link PCollection} of {@link CorpusFile} (runners process it
     * in any order and in parallel, in bundles of about {@value #FILES_PER_GROUP} files).
     *
     * @return the root transform
     */
    public PTransform<PBegin, PCollection<CorpusFile>> read() {
        return new Read(files());
    }

    /**
     * The source: the listed files dealt into groups of about {@value #FILES_PER_GROUP} (file {@code i} into group
     * {@code i mod groups}) and regrouped, so that a runner hands the groups to its workers as separate bundles
     * (a plain {@link Create} of a few kilobytes of paths stays one bundle, i.e. one worker, on the DirectRunner)
     * while each bundle still holds enough files for {@link TagCorpus} to batch.
     */
    private static final class Read extends PTransform<PBegin, PCollection<CorpusFile>> {
        private static final long serialVersionUID = 1L;
        private final List<CorpusFile> files;

        Read(List<CorpusFile> files) {
            this.files = files;
        }

        @Override
        public PCollection<CorpusFile> expand(PBegin begin) {
            int groups = Math.max(1, (files.size() + FILES_PER_GROUP - 1) / FILES_PER_GROUP);
            List<KV<Integer, CorpusFile>> keyed = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                keyed.add(KV.of(i % groups, files.get(i)));
            }
            Coder<CorpusFile> coder = SerializableCoder.of(CorpusFile.class);
            return begin.apply("List", Create.of(keyed).withCoder(KvCoder.of(VarIntCoder.of(), coder)))
                    .apply("Group", GroupByKey.create())
                    .apply("Files", ParDo.of(new Ungroup())).setCoder(coder);
        }
    }

    /** Emits the files of each group. */
    private static final class Ungroup extends DoFn<KV<Integer, Iterable<CorpusFile>>, CorpusFile> {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void process(@Element KV<Integer, Iterable<CorpusFile>> group, OutputReceiver<CorpusFile> out) {
            for (CorpusFile f : group.getValue()) {
                out.output(f);
            }
        }
    }

    /** Whether a string holds glob characters. */
    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static boolean hasAudioExtension(String rel) {
        int dot = rel.lastIndexOf('.');
        return dot > rel.lastIndexOf('/') && EXTENSIONS.contains(rel.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether a folder on the way to {@code rel} matches the glob (a glob naming folders takes their audio). */
    private static boolean matchesFolder(PathMatcher m, String rel) {
        for (int i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) {
            if (m.matches(Path.of(rel.substring(0, i)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> walk(Path root, java.util.function.Predicate<String> keep) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<String> out = new ArrayList<>();
            s.filter(Files::isRegularFile).map(p -> slashes(root.relativize(p))).filter(keep).forEach(out::add);
            out.sort(null);
            return out;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
