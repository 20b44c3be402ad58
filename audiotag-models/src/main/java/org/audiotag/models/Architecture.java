package org.audiotag.models;

import java.util.Arrays;
import java.util.Locale;

/**
 * The registry of architectures of the original project (docs/ORIGINAL-PROJECT.md §4) with their input kinds and the
 * meaning of {@link ModelConfig#widths()}. Each entry builds a {@link TagModel}; variants of the same network are
 * separate entries so that their names can be listed and chosen from the command line. Every network ends in
 * {@code numTags} logits; the model adds the sigmoid.
 *
 * <p>Layout: TensorFlow runs channels-last (NHWC), so the original PyTorch {@code (N, C, H, W)} image tensors are
 * {@code (N, H = time, W = mel, C)} here and {@code (N, C, L)} sequences are {@code (N, L, C)}. Flattening before a
 * dense layer therefore orders features (H, W, C) instead of PyTorch's (C, H, W); it is a fixed permutation of the
 * dense layer's input rows, so widths and parameter counts are unchanged (DCNN flattens 2 x 25 x 48 = 2400 values
 * either way). MCNN flattens time-major, {@code t * C + c}, exactly as the original.
 *
 * <p>Trainable parameter counts at the original shapes with 80 tags: dcnn 722,336; moddcnn 722,576; kaggle
 * 4,764,305; gru 254,288; mcnn and mcnn-nomask 4,247,120; samplecnn 1,854,480; rese2multi 389,648
 * (docs/ORIGINAL-PROJECT.md §4.1-4.7).
 *
 * {@snippet :
 * List<String> names = Arrays.stream(Architecture.values()).map(Architecture::cliName).toList();  // dcnn, ...
 * Architecture a = Architecture.byName("kaggle");
 * InputKind kind = a.inputKind();                                  // LOG_MEL_IMAGE, (128 frames, 128 mels, 1)
 * long parameters = a.parameterCount(ModelConfig.defaults());     // 4,764,305 with 80 tags
 * ModelConfig config = ModelConfig.builder().numTags(10).inputShape(256, 64, 1).seed(7).build();
 * try (TagModel model = a.build(config)) {                         // the caller closes the model
 *     float[] p = model.predict(new float[2 * model.exampleSize()], 2);   // (2 examples, 10 tags)
 * }
 * }
 */
public enum Architecture {
    /**
     * Salamon and Bello 2017 DCNN (docs/ORIGINAL-PROJECT.md §4.1): three 5x5 convolutions, max-pools (4 time, 2 mel),
     * ReLU, dropout 0.5, dense hidden layer. Widths {@code [conv1, conv2, conv3, hidden]} = {@code [24, 48, 48, 256]}.
     */
    DCNN("dcnn", InputKind.LOG_MEL_IMAGE, new int[] {24, 48, 48, 256}),
    /**
     * modDCNN (docs/ORIGINAL-PROJECT.md §4.2): DCNN with BatchNorm2d + LeakyReLU after each pool/conv 3. Widths as
     * DCNN.
     */
    MODDCNN("moddcnn", InputKind.LOG_MEL_IMAGE, new int[] {24, 48, 48, 256}),
    /** modDCNN with InstanceNorm2d (non-affine, PyTorch default) instead of BatchNorm (slides' "try InstanceNorm"). */
    MODDCNN_INSTANCENORM("moddcnn-instancenorm", InputKind.LOG_MEL_IMAGE, new int[] {24, 48, 48, 256}),
    /** modDCNN with twice the filter maps, {@code [48, 96, 96, 256]} (slides' "increase amount of filter maps"). */
    MODDCNN_WIDE("moddcnn-wide", InputKind.LOG_MEL_IMAGE, new int[] {48, 96, 96, 256}),
    /**
     * The Kaggle-kernel CNN (docs/ORIGINAL-PROJECT.md §4.3): ConvBlocks of 2x(3x3 conv, BN, ReLU) + 2x2 average pool,
     * Kaiming-normal convolutions, global average pool, head dropout 0.2, dense, PReLU, BatchNorm1d, dropout 0.1,
     * dense. Widths {@code [block1..blockK, head]} = {@code [64, 128, 256, 512, 128]}.
     */
    KAGGLE("kaggle", InputKind.LOG_MEL_IMAGE, new int[] {64, 128, 256, 512, 128}),
    /**
     * 3-layer bidirectional GRU (hidden 64, dropout 0.2) over time; the six final states feed a dense layer
     * (docs/ORIGINAL-PROJECT.md §4.4 with bug 1 of §10.1 fixed). Widths {@code [hidden, layers]} = {@code [64, 3]}.
     */
    GRU("gru", InputKind.MEL_SEQUENCE, new int[] {64, 3}),
    /**
     * The original GRU that recurs over the mel bands (each step a time profile, docs/ORIGINAL-PROJECT.md §10.1);
     * same widths as {@link #GRU}.
     */
    GRU_OVER_FREQUENCY("gru-frequency", InputKind.MEL_SEQUENCE, new int[] {64, 3}),
    /**
     * MCNN / MCLNN of Medhat et al. 2018 (docs/ORIGINAL-PROJECT.md §4.5) with band masks on the first two layers
     * (bandwidth 64, overlap 32, order 4). Widths {@code [clnn1, clnn2, clnn3, clnn4, hidden]} =
     * {@code [256, 256, 256, 256, 1024]}; time must be divisible into the pools 2, 2, 4 (at least 16 frames).
     */
    MCNN("mcnn", InputKind.MEL_SEQUENCE, new int[] {256, 256, 256, 256, 1024}),
    /** MCNN without masks (plain CLNN layers); same parameter count. */
    MCNN_NOMASK("mcnn-nomask", InputKind.MEL_SEQUENCE, new int[] {256, 256, 256, 256, 1024}),
    /**
     * SampleCNN of Lee et al. 2017 (docs/ORIGINAL-PROJECT.md §4.6): strided stem conv (k 3, stride 3) and blocks of
     * conv k3 + BN + ReLU + max-pool 3. Widths {@code [stem, block1..blockK]} =
     * {@code [64, 64, 128, 128, 128, 256, 256, 256, 512, 512]}.
     */
    SAMPLECNN("samplecnn", InputKind.RAW_WAVEFORM, new int[] {64, 64, 128, 128, 128, 256, 256, 256, 512, 512}),
    /**
     * ReSE-2-Multi of Kim et al. 2018 (docs/ORIGINAL-PROJECT.md §4.7) with the SE gate computed from the residual
     * branch (paper; bug 9 of §10.9 fixed) and a multi-level head (global max of the last three blocks). Widths
     * {@code [channels, seHidden, blocks]} = {@code [64, 128, 9]}.
     */
    RESE2MULTI("rese2multi", InputKind.RAW_WAVEFORM, new int[] {64, 128, 9}),
    /** ReSE-2-Multi with the original code's SE gate computed from the block input (docs/ORIGINAL-PROJECT.md §10.9). */
    RESE2MULTI_INPUT_GATE("rese2multi-input-gate", InputKind.RAW_WAVEFORM, new int[] {64, 128, 9});

    private final String cliName;
    private final InputKind inputKind;
    private final int[] defaultWidths;

    Architecture(String cliName, InputKind inputKind, int[] defaultWidths) {
        this.cliName = cliName;
        this.inputKind = inputKind;
        this.defaultWidths = defaultWidths;
    }

    /**
     * Returns the lower-case name used on the command line and in saved models.
     *
     * @return e.g. {@code moddcnn-wide}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * Returns the kind of features this architecture consumes.
     *
     * @return the input kind
     */
    public InputKind inputKind() {
        return inputKind;
    }

    /**
     * Returns the original project's widths, whose meaning each constant documents.
     *
     * @return a copy of the widths
     */
    public int[] defaultWidths() {
        return defaultWidths.clone();
    }

    /**
     * Looks an architecture up by its {@link #cliName()} (case-insensitive) or enum name.
     *
     * @param name e.g. {@code "moddcnn"}
     * @return the architecture
     * @throws IllegalArgumentException listing the known names
     */
    public static Architecture byName(String name) {
        for (Architecture a : values()) {
            if (a.cliName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; known: "
                + Arrays.stream(values()).map(Architecture::cliName).toList());
    }

    /**
     * Returns the per-example input shape (time axis first, no batch axis) this configuration resolves to.
     *
     * @param config options
     * @return {@code config.inputShape()} or the input kind's default
     * @throws IllegalArgumentException if the rank or layout does not match the input kind
     */
    public int[] resolveInputShape(ModelConfig config) {
        int[] shape = config.inputShape() == null ? inputKind.defaultShape() : config.inputShape();
        if (shape.length != inputKind.rank()) {
            throw new IllegalArgumentException(cliName + ": inputShape must have rank " + inputKind.rank() + " for "
                    + inputKind + " (e.g. " + Arrays.toString(inputKind.defaultShape()) + "), got "
                    + Arrays.toString(shape));
        }
        if (inputKind == InputKind.LOG_MEL_IMAGE && shape[2] != 1) {
            throw new IllegalArgumentException(cliName + ": inputShape of a LOG_MEL_IMAGE must be (time, mel, 1), got "
                    + Arrays.toString(shape));
        }
        return shape;
    }

    /**
     * Returns the widths this configuration resolves to, checked for their count.
     *
     * @param config options
     * @return {@code config.widths()} or the defaults
     * @throws IllegalArgumentException if the number of widths does not fit the architecture
     */
    public int[] resolveWidths(ModelConfig config) {
        int[] w = config.widths() == null ? defaultWidths() : config.widths();
        boolean ok = switch (this) {
            case DCNN, MODDCNN, MODDCNN_INSTANCENORM, MODDCNN_WIDE -> w.length == 4;
            case KAGGLE -> w.length >= 2;
            case GRU, GRU_OVER_FREQUENCY -> w.length == 2;
            case MCNN, MCNN_NOMASK -> w.length == 5;
            case SAMPLECNN -> w.length >= 2;
            case RESE2MULTI, RESE2MULTI_INPUT_GATE -> w.length == 3 && w[2] >= 3;
        };
        if (!ok) {
            throw new IllegalArgumentException(cliName + ": widths " + Arrays.toString(w)
                    + " do not fit; expected the layout of " + Arrays.toString(defaultWidths)
                    + (this == RESE2MULTI || this == RESE2MULTI_INPUT_GATE ? " with at least 3 blocks" : ""));
        }
        return w;
    }

    /**
     * Builds the model: validates the configuration, then creates its graph with the inference path and (unless
     * {@link ModelConfig#trainingGraph()} is false) the training path, loss and Adam step. The caller owns and must
     * close the returned model.
     *
     * @param config options
     * @return a new model
     * @throws IllegalArgumentException for a bad configuration (wrong rank, too small input, bad widths), before any
     *     graph runs
     */
    public TagModel build(ModelConfig config) {
        return new TagModel(this, config, resolveInputShape(config), resolveWidths(config));
    }

    /**
     * Counts the trainable parameters of this architecture for {@code config}, from an inference-only graph that is
     * built and closed again (nothing runs); PyTorch's {@code sum(p.numel() for p in model.parameters())}.
     *
     * @param config options
     * @return number of trainable scalars
     * @throws IllegalArgumentException for a bad configuration, as {@link #build(ModelConfig)}
     */
    public long parameterCount(ModelConfig config) {
        try (TagModel m = build(config.toBuilder().trainingGraph(false).build())) {
            return m.parameterCount();
        }
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
