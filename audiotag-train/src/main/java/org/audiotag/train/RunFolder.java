package org.audiotag.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;
import org.audiotag.toolkit.Provenance;
import org.audiotag.train.internal.FileTrees;

/**
 * Manages the folder of one training run and the rules that keep it safe to resume and to clean up (the original
 * wrote no checkpoints at all, docs/ORIGINAL-PROJECT.md §5.1). Layout:
 * <ul>
 * <li>{@value #MARKER_FILE}: written when the run starts; says that the folder holds an audiotag run, which one
 *     (the fingerprint of configuration, data and split, and a readable description) and which files of
 *     {@code model/} the run wrote;</li>
 * <li>{@value #STATE_FILE}: the commit point of each finished epoch ({@link State});</li>
 * <li>{@code ckpt/epoch-NNNN.*}: TensorFlow checkpoints, named by the 0-based epoch index (history files and messages
 *     count epochs from 1, so {@code epoch-0003} is the checkpoint after epoch 4);</li>
 * <li>{@code history.csv}/{@code .json}, {@value #SPLIT_FILE}, {@value #PROVENANCE_FILE}, and {@code model/}, the
 *     exported model ({@link #publishModel}).</li>
 * </ul>
 * Rules: {@link #open} refuses a folder that holds anything else (a {@link RunFolderException} naming the folder and
 * the first foreign entry), {@link #claim} resumes only a run with the same fingerprint, and nothing here ever
 * deletes a file the run did not write: checkpoint pruning removes only {@code ckpt/} files named like its own
 * checkpoints, and replacing {@code model/} removes only the files the marker lists. Callers that keep files of
 * their own in the folder (the CLI's {@code demo} writes images beside its run) declare them as glob patterns of
 * top-level names when opening; those entries are neither refused nor touched.
 *
 * <p>Not thread-safe: one run uses a folder at a time. The {@link Trainer} opens the folder itself when given a path;
 * open it directly to keep files of your own beside the run, as the command line's {@code demo} does:
 * {@snippet :
 * RunFolder folder = RunFolder.open(Path.of("run"), "cache", "*.png");  // these entries are the caller's
 * TrainingResult r = trainer.train(esc, train, validation, folder);     // resumes a run of the same configuration
 * RunFolder.State state = folder.readState().orElseThrow();             // epochs done, best epoch, schedule
 * Path model = folder.modelDirectory();                                 // run/model, the exported model
 * Path lastCheckpoint = folder.checkpoint(state.lastEpoch());           // run/ckpt/epoch-NNNN
 * }
 */
public final class RunFolder {

    /** Marker file that identifies an audiotag run folder. */
    public static final String MARKER_FILE = "audiotag-run.properties";
    /** The per-epoch commit point. */
    public static final String STATE_FILE = "state.properties";
    /** The train/validation split of the run ({@code path,fold}; fold 0 = validation, 1 = training, 2 = unused). */
    public static final String SPLIT_FILE = "split.csv";
    /**
     * The run's provenance: model, features, windows, normalisation, data and split (the exported model's one
     * provenance file, {@code ExportedModel.PROVENANCE_FILE}, records the same run).
     */
    public static final String PROVENANCE_FILE = "provenance.properties";
    /** The folder of checkpoints. */
    public static final String CHECKPOINT_FOLDER = "ckpt";
    /** The exported model's folder. */
    public static final String MODEL_FOLDER = "model";

    private static final String FORMAT = "audiotag-run/1";
    private static final String MODEL_FILE_KEY = "model.file.";
    private static final List<String> OWN_FILES = List.of(MARKER_FILE, STATE_FILE, "history.csv", "history.json",
            SPLIT_FILE, PROVENANCE_FILE);
    /**
     * Temporary siblings left by an interrupted atomic write of one of {@link #OWN_FILES}: the toolkit's
     * {@code AtomicFiles} names them {@code .NAME.RANDOM.tmp} (earlier releases {@code .NAMEDIGITS.tmp}).
     */
    private static final Pattern OWN_TEMP = Pattern.compile("\\.(" + String.join("|", OWN_FILES.stream()
            .map(Pattern::quote).toList()) + ")(\\d+|\\.[0-9a-z]+)\\.tmp");
    /**
     * Temporary and replaced model folders left by an interrupted export: {@code model.tmp-N}, {@code model.old-N},
     * and the folder {@code AtomicFiles.writeDirectory} fills before it becomes {@code model.tmp-N}
     * ({@code .model.tmp-N.RANDOM.tmp}; earlier releases {@code model.tmp-N.tmp-PID-TIME}).
     */
    private static final Pattern MODEL_TEMP = Pattern.compile(
            "model\\.(tmp|old)-\\d+(\\.tmp-\\d+-\\d+)?|\\.model\\.tmp-\\d+\\.[0-9a-z]+\\.tmp");
    /**
     * A checkpoint file (index, data shard, or a temporary of {@code TagModel.saveCheckpoint}, also TensorFlow's own
     * {@code .tempstateN} file of it that a kill during the save leaves).
     */
    private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d{4,9})\\.(index|data-\\d{5}-of-\\d{5}"
            + "|tmp-\\d+-\\d+\\.(index|data-\\d{5}-of-\\d{5})(\\.tempstate\\d+)?)");

    private final Path dir;
    private final List<PathMatcher> callerEntries;
    private final List<String> callerPatterns;
    private String fingerprint;
    private Map<String, String> description = Map.of();

    private RunFolder(Path dir, List<String> callerPatterns) {
        this.dir = dir;
        this.callerPatterns = List.copyOf(callerPatterns);
        this.callerEntries = callerPatterns.stream()
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    }

    /**
     * Opens (and creates if needed) a run folder. An empty or new folder is accepted; a folder with a
     * {@value #MARKER_FILE} is accepted when everything in it belongs to the run; anything else is refused.
     *
     * @param dir the folder
     * @param callerEntries glob patterns of top-level names that belong to the caller, not to the run (e.g.
     *     {@code "*.png"}); such entries are allowed and never touched
     * @return the folder
     * @throws RunFolderException if {@code dir} is a file or holds an entry that is not part of an audiotag run (the
     *     message names the folder and the first such entry, in name order, depth first)
     * @throws IOException if the folder cannot be created or listed
     * @throws IllegalArgumentException if a pattern is blank or contains a {@code /}
     */
    public static RunFolder open(Path dir, String... callerEntries) throws IOException {
        for (String p : callerEntries) {
            if (p == null || p.isBlank() || p.contains("/")) {
                throw new IllegalArgumentException("callerEntries: '" + p
                        + "' must be a glob pattern of a top-level name (no '/')");
            }
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException(dir, null, dir + ": is not a folder; choose a new or empty folder for the "
                    + "run");
        }
        Files.createDirectories(dir);
        RunFolder f = new RunFolder(dir, Arrays.asList(callerEntries));
        f.checkOwnership();
        return f;
    }

    /** Returns the folder as it was given to {@link #open} (not resolved). */
    public Path directory() {
        return dir;
    }

    /** Returns the glob patterns of top-level names that belong to the caller, as given to {@link #open}. */
    public List<String> callerEntries() {
        return callerPatterns;
    }

    /** Returns whether the folder holds a run ({@value #MARKER_FILE} present). */
    public boolean holdsRun() {
        return Files.isRegularFile(dir.resolve(MARKER_FILE));
    }

    /**
     * Claims the folder for the run with this fingerprint: a new folder gets its {@value #MARKER_FILE}; a folder of
     * the same run returns its committed state so the run can resume.
     *
     * @param fingerprint identity of configuration, data and split (hex)
     * @param description readable facts written into the marker (architecture, training options, data)
     * @return the last committed state, or empty if the run has not finished an epoch yet
     * @throws RunFolderException if the folder holds a run with a different fingerprint
     * @throws IOException if the marker or state cannot be read or written
     */
    public Optional<State> claim(String fingerprint, Map<String, String> description) throws IOException {
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("fingerprint: '" + fingerprint + "' must be lower-case hex");
        }
        this.description = new LinkedHashMap<>(description);
        if (!holdsRun()) {
            this.fingerprint = fingerprint;
            writeMarker(List.of());
            return Optional.empty();
        }
        Provenance marker = Provenance.read(dir.resolve(MARKER_FILE));
        if (!fingerprint.equals(marker.get("fingerprint"))) {
            throw new RunFolderException(dir, null, dir + ": holds a different run (configuration, data or split "
                    + "differ); choose a new run folder");
        }
        this.fingerprint = fingerprint;
        Path f = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Provenance p = Provenance.read(f);
        State s = parseState(f, p);
        if (!fingerprint.equals(p.get("fingerprint"))) {
            throw new RunFolderException(dir, STATE_FILE, dir + ": " + STATE_FILE + " belongs to a different run "
                    + "than " + MARKER_FILE + "; choose a new run folder");
        }
        return Optional.of(s);
    }

    /**
     * Reads the state of the last finished epoch from {@value #STATE_FILE}.
     *
     * @return the last committed state, or empty if there is none
     * @throws IOException if {@value #STATE_FILE} exists but cannot be read or is malformed (the message names it)
     */
    public Optional<State> readState() throws IOException {
        Path f = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        return Optional.of(parseState(f, Provenance.read(f)));
    }

    /** Parses the state file's entries, read once by the caller. */
    private static State parseState(Path f, Provenance p) throws IOException {
        String sched = p.get("schedule");
        double[] schedule = new double[0];
        if (sched != null && !sched.isBlank()) {
            String[] parts = sched.split(",");
            schedule = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                schedule[i] = stateNumber(f, "schedule", parts[i]);
            }
        }
        int epochsDone = stateInt(f, p, "epochsDone");
        int bestEpoch = stateInt(f, p, "bestEpoch");
        double bestLwlrap = stateNumber(f, "bestLwlrap", required(f, p, "bestLwlrap"));
        try {
            return new State(epochsDone, bestEpoch, bestLwlrap, schedule);
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": malformed state: " + e.getMessage() + "; the run cannot be resumed", e);
        }
    }

    private static String required(Path f, Provenance p, String key) throws IOException {
        String v = p.get(key);
        if (v == null) {
            throw new IOException(f + ": malformed state: key '" + key + "' is missing; the run cannot be resumed");
        }
        return v;
    }

    private static int stateInt(Path f, Provenance p, String key) throws IOException {
        String v = required(f, p, key);
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IOException(f + ": malformed state: " + key + " " + Csv.quoted(v) + " is not an integer; the "
                    + "run cannot be resumed", e);
        }
    }

    private static double stateNumber(Path f, String key, String v) throws IOException {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IOException(f + ": malformed state: " + key + " " + Csv.quoted(v) + " is not a number; the "
                    + "run cannot be resumed", e);
        }
    }

    /**
     * Commits the state of a finished epoch (atomically). Its checkpoint and history must already be written.
     *
     * @param state the state
     * @throws IOException on write failure
     * @throws IllegalStateException before {@link #claim}
     */
    public void writeState(State state) throws IOException {
        requireClaimed();
        String s = "# audiotag training state; the commit point of each epoch\n"
                + "fingerprint=" + fingerprint + "\n"
                + "epochsDone=" + state.epochsDone() + "\n"
                + "lastCheckpoint=" + checkpointName(state.epochsDone() - 1) + "\n"
                + "bestEpoch=" + state.bestEpoch() + "\n"
                + "bestLwlrap=" + Double.toString(state.bestLwlrap()) + "\n"
                + "schedule=" + String.join(",", Arrays.stream(state.schedule()).mapToObj(Double::toString)
                        .toList()) + "\n";
        AtomicFiles.writeString(dir.resolve(STATE_FILE), s);
    }

    /**
     * Returns the checkpoint prefix of an epoch, {@code ckpt/epoch-NNNN} with the 0-based index in four or more
     * digits; TensorFlow adds {@code .index} and {@code .data-*}.
     *
     * @param epoch 0-based epoch index
     * @return the prefix inside this folder
     */
    public Path checkpoint(int epoch) {
        return dir.resolve(CHECKPOINT_FOLDER).resolve(checkpointName(epoch));
    }

    /**
     * Deletes the checkpoints of every epoch except {@code keep}. Only files named like the run's own checkpoints
     * ({@code epoch-NNNN.index}, {@code epoch-NNNN.data-*} and their temporaries) are deleted; anything else in
     * {@code ckpt/} is left alone.
     *
     * @param keep 0-based epochs whose checkpoints stay (negative values are ignored)
     * @throws IOException if listing or deleting fails
     */
    public void pruneCheckpoints(int... keep) throws IOException {
        Path ckpt = dir.resolve(CHECKPOINT_FOLDER);
        if (!Files.isDirectory(ckpt)) {
            return;
        }
        Set<Integer> kept = new LinkedHashSet<>();
        for (int k : keep) {
            kept.add(k);
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(ckpt)) {
            for (Path p : ds) {
                Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p) && !kept.contains(Integer.parseInt(m.group(1)))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Returns where the exported model goes: {@code model/} in the folder (it may not exist yet). */
    public Path modelDirectory() {
        return dir.resolve(MODEL_FOLDER);
    }

    /** Writes an exported model into a fresh folder; {@link #publishModel} calls it. */
    @FunctionalInterface
    public interface ModelWriter {
        /**
         * Writes every file of the model into {@code target}.
         *
         * @param target the (not yet existing) folder to write the model into
         * @throws IOException on write failure
         */
        void write(Path target) throws IOException;
    }

    /**
     * Exports a model into {@code model/}: {@code writer} builds it in a temporary folder beside it, which then
     * replaces the previous export. The files of the previous export are deleted only if the marker lists them;
     * if {@code model/} holds anything else, nothing is replaced and a {@link RunFolderException} names it.
     *
     * @param writer writes the model's files
     * @return the absolute path of {@code model/}
     * @throws RunFolderException if {@code model/} holds a file the run did not write
     * @throws IOException if writing or moving fails (the previous export is then kept where possible)
     * @throws IllegalStateException before {@link #claim}
     */
    public Path publishModel(ModelWriter writer) throws IOException {
        requireClaimed();
        Path target = modelDirectory().toAbsolutePath();
        Path tmp = dir.resolve("model.tmp-" + System.nanoTime()).toAbsolutePath();
        try {
            writer.write(tmp);
            List<String> fresh = FileTrees.listFiles(tmp);
            List<String> previous = modelFiles();
            checkModelFolder(previous);
            Set<String> both = new LinkedHashSet<>(previous);
            both.addAll(fresh);
            writeMarker(List.copyOf(both)); // either export is the run's own while they are swapped
            Path old = null;
            if (Files.exists(target)) {
                old = dir.resolve("model.old-" + System.nanoTime()).toAbsolutePath();
                Files.move(target, old);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            writeMarker(fresh);
            if (old != null) {
                FileTrees.deleteListed(old, previous);
            }
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteTree(tmp);
            throw e;
        }
        return target;
    }

    /** Returns the split file, {@value #SPLIT_FILE}: {@code path,fold} with fold 0 validation, 1 training. */
    public Path splitFile() {
        return dir.resolve(SPLIT_FILE);
    }

    /** Returns the run's provenance file, {@value #PROVENANCE_FILE}. */
    public Path provenanceFile() {
        return dir.resolve(PROVENANCE_FILE);
    }

    /**
     * Holds the committed state after a finished epoch: what a resumed run starts from.
     *
     * @param epochsDone epochs finished (≥ 1); the last checkpoint is {@code checkpoint(epochsDone - 1)}
     * @param bestEpoch 0-based epoch with the best validation lwlrap so far (−1 if no epoch had a comparable lwlrap)
     * @param bestLwlrap that lwlrap
     * @param schedule the learning-rate schedule's {@link LrSchedule#state()}
     */
    public record State(int epochsDone, int bestEpoch, double bestLwlrap, double[] schedule) {
        /**
         * Creates a state, checking the epochs and copying the schedule state.
         *
         * @param epochsDone epochs finished, ≥ 1
         * @param bestEpoch 0-based best epoch, in [−1, epochsDone)
         * @param bestLwlrap best validation lwlrap
         * @param schedule schedule state (copied)
         */
        public State {
            if (epochsDone < 1) {
                throw new IllegalArgumentException("epochsDone: " + epochsDone + " must be ≥ 1");
            }
            if (bestEpoch < -1 || bestEpoch >= epochsDone) {
                throw new IllegalArgumentException("bestEpoch: " + bestEpoch + " must be in [-1, " + epochsDone
                        + ")");
            }
            schedule = schedule.clone();
        }

        /** Returns a copy of the learning-rate schedule's state. */
        @Override
        public double[] schedule() {
            return schedule.clone();
        }

        /** Returns the 0-based epoch of the last checkpoint, {@code epochsDone - 1}. */
        public int lastEpoch() {
            return epochsDone - 1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.epochsDone == epochsDone && s.bestEpoch == bestEpoch
                    && Double.compare(s.bestLwlrap, bestLwlrap) == 0 && Arrays.equals(s.schedule, schedule);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * epochsDone + bestEpoch) + Double.hashCode(bestLwlrap)) + Arrays.hashCode(schedule);
        }

        @Override
        public String toString() {
            return "State[epochsDone=" + epochsDone + ", bestEpoch=" + bestEpoch + ", bestLwlrap=" + bestLwlrap
                    + ", schedule=" + Arrays.toString(schedule) + "]";
        }
    }

    @Override
    public String toString() {
        return "RunFolder[" + dir + "]";
    }

    // ------------------------------------------------------------------------------------------------ ownership

    private void requireClaimed() {
        if (fingerprint == null) {
            throw new IllegalStateException(dir + ": claim the run folder first");
        }
    }

    private static String checkpointName(int epoch) {
        return String.format(Locale.ROOT, "epoch-%04d", epoch);
    }

    private void writeMarker(List<String> modelFiles) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("fingerprint", fingerprint);
        m.putAll(description);
        for (int i = 0; i < modelFiles.size(); i++) {
            m.put(MODEL_FILE_KEY + i, modelFiles.get(i));
        }
        Provenance.of(m).write(dir.resolve(MARKER_FILE), "audiotag run folder: written by audiotag-train; identifies "
                + "the run and the files of model/ it wrote");
    }

    private List<String> modelFiles() throws IOException {
        Path f = dir.resolve(MARKER_FILE);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        Provenance p = Provenance.read(f);
        List<String> out = new ArrayList<>();
        for (int i = 0; p.get(MODEL_FILE_KEY + i) != null; i++) {
            out.add(p.get(MODEL_FILE_KEY + i));
        }
        return out;
    }

    private boolean callerEntry(String name) {
        Path n = Path.of(name);
        return callerEntries.stream().anyMatch(m -> m.matches(n));
    }

    /** Refuses the folder if an entry is not part of an audiotag run. */
    private void checkOwnership() throws IOException {
        boolean run = holdsRun();
        if (run) {
            Provenance marker = Provenance.read(dir.resolve(MARKER_FILE));
            if (!FORMAT.equals(marker.get("format"))) {
                throw new RunFolderException(dir, MARKER_FILE, dir + ": " + MARKER_FILE + " is not an audiotag run "
                        + "marker (format '" + marker.get("format") + "', expected '" + FORMAT + "')");
            }
        }
        for (Path p : FileTrees.sortedChildren(dir)) {
            String name = p.getFileName().toString();
            if (callerEntry(name)) {
                continue;
            }
            if (!run) {
                throw notARun(FileTrees.firstLeaf(p));
            }
            boolean file = Files.isRegularFile(p);
            if (OWN_FILES.contains(name) && file || OWN_TEMP.matcher(name).matches() && file
                    || MODEL_TEMP.matcher(name).matches()) {
                continue;
            }
            if (name.equals(CHECKPOINT_FOLDER) && Files.isDirectory(p)) {
                for (Path c : FileTrees.sortedChildren(p)) {
                    if (!CHECKPOINT.matcher(c.getFileName().toString()).matches() || !Files.isRegularFile(c)) {
                        throw foreign(FileTrees.firstLeaf(c));
                    }
                }
                continue;
            }
            if (name.equals(MODEL_FOLDER) && Files.isDirectory(p)) {
                checkModelFolder(modelFiles());
                continue;
            }
            throw foreign(FileTrees.firstLeaf(p));
        }
    }

    /** Refuses {@code model/} if it holds a file or folder that is not one of {@code own} (or a parent of one). */
    private void checkModelFolder(List<String> own) throws IOException {
        Path model = modelDirectory();
        if (!Files.isDirectory(model)) {
            return;
        }
        Set<String> files = new LinkedHashSet<>(own);
        Set<String> dirs = new LinkedHashSet<>();
        for (String f : own) {
            for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                dirs.add(f.substring(0, i));
            }
        }
        for (Path p : FileTrees.walkSorted(model)) {
            String rel = FileTrees.relative(model, p);
            boolean ok = Files.isDirectory(p) ? dirs.contains(rel) : Files.isRegularFile(p) && files.contains(rel);
            if (!ok) {
                throw foreign(FileTrees.firstLeaf(p));
            }
        }
    }

    private RunFolderException notARun(Path entry) {
        String rel = entryName(entry);
        return new RunFolderException(dir, rel, dir + ": is not an audiotag run folder: it holds '" + rel
                + "', which audiotag did not write; choose a new or empty folder for the run");
    }

    private RunFolderException foreign(Path entry) {
        String rel = entryName(entry);
        return new RunFolderException(dir, rel, dir + ": holds '" + rel + "', which is not part of the audiotag run; "
                + "move it out of the folder (audiotag never deletes files it did not write)");
    }

    private String entryName(Path entry) {
        return FileTrees.relative(dir, entry) + (Files.isDirectory(entry) ? "/" : "");
    }
}
