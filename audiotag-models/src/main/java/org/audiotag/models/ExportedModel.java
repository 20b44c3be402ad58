package org.audiotag.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Provenance;
import org.audiotag.toolkit.Version;

/**
 * An exported model directory, read and written in one place: a TensorFlow SavedModel ({@code saved_model.pb},
 * {@code variables/}; signature {@code serving_default}, {@code features -> probabilities}), the tag names
 * ({@value #TAGS_FILE}, one per line, in output order) and ONE provenance file ({@value #PROVENANCE_FILE},
 * {@link java.util.Properties} text, keys in {@link ProvenanceKeys}) holding the model (architecture, input kind and
 * shape, widths, parameters, seed, configuration, audiotag version), its {@link TaggingConfig} (feature
 * configuration, windows, aggregation, normalisation) and the trainer's record.
 *
 * <p>{@link #read(Path)} also accepts the layout of release 0.1 (tagging settings in a second file, {@value
 * #LEGACY_TRAINING_FILE}) and bare SavedModel exports of {@link TagModel#exportSavedModel(Path)} (no tagging settings,
 * no tag names). Reading touches no TensorFlow code; {@link SavedModelRunner} and {@link Tagger} load the graph.
 * Instances are immutable.
 *
 * <p>Given an exported model directory {@code Path modelDir} (e.g. {@code RUN_DIR/model}, written by
 * {@link #write(TagModel, Path, TaggingConfig, List, Map)}):
 * {@snippet :
 * ExportedModel m = ExportedModel.read(modelDir);            // files only, no TensorFlow
 * String architecture = m.architecture();                     // e.g. "kaggle"
 * int[] shape = m.inputShape();                               // {128, 128, 1}: frames, mels, channels
 * List<String> tags = m.tags();                               // vocabulary.txt, in output order
 * FeatureConfig features = m.tagging().orElseThrow().features();   // what the model was trained on
 * String version = m.provenance().get("audiotag.version");   // the audiotag that exported it
 * try (SavedModelRunner runner = SavedModelRunner.load(modelDir)) {
 *     float[] p = runner.predict(new float[shape[0] * shape[1] * shape[2]], 1);   // one all-zero window
 * }
 * }
 */
public final class ExportedModel {

    /** Name of the provenance file. */
    public static final String PROVENANCE_FILE = "audiotag-model.properties";
    /** Name of the tag-name file (one tag per line, in the order of the model's outputs). */
    public static final String TAGS_FILE = "vocabulary.txt";
    /** Name of the second provenance file of release 0.1 exports (read, never written). */
    public static final String LEGACY_TRAINING_FILE = "audiotag-train.properties";
    /** Value of {@link ProvenanceKeys#FORMAT} in files written by this release. */
    public static final String FORMAT = "audiotag-model/2";

    static final String SAVED_MODEL_FILE = "saved_model.pb";
    /** Name of the exported-model folder inside a training run folder. */
    private static final String RUN_MODEL_DIR = "model";
    private static final List<String> TAGGING_KEYS = List.of(ProvenanceKeys.FEATURES, ProvenanceKeys.WINDOW,
            ProvenanceKeys.WINDOW_HOP, ProvenanceKeys.AGGREGATION, ProvenanceKeys.NORMALIZE_MEAN,
            ProvenanceKeys.NORMALIZE_STD);

    private final Path dir;
    private final Map<String, String> provenance;
    private final String architecture;
    private final InputKind inputKind;
    private final int[] inputShape;
    private final int numTags;
    private final TaggingConfig tagging;
    private final List<String> tags;
    private final boolean legacyLayout;

    private ExportedModel(Path dir, Map<String, String> provenance, String architecture, InputKind inputKind,
            int[] inputShape, int numTags, TaggingConfig tagging, List<String> tags, boolean legacyLayout) {
        this.dir = dir;
        this.provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
        this.architecture = architecture;
        this.inputKind = inputKind;
        this.inputShape = inputShape;
        this.numTags = numTags;
        this.tagging = tagging;
        this.tags = List.copyOf(tags);
        this.legacyLayout = legacyLayout;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /**
     * Reads an exported model directory's tag names and provenance (not the graph).
     *
     * @param dir the directory, e.g. {@code RUN_DIR/model}
     * @return the description
     * @throws ModelLoadException naming the directory and the problem: not a directory; a training run folder (with
     *     the hint to pass its {@code model} folder); a missing {@code saved_model.pb} or {@value #PROVENANCE_FILE};
     *     a missing, malformed or inconsistent key; unreadable or inconsistent tag names
     */
    public static ExportedModel read(Path dir) throws ModelLoadException {
        Path abs = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        if (!Files.isDirectory(abs)) {
            throw new ModelLoadException(abs, "not a directory", null);
        }
        boolean hasGraph = Files.isRegularFile(abs.resolve(SAVED_MODEL_FILE));
        boolean hasProvenance = Files.isRegularFile(abs.resolve(PROVENANCE_FILE));
        if (!hasGraph && !hasProvenance) {
            Path inner = abs.resolve(RUN_MODEL_DIR);
            if (Files.isRegularFile(inner.resolve(SAVED_MODEL_FILE))
                    || Files.isRegularFile(inner.resolve(PROVENANCE_FILE))) {
                throw new ModelLoadException(abs, "a training run folder, not an exported model; pass its "
                        + RUN_MODEL_DIR + " folder: " + inner, null);
            }
            throw new ModelLoadException(abs, "no " + SAVED_MODEL_FILE + " and no " + PROVENANCE_FILE
                    + ": not a model exported by audiotag (pass RUN_DIR/" + RUN_MODEL_DIR + ")", null);
        }
        if (!hasGraph) {
            throw new ModelLoadException(abs, "no " + SAVED_MODEL_FILE + ": not a SavedModel directory", null);
        }
        if (!hasProvenance) {
            throw new ModelLoadException(abs, "no " + PROVENANCE_FILE + ": a SavedModel not exported by audiotag",
                    null);
        }
        Map<String, String> model = load(abs, PROVENANCE_FILE);
        String format = model.get(ProvenanceKeys.FORMAT);
        if (format != null && !format.equals(FORMAT)) {
            throw new ModelLoadException(abs, PROVENANCE_FILE + ": unsupported " + ProvenanceKeys.FORMAT + " '"
                    + format + "', expected " + FORMAT, null);
        }
        boolean legacy = format == null;
        Map<String, String> all = new LinkedHashMap<>();
        Map<String, String> tagKeys = model;
        String tagFile = PROVENANCE_FILE;
        if (legacy && Files.isRegularFile(abs.resolve(LEGACY_TRAINING_FILE))) {
            tagKeys = load(abs, LEGACY_TRAINING_FILE);
            tagFile = LEGACY_TRAINING_FILE;
            all.putAll(tagKeys);
        }
        all.putAll(model);
        String architecture;
        InputKind kind;
        int[] shape;
        int numTags;
        try {
            architecture = required(model, Provenance.ARCHITECTURE);
            kind = InputKind.valueOf(required(model, Provenance.INPUT_KIND));
            shape = Arrays.stream(required(model, Provenance.INPUT_SHAPE).split(",")).map(String::trim)
                    .mapToInt(Integer::parseInt).toArray();
            numTags = Integer.parseInt(required(model, ProvenanceKeys.NUM_TAGS));
            if (numTags < 1 || Arrays.stream(shape).anyMatch(d -> d < 1)) {
                throw new IllegalArgumentException("numTags and inputShape must be ≥ 1");
            }
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(abs, "bad " + PROVENANCE_FILE + ": " + e.getMessage(), e);
        }
        // release 0.1: tagging settings iff its second file exists; now: iff any tagging key is present
        boolean hasTagging = legacy ? tagFile.equals(LEGACY_TRAINING_FILE)
                : TAGGING_KEYS.stream().anyMatch(tagKeys::containsKey);
        TaggingConfig tagging = null;
        if (hasTagging) {
            try {
                tagging = tagging(tagKeys, kind, legacy);
                tagging.checkFits(kind, shape);
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException(abs, "bad " + tagFile + ": " + e.getMessage(), e);
            }
        }
        List<String> tags = List.of();
        if (Files.isRegularFile(abs.resolve(TAGS_FILE))) {
            tags = readTags(abs);
            if (tags.size() != numTags) {
                throw new ModelLoadException(abs, "inconsistent model files: " + TAGS_FILE + " has " + tags.size()
                        + " tags, the model " + numTags, null);
            }
        }
        return new ExportedModel(abs, all, architecture, kind, shape, numTags, tagging, tags, legacy);
    }

    private static TaggingConfig tagging(Map<String, String> p, InputKind kind, boolean legacy) {
        FeatureConfig features;
        if (legacy) {
            LogMelFeatures mel = LogMelFeatures.fromMap(p);
            features = kind == InputKind.RAW_WAVEFORM ? new WaveformFeatures(mel.sr()).config() : mel.config();
        } else {
            features = FeatureConfig.parse(required(p, ProvenanceKeys.FEATURES));
        }
        try {
            return TaggingConfig.builder().features(features)
                    .window(Integer.parseInt(required(p, ProvenanceKeys.WINDOW)))
                    .windowHop(Integer.parseInt(required(p, ProvenanceKeys.WINDOW_HOP)))
                    .aggregation(WindowAggregation.valueOf(required(p, ProvenanceKeys.AGGREGATION)))
                    .normalization(Float.parseFloat(required(p, ProvenanceKeys.NORMALIZE_MEAN)),
                            Float.parseFloat(required(p, ProvenanceKeys.NORMALIZE_STD)))
                    .build();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed number: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return v.trim();
    }

    private static Map<String, String> load(Path dir, String name) throws ModelLoadException {
        try {
            return Provenance.read(dir.resolve(name)).asMap();
        } catch (IOException e) {
            throw new ModelLoadException(dir, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<String> readTags(Path dir) throws ModelLoadException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve(TAGS_FILE), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new ModelLoadException(dir, "cannot read " + TAGS_FILE + ": " + e.getMessage(), e);
        }
        try {
            checkTags(out);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(dir, TAGS_FILE + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void checkTags(List<String> tags) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i);
            if (t == null || t.isBlank() || !t.equals(t.strip())) {
                throw new IllegalArgumentException("tag " + i + " is blank or has leading/trailing white space");
            }
            if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("tag " + i + " contains a line break");
            }
            if (!seen.add(t)) {
                throw new IllegalArgumentException("tag '" + t + "' appears twice; tags must be unique");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /**
     * Exports a model for tagging: the SavedModel, {@value #TAGS_FILE} and one {@value #PROVENANCE_FILE} with the
     * model, {@code tagging} and the trainer's record (each key prefixed with {@link ProvenanceKeys#TRAINING_PREFIX}).
     * The directory is built under a temporary name beside {@code dir} and moved into place; an existing {@code dir}
     * is replaced. {@link Tagger#load(Path)} loads it in any JVM, from the directory alone.
     *
     * @param model the model (its session's current weights are exported)
     * @param dir target directory, e.g. {@code RUN_DIR/model}
     * @param tagging how clips become model inputs and scores; must fit the model's input ({@link
     *     TaggingConfig#checkFits})
     * @param tags tag names in output order, one per model output, non-blank, unique, without line breaks
     * @param training the trainer's record, e.g. {@code config}, {@code augment}, {@code dataset} (may be empty;
     *     keys non-blank, values non-null)
     * @return the absolute directory
     * @throws IllegalArgumentException if the tagging settings do not fit the model or the tags are bad
     * @throws IOException if writing fails
     */
    public static Path write(TagModel model, Path dir, TaggingConfig tagging, List<String> tags,
            Map<String, String> training) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tagging, "tagging");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(training, "training");
        tagging.checkFits(model.inputKind(), model.inputShape());
        if (tags.size() != model.numTags()) {
            throw new IllegalArgumentException("tags: " + tags.size() + " names for a model with " + model.numTags()
                    + " outputs");
        }
        checkTags(tags);
        Map<String, String> p = modelEntries(model);
        p.put(ProvenanceKeys.FEATURES, tagging.features().toText());
        p.put(ProvenanceKeys.WINDOW, Integer.toString(tagging.window()));
        p.put(ProvenanceKeys.WINDOW_HOP, Integer.toString(tagging.windowHop()));
        p.put(ProvenanceKeys.AGGREGATION, tagging.aggregation().name());
        p.put(ProvenanceKeys.NORMALIZE_MEAN, Float.toString(tagging.normalizeMean()));
        p.put(ProvenanceKeys.NORMALIZE_STD, Float.toString(tagging.normalizeStd()));
        for (Map.Entry<String, String> e : training.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("training: keys must be non-blank and values non-null, got "
                        + e.getKey() + "=" + e.getValue());
            }
            p.put(ProvenanceKeys.TRAINING_PREFIX + e.getKey(), e.getValue());
        }
        return writeDirectory(model, dir, p, tags);
    }

    /** The bare export of {@link TagModel#exportSavedModel(Path)}: SavedModel and the model keys only. */
    static Path writeBare(TagModel model, Path dir) throws IOException {
        return writeDirectory(model, dir, modelEntries(model), null);
    }

    private static Map<String, String> modelEntries(TagModel model) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ProvenanceKeys.FORMAT, FORMAT);
        p.put(Provenance.VERSION, Version.get());
        p.put(Provenance.CREATED, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        p.put(Provenance.ARCHITECTURE, model.architecture().cliName());
        p.put(Provenance.INPUT_KIND, model.inputKind().name());
        p.put(Provenance.INPUT_SHAPE, join(model.inputShape()));
        p.put(ProvenanceKeys.NUM_TAGS, Integer.toString(model.numTags()));
        p.put(ProvenanceKeys.WIDTHS, join(model.widths()));
        p.put(Provenance.PARAMETERS, Long.toString(model.parameterCount()));
        p.put(Provenance.SEED, Long.toString(model.config().seed()));
        p.put(ProvenanceKeys.MODEL_CONFIG, model.config().toString());
        return p;
    }

    private static Path writeDirectory(TagModel model, Path dir, Map<String, String> provenance, List<String> tags)
            throws IOException {
        Path abs = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        Files.createDirectories(abs.getParent());
        AtomicFiles.writeDirectory(abs, tmp -> {
            try {
                model.writeSavedModel(tmp);
            } catch (RuntimeException e) {
                throw new IOException(abs + ": cannot export the model: "
                        + TagModel.tensorFlowReason(e, abs.getParent()), e);
            }
            Provenance.of(provenance).write(tmp.resolve(PROVENANCE_FILE),
                    "audiotag exported model: model, tagging settings and training provenance");
            if (tags != null) {
                AtomicFiles.writeLines(tmp.resolve(TAGS_FILE), tags);
            }
        });
        return abs;
    }

    static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.toString();
    }

    // --------------------------------------------------------------------------------------------------- accessors

    /**
     * Returns the directory this model was read from.
     *
     * @return the absolute directory
     */
    public Path directory() {
        return dir;
    }

    /**
     * Returns the architecture name recorded at export, an {@link Architecture#cliName()}.
     *
     * @return e.g. {@code kaggle}
     */
    public String architecture() {
        return architecture;
    }

    /**
     * Returns the kind of features the model takes.
     *
     * @return the input kind
     */
    public InputKind inputKind() {
        return inputKind;
    }

    /**
     * Returns the per-example input shape, time axis first, without the batch axis.
     *
     * @return a copy of the shape, e.g. {@code {128, 128, 1}}
     */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /**
     * Returns the number of tags, the model's outputs.
     *
     * @return the number of tags
     */
    public int numTags() {
        return numTags;
    }

    /**
     * Returns how clips become model inputs and scores, as stored at export.
     *
     * @return the tagging settings, or empty for a bare SavedModel export ({@link TagModel#exportSavedModel})
     */
    public Optional<TaggingConfig> tagging() {
        return Optional.ofNullable(tagging);
    }

    /**
     * Returns the tag names in output order.
     *
     * @return the names (unmodifiable), or an empty list when {@value #TAGS_FILE} is absent
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * Returns every provenance key and value, keys in {@link ProvenanceKeys} and the shared {@code audiotag.version},
     * {@code created}, {@code architecture}, ... keys.
     *
     * @return the entries sorted by key, unmodifiable; for the release 0.1 layout the union of both files, the model
     *     file's values winning
     */
    public Map<String, String> provenance() {
        return provenance;
    }

    /**
     * Returns whether the directory has release 0.1's two-file layout (or is a bare export of that release).
     *
     * @return true for a release 0.1 export
     */
    public boolean legacyLayout() {
        return legacyLayout;
    }

    @Override
    public String toString() {
        return "ExportedModel[" + dir + ", " + architecture + " " + inputKind + " " + Arrays.toString(inputShape)
                + ", " + numTags + " tags" + (legacyLayout ? ", release 0.1 layout" : "") + "]";
    }
}
