package org.audiotag.models;

/**
 * The model-specific keys of an exported model's provenance file ({@value ExportedModel#PROVENANCE_FILE},
 * {@link java.util.Properties} text), in one place. A file of the current format holds, in this order: {@link #FORMAT};
 * the keys every audiotag provenance file shares, {@code audiotag.version} (the audiotag version that wrote it) and
 * {@code created} (ISO-8601 UTC); the model: {@code architecture} ({@link Architecture#cliName()}), {@code inputKind}
 * ({@link InputKind} name), {@code inputShape} (per-example shape, comma-separated, time axis first, e.g.
 * {@code 128,128,1}), {@link #NUM_TAGS}, {@link #WIDTHS}, {@code parameters} (trainable parameters), {@code seed}
 * (seed of the weight initialisation and dropout), {@link #MODEL_CONFIG}; then for models exported with their tagging
 * settings the features and windows ({@link #FEATURES} … {@link #NORMALIZE_STD}); then the trainer's record under
 * {@link #TRAINING_PREFIX}. The tag names are in {@value ExportedModel#TAGS_FILE} beside it.
 *
 * <p>Models exported by release 0.1 carry no {@link #FORMAT} key; their model keys (with {@link #LEGACY_MODEL_CONFIG}
 * and {@link #LEGACY_VERSION}) are in this file and their tagging keys (with the explicit {@code features.*} keys of
 * {@code LogMelFeatures.toMap()}) in {@value ExportedModel#LEGACY_TRAINING_FILE}.
 */
public final class ProvenanceKeys {

    private ProvenanceKeys() {
    }

    /** Key {@value}: the format tag, value {@value ExportedModel#FORMAT}; absent in release 0.1's two-file layout. */
    public static final String FORMAT = "format";
    /** Key {@value}: the number of tags (model outputs). */
    public static final String NUM_TAGS = "numTags";
    /** Key {@value}: the resolved layer widths, comma-separated. */
    public static final String WIDTHS = "widths";
    /** Key {@value}: the whole {@link ModelConfig}, as its {@link ModelConfig#toString()}. */
    public static final String MODEL_CONFIG = "modelConfig";
    /** Key {@value}: the whole-clip {@code FeatureConfig} ({@link TaggingConfig#features()}) as its text form. */
    public static final String FEATURES = "features.config";
    /** Key {@value}: the window length, frames (log-mel) or samples (waveform). */
    public static final String WINDOW = "window";
    /** Key {@value}: the step between sliding windows, in the window's unit. */
    public static final String WINDOW_HOP = "windowHop";
    /** Key {@value}: the {@link WindowAggregation} name. */
    public static final String AGGREGATION = "aggregation";
    /** Key {@value}: the mean subtracted from every input value ({@link Float#toString(float)}). */
    public static final String NORMALIZE_MEAN = "normalize.mean";
    /** Key {@value}: the standard deviation every centred input value is divided by. */
    public static final String NORMALIZE_STD = "normalize.std";
    /** Prefix {@value} of the trainer's record (training configuration, augmentation, dataset, split, cache). */
    public static final String TRAINING_PREFIX = "training.";
    /** Key {@value}: release 0.1's key of {@link #MODEL_CONFIG} in the model file. */
    public static final String LEGACY_MODEL_CONFIG = "config";
    /** Key {@value}: release 0.1's key of the audiotag version ({@code audiotag.version} now) in the model file. */
    public static final String LEGACY_VERSION = "audiotagVersion";
}
