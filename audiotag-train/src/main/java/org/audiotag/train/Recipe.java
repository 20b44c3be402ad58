package org.audiotag.train;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.InputKind;
import org.audiotag.models.LossKind;
import org.audiotag.models.WindowAggregation;

/**
 * A named way of training, setting by setting: the training options ({@link #configFor(String)}) and the features
 * ({@link #featuresFor(String, boolean)}) of each architecture. Two recipes exist:
 *
 * <ul>
 * <li>{@link #SEED2019}: everything as the 2019 study did it (docs/ORIGINAL-PROJECT.md §1, §3, §5), with the bugs
 *     that change its results kept ({@link #keptBugs()}): pipeline A on the first 2 s, left-padded, raw dB, no
 *     normalisation (§1.3, §10.4, §10.5) for the mel models and the raw first 88,200 samples (pipeline B, §1.4) for
 *     SampleCNN and ReSE-2-Multi; batch 64; Adam lr 1e-3 (SampleCNN 1e-4); ReduceLROnPlateau on the validation lwlrap
 *     (factor 0.5, patience 10); early stop after 20 epochs without a better validation lwlrap; at most 1000 epochs
 *     for the mel models and 200 for the raw ones (§5.1); the best epoch restored, whose score is the maximum over
 *     epochs the study reported (§10.3); the first 2 s at test time, so a model tags a clip exactly as it tags the
 *     clip's first 2 s; the GRU over frequency ({@code gru-frequency}, §10.1) and ReSE-2-Multi's SE gate on the
 *     block input ({@code rese2multi-input-gate}, §10.9); the train-set lwlrap of each epoch recorded (§5.1). The
 *     MCNN rows use the MCNN trainer's own settings (§5.2): softmax cross-entropy with multi-hot targets (§3.3),
 *     ReduceLROnPlateau on the validation loss (mode min, factor 0.5, patience 10), no early stopping, at most 200
 *     epochs, the batch-averaged lwlrap of shuffled batches of 64 (§3.2) recorded beside the exact one; its augmented
 *     runs read pipeline C (trim at 60 dB, centre padding, hop 694, fmin 20; §1.5, §10.8).</li>
 * <li>{@link #MODERN}: today's defaults, what {@code audiotag compare} always trained with: whole-clip pipeline-A
 *     log-mels cut into random 128-frame crops, standardised by the training set's mean and standard deviation,
 *     batch 32, Adam lr 1e-3 for every model, a cosine schedule over 20 epochs, no early stopping, the best epoch
 *     restored, the mean over 2-s windows every second at test time, the fixed GRU and ReSE-2-Multi.</li>
 * </ul>
 * What both share and audiotag always fixes: the alphabetical class order (§10.2), a seed for every random choice
 * (§10.13), a deterministic tie rule in lwlrap (§10.14) and the real loss in the logs (§10.12).
 *
 * {@snippet :
 * Recipe seed = Recipe.byName("seed2019");                 // Recipe.SEED2019
 * TrainingConfig cfg = seed.configFor("samplecnn");          // lr 1e-4, batch 64, plateau, patience 20, ...
 * TrainingConfig capped = cfg.toBuilder().epochs(30).build();  // options override a recipe
 * Trainer trainer = Trainer.builder(capped)
 *         .featureConfig(seed.featuresFor("samplecnn", false))  // pipeline B: the first 88,200 samples
 *         .cacheRoot(Path.of("cache")).build();
 * }
 * Immutable.
 */
public final class Recipe {

    /** The recipe name {@link TrainingConfig#recipe()} holds when options were not made by a recipe. */
    public static final String CUSTOM = "custom";

    /** The 2019 study's training, its result-changing bugs kept (see the class comment). */
    public static final Recipe SEED2019 = new Recipe("seed2019", "the 2019 study's training, bugs kept "
            + "(docs/ORIGINAL-PROJECT.md §5)", List.of(
                    "§10.1 the GRU recurs over the 128 mel bands (architecture gru-frequency)",
                    "§10.3 the validation set drives the schedule and early stopping and picks the reported best "
                            + "epoch",
                    "§10.4 only the first 2 s of each clip, left-padded with zeros, at train and test time",
                    "§10.5 raw dB inputs, no normalisation",
                    "§10.6 MCNN rows: softmax cross-entropy with multi-hot targets, plateau on the validation loss, "
                            + "the batch-averaged lwlrap of shuffled batches reported beside the exact one, the "
                            + "ineffective gradient clipping left out",
                    "§10.8 MCNN runs with augmentation read pipeline C, the others pipeline A",
                    "§10.9 ReSE-2-Multi's SE gate reads the block input (architecture rese2multi-input-gate)",
                    "§10.10 88,200-sample inputs, not a power of 3 (floor pooling drops samples)"));

    /** Today's defaults, as {@code audiotag compare} trained before recipes existed (see the class comment). */
    public static final Recipe MODERN = new Recipe("modern", "today's defaults: whole-clip log-mels, random crops, "
            + "normalisation, cosine schedule, window averaging", List.of());

    private static final List<Recipe> ALL = List.of(SEED2019, MODERN);

    private final String name;
    private final String description;
    private final List<String> keptBugs;

    private Recipe(String name, String description, List<String> keptBugs) {
        this.name = name;
        this.description = description;
        this.keptBugs = keptBugs;
    }

    /** Returns every recipe: {@link #SEED2019}, {@link #MODERN}. */
    public static List<Recipe> all() {
        return ALL;
    }

    /**
     * Looks a recipe up by name (case-insensitive).
     *
     * @param name e.g. {@code "seed2019"} or {@code "modern"}
     * @return the recipe
     * @throws IllegalArgumentException naming the unknown recipe and the known ones
     */
    public static Recipe byName(String name) {
        for (Recipe r : ALL) {
            if (r.name.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown recipe '" + name + "'; known: "
                + ALL.stream().map(Recipe::name).collect(Collectors.joining(", ")));
    }

    /** Returns the name, as {@link #byName} and {@link TrainingConfig#recipe()} know it. */
    public String name() {
        return name;
    }

    /** Returns a one-line description. */
    public String description() {
        return description;
    }

    /**
     * Returns the bugs of the 2019 code this recipe keeps because they change its results, each starting with its
     * docs/ORIGINAL-PROJECT.md §10 entry; empty for {@link #MODERN}, which fixes them all.
     *
     * @return the list, unmodifiable
     */
    public List<String> keptBugs() {
        return keptBugs;
    }

    /**
     * Returns the architecture this recipe trains for a requested one: under {@link #SEED2019} {@code gru} is the
     * original's {@code gru-frequency} (§10.1) and {@code rese2multi} its {@code rese2multi-input-gate} (§10.9);
     * other names (and every name under {@link #MODERN}) are kept.
     *
     * @param architecture a name {@link Architecture#byName} knows
     * @return the name of the architecture trained
     * @throws IllegalArgumentException for an unknown architecture
     */
    public String architectureFor(String architecture) {
        Architecture a = Architecture.byName(architecture);
        if (this == SEED2019) {
            if (a == Architecture.GRU) {
                return Architecture.GRU_OVER_FREQUENCY.cliName();
            }
            if (a == Architecture.RESE2MULTI) {
                return Architecture.RESE2MULTI_INPUT_GATE.cliName();
            }
        }
        return a.cliName();
    }

    /**
     * Returns the training options of an architecture under this recipe (see the class comment for every value);
     * change a copy ({@link TrainingConfig#toBuilder()}) to override a setting, e.g. the epoch cap.
     *
     * @param architecture a name {@link Architecture#byName} knows ({@code gru} becomes {@code gru-frequency} etc.,
     *     {@link #architectureFor})
     * @return the options, {@link TrainingConfig#recipe()} set to this recipe's name
     * @throws IllegalArgumentException for an unknown architecture
     */
    public TrainingConfig configFor(String architecture) {
        String arch = architectureFor(architecture);
        Architecture a = Architecture.byName(arch);
        TrainingConfig.Builder b = TrainingConfig.builder().architecture(arch).recipe(name).cropFrames(128)
                .windowHopFrames(64).weightDecay(0).clipNorm(0).mixProbability(0).restoreBest(true);
        if (this == MODERN) {
            return b.epochs(20).batchSize(32).lr(1e-3).schedule(ScheduleKind.COSINE).earlyStoppingPatience(0)
                    .aggregation(WindowAggregation.MEAN).normalize(true).build();
        }
        boolean raw = a.inputKind() == InputKind.RAW_WAVEFORM;
        b.batchSize(64).lr(a == Architecture.SAMPLECNN ? 1e-4 : 1e-3).plateauFactor(0.5).plateauPatience(10)
                .aggregation(WindowAggregation.FIRST).normalize(false).trainLwlrap(true);
        if (isMcnn(a)) {
            return b.epochs(200).loss(LossKind.SOFTMAX_CROSS_ENTROPY).schedule(ScheduleKind.PLATEAU_ON_LOSS)
                    .earlyStoppingPatience(0).batchLwlrapSize(64).build();
        }
        return b.epochs(raw ? 200 : 1000).schedule(ScheduleKind.PLATEAU).earlyStoppingPatience(20).build();
    }

    /**
     * Returns the features of an architecture under this recipe, for
     * {@link Trainer.Builder#featureConfig(FeatureConfig)}. {@link #SEED2019}: pipeline B
     * ({@link FeatureConfig#rawWaveform()}) for raw-waveform models, pipeline C
     * ({@link FeatureConfig#pipelineC()}) for the MCNN runs with augmentation, pipeline A ({@link
     * FeatureConfig#pipelineA()}) otherwise, all fixed-length. {@link #MODERN}: pipeline A's log-mel of the whole clip
     * (raw-waveform models read the whole clip's samples at its rate).
     *
     * @param architecture a name {@link Architecture#byName} knows
     * @param augmented whether the run augments its training data (it selects pipeline C for the seed's MCNN)
     * @return the feature configuration
     * @throws IllegalArgumentException for an unknown architecture
     */
    public FeatureConfig featuresFor(String architecture, boolean augmented) {
        Architecture a = Architecture.byName(architectureFor(architecture));
        if (this == MODERN) {
            return LogMelFeatures.from(FeatureConfig.pipelineA()).config();
        }
        if (a.inputKind() == InputKind.RAW_WAVEFORM) {
            return FeatureConfig.rawWaveform();
        }
        return isMcnn(a) && augmented ? FeatureConfig.pipelineC() : FeatureConfig.pipelineA();
    }

    private static boolean isMcnn(Architecture a) {
        return a == Architecture.MCNN || a == Architecture.MCNN_NOMASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipe r && r.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    /** Returns the name. */
    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
