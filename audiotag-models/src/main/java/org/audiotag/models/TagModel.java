package org.audiotag.models;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.models.internal.Networks;
import org.audiotag.models.layers.FeedableAdam;
import org.audiotag.models.layers.Layers;
import org.audiotag.models.layers.Losses;
import org.audiotag.toolkit.AtomicFiles;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One architecture built into its own TensorFlow {@link Graph}: an inference path (sigmoid tag probabilities, batch
 * norm on moving statistics, no dropout) and, unless built with {@code trainingGraph(false)}, a training path sharing
 * the same variables (logits, loss, Adam step that also runs the batch-norm moving-average updates, a fed learning
 * rate). The model owns its graph and its session (created on first use); {@link #close()} releases both, so use it
 * in try-with-resources. Not thread-safe.
 *
 * <p>Graph names (for feeding by name): placeholders {@code features} {@code (N, inputShape...)}, {@code targets}
 * {@code (N, numTags)}, {@code training} (bool, default false), {@code learning_rate} (scalar, default the configured
 * rate); outputs {@code probabilities}, {@code eval_logits}, {@code eval_loss}, {@code logits}, {@code loss}; target
 * {@code train_step}. Architectures with dropout also have the int64 {@code [2]} placeholder {@code dropout_seed}
 * (default {@code (seed, dropout_step)}) and the checkpointed int64 counter variable {@code dropout_step}, which
 * {@code train_step} advances by one after the update (see {@link Layers#dropout}).
 *
 * <p><b>Reproducibility:</b> dropout masks are drawn by a stateless random op keyed by (seed, step counter), so a
 * model restored from a checkpoint into a fresh session continues bit for bit like the model that was saved.
 *
 * <p>Arrays are flat, row-major, one example after another in {@link InputKind}'s layout, which is <b>time-major</b>
 * (frame t, bin b at {@code t * bins + b}; NHWC {@code (N, frames, mels, 1)} for images); probabilities and logits
 * are {@code (N, numTags)} row-major. The overloads taking {@link TimeMajorFeatures} carry that layout in their type
 * and check every example's shape, so a librosa-layout (mel, frame) matrix cannot be fed by mistake (convert it with
 * {@link TimeMajorFeatures#fromBinMajor(org.audiotag.features.FeatureMatrix)}).
 *
 * <p>Training, checkpointing and exporting, given a batch ({@code float[] x} of {@code batch * 128 * 128} log-mel
 * values, {@code float[] y} of {@code batch * tags.size()} targets in [0, 1]), a {@code Path runDir} and
 * {@code List<String> tags}:
 * {@snippet :
 * ModelConfig config = ModelConfig.builder().numTags(tags.size()).inputShape(128, 128, 1).seed(1).build();
 * try (TagModel model = Architecture.KAGGLE.build(config)) {
 *     float loss = model.trainStep(x, y, batch, 1e-3f);      // one Adam step; BCE before the update
 *     float[] p = model.predict(x, batch);                    // (batch, tags) probabilities, no dropout
 *     model.saveCheckpoint(runDir.resolve("ckpt/epoch-001")); // weights, batch-norm statistics, Adam state
 *     model.restoreCheckpoint(runDir.resolve("ckpt/epoch-001"));
 *     TaggingConfig tagging = TaggingConfig.builder()
 *             .features(LogMelFeatures.from(FeatureConfig.pipelineA()).config()).build();
 *     ExportedModel.write(model, runDir.resolve("model"), tagging, tags, Map.of("dataset", "esc10"));
 * }
 * }
 */
public final class TagModel implements AutoCloseable {

    /** Name of the provenance file written into exported model directories, {@link ExportedModel#PROVENANCE_FILE}. */
    public static final String PROVENANCE_FILE = ExportedModel.PROVENANCE_FILE;

    private static final Logger LOG = LoggerFactory.getLogger(TagModel.class);

    private final Architecture architecture;
    private final ModelConfig config;
    private final int[] inputShape;
    private final int[] widths;
    private final int exampleSize;
    private final Graph graph;
    private final Layers layers;
    private final Placeholder<TFloat32> features;
    private final Operand<TFloat32> evalLogits;
    private final Operand<TFloat32> probabilities;
    private Placeholder<TFloat32> targets;
    private Operand<TFloat32> logits;
    private Operand<TFloat32> loss;
    private Operand<TFloat32> evalLoss;
    private Operand<TFloat32> learningRate;
    private Op trainStep;
    private Session session;
    private boolean closed;

    TagModel(Architecture architecture, ModelConfig config, int[] inputShape, int[] widths) {
        this.architecture = architecture;
        this.config = config;
        this.inputShape = inputShape.clone();
        this.widths = widths.clone();
        long size = 1;
        for (int d : inputShape) {
            size *= d;
        }
        if (size > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("inputShape " + Arrays.toString(inputShape) + " is too large");
        }
        this.exampleSize = (int) size;
        this.graph = new Graph();
        try {
            this.layers = new Layers(graph, config.seed());
            Ops tf = layers.tf();
            long[] shape = new long[inputShape.length + 1];
            shape[0] = -1;
            for (int i = 0; i < inputShape.length; i++) {
                shape[i + 1] = inputShape[i];
            }
            this.features = tf.withName("features").placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            this.evalLogits = tf.withName("eval_logits").identity(
                    Networks.logits(architecture, layers, features, config, widths, false));
            this.probabilities = tf.withName("probabilities").math.sigmoid(evalLogits);
            if (config.trainingGraph()) {
                buildTraining(tf);
            }
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private void buildTraining(Ops tf) {
        targets = tf.withName("targets").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, config.numTags())));
        logits = tf.withName("logits").identity(Networks.logits(architecture, layers, features, config, widths, true));
        loss = tf.withName("loss").identity(lossOf(tf, logits));
        evalLoss = tf.withName("eval_loss").identity(lossOf(tf, evalLogits));
        FeedableAdam adam = new FeedableAdam(layers, loss, layers.trainableVariables(), config.learningRate(),
                config.beta1(), config.beta2(), config.epsilon(), config.weightDecay(), config.clipNorm());
        learningRate = adam.learningRate();
        List<Op> deps = new ArrayList<>(layers.updates());
        deps.add(adam.step());
        Op advance = layers.advanceStepCounter(List.of(adam.step()));
        if (advance != null) {
            deps.add(advance);
        }
        trainStep = tf.withControlDependencies(deps).withName("train_step").noOp();
    }

    private Operand<TFloat32> lossOf(Ops tf, Operand<TFloat32> z) {
        return config.loss() == LossKind.SOFTMAX_CROSS_ENTROPY
                ? Losses.softmaxCrossEntropyMultiHot(tf, z, targets)
                : Losses.sigmoidBinaryCrossEntropy(tf, z, targets, config.labelSmoothing(), config.classWeights());
    }

    /**
     * Returns the architecture this model was built from.
     *
     * @return the architecture
     */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * Returns the configuration this model was built with.
     *
     * @return the configuration
     */
    public ModelConfig config() {
        return config;
    }

    /**
     * Returns the kind of features the model takes.
     *
     * @return {@code architecture().inputKind()}
     */
    public InputKind inputKind() {
        return architecture.inputKind();
    }

    /**
     * Returns the resolved per-example input shape, time axis first, without the batch axis.
     *
     * @return a copy of the shape
     */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /**
     * Returns the resolved layer widths.
     *
     * @return a copy of the widths
     */
    public int[] widths() {
        return widths.clone();
    }

    /**
     * Returns the number of floats per example, the product of {@link #inputShape()}.
     *
     * @return the example size
     */
    public int exampleSize() {
        return exampleSize;
    }

    /**
     * Returns the number of tags, the model's outputs.
     *
     * @return {@code config().numTags()}
     */
    public int numTags() {
        return config.numTags();
    }

    /**
     * Returns the number of trainable scalars: weights, biases, batch-norm scales and shifts, PReLU slopes (not the
     * moving statistics or Adam's moments).
     *
     * @return the parameter count
     */
    public long parameterCount() {
        return layers.parameterCount();
    }

    /**
     * Returns the graph, owned by this model and closed with it.
     *
     * @return the graph
     */
    public Graph graph() {
        return graph;
    }

    /**
     * Returns the layer toolkit that built the graph and holds its variables.
     *
     * @return the toolkit
     */
    public Layers layers() {
        return layers;
    }

    /**
     * Returns the {@code features} placeholder, {@code (N, inputShape...)}.
     *
     * @return the placeholder
     */
    public Operand<TFloat32> features() {
        return features;
    }

    /**
     * Returns the inference path's tag probabilities {@code probabilities = sigmoid(eval_logits)}.
     *
     * @return the {@code (N, numTags)} output
     */
    public Operand<TFloat32> probabilities() {
        return probabilities;
    }

    /**
     * Returns the inference path's logits {@code eval_logits}.
     *
     * @return the {@code (N, numTags)} output
     */
    public Operand<TFloat32> evalLogits() {
        return evalLogits;
    }

    /**
     * Returns the {@code targets} placeholder, {@code (N, numTags)} values in [0, 1] (training graph only).
     *
     * @return the placeholder
     */
    public Operand<TFloat32> targets() {
        return requireTraining(targets);
    }

    /**
     * Returns the training path's logits {@code logits}: batch statistics, dropout when the training flag is fed true
     * (training graph only).
     *
     * @return the {@code (N, numTags)} output
     */
    public Operand<TFloat32> logits() {
        return requireTraining(logits);
    }

    /**
     * Returns the training path's scalar loss {@code loss} (training graph only).
     *
     * @return the loss
     */
    public Operand<TFloat32> loss() {
        return requireTraining(loss);
    }

    /**
     * Returns the inference path's scalar loss {@code eval_loss}, for validation (training graph only).
     *
     * @return the loss
     */
    public Operand<TFloat32> evalLoss() {
        return requireTraining(evalLoss);
    }

    /**
     * Returns the scalar {@code learning_rate} placeholder, defaulting to the configured rate (training graph only).
     *
     * @return the placeholder
     */
    public Operand<TFloat32> learningRate() {
        return requireTraining(learningRate);
    }

    /**
     * Returns the {@code train_step} target: the Adam update, the batch-norm moving-statistics updates and the dropout
     * step counter's increment (training graph only).
     *
     * @return the op to run as a target
     */
    public Op trainStep() {
        return requireTraining(trainStep);
    }

    /**
     * Returns the boolean {@code training} placeholder (default false) that switches dropout on.
     *
     * @return the placeholder
     */
    public Operand<TBool> trainingFlag() {
        return layers.trainingFlag();
    }

    private <T> T requireTraining(T t) {
        if (t == null) {
            throw new IllegalStateException(architecture.cliName() + " was built with trainingGraph(false)");
        }
        return t;
    }

    /**
     * Returns the model's session, created and initialised on first call (variables get their seeded initial
     * values). With {@link ModelConfig#forceCpu()} GPUs are hidden from it. Owned by this model and closed with it.
     *
     * @return the session
     * @throws IllegalStateException if the model is closed
     */
    public synchronized Session session() {
        ensureOpen();
        if (session == null) {
            ConfigProto.Builder cp = ConfigProto.newBuilder();
            if (config.forceCpu()) {
                cp.putDeviceCount("GPU", 0);
            }
            session = new Session(graph, cp.build());
            session.initialize();
        }
        return session;
    }

    /**
     * Runs one training step (dropout on, batch statistics, Adam update, moving-statistics update). The dropout
     * masks are keyed by (seed, the checkpointed step counter), which the step then advances; so the same sequence
     * of calls gives the same masks whether or not the model was saved and restored in between.
     *
     * @param x            features, {@code batch * exampleSize()} finite floats, each example time-major in
     *                     {@link InputKind}'s layout
     * @param y            targets, {@code batch * numTags()} values in [0, 1]
     * @param batch        number of examples, {@code >= 1} (2 or more when the model has batch norm)
     * @param learningRate learning rate for this step, {@code > 0}
     * @return the training-path loss before the update
     * @throws IllegalArgumentException for a wrong length, a non-finite feature, a target outside [0, 1], a batch
     *     of one for a model with batch norm, or a bad learning rate
     * @throws IllegalStateException if the model was built with {@code trainingGraph(false)} or is closed
     */
    public float trainStep(float[] x, float[] y, int batch, float learningRate) {
        return trainStep(x, y, batch, learningRate, null);
    }

    /**
     * Runs one training step as {@link #trainStep(float[], float[], int, float)} and also returns the training path's
     * logits of the batch, computed in the same run before the update: what the original pipeline-A/B trainer kept
     * to report a "train lwlrap" (docs/ORIGINAL-PROJECT.md §5.1).
     *
     * @param x            features, {@code batch * exampleSize()} finite floats, time-major
     * @param y            targets, {@code batch * numTags()} values in [0, 1]
     * @param batch        number of examples (2 or more when the model has batch norm)
     * @param learningRate learning rate for this step, {@code > 0}
     * @param logitsOut    receives the {@code (batch, numTags)} row-major logits, at least {@code batch * numTags()}
     *                     long; {@code null} fetches none
     * @return the training-path loss before the update
     * @throws IllegalArgumentException as {@link #trainStep(float[], float[], int, float)}, or if {@code logitsOut}
     *     is too short
     * @throws IllegalStateException if the model was built with {@code trainingGraph(false)} or is closed
     */
    public float trainStep(float[] x, float[] y, int batch, float learningRate, float[] logitsOut) {
        requireTraining(trainStep);
        if (logitsOut != null && logitsOut.length < batch * numTags()) {
            throw new IllegalArgumentException("logitsOut: " + logitsOut.length + " values, the batch needs "
                    + batch * numTags());
        }
        checkFeatures(x, batch);
        if (batch < 2 && !layers.updates().isEmpty()) {
            throw new IllegalArgumentException("batch must be >= 2 to train " + architecture.cliName()
                    + ": its batch-norm layers need more than one value per channel (PyTorch raises the same)");
        }
        checkTargets(y, batch);
        if (!(learningRate > 0f) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        try (TFloat32 xt = TFloat32.tensorOf(batchShape(batch), DataBuffers.of(x, true, false));
             TFloat32 yt = TFloat32.tensorOf(Shape.of(batch, numTags()), DataBuffers.of(y, true, false));
             TFloat32 lr = TFloat32.scalarOf(learningRate);
             TBool on = TBool.scalarOf(true);
             Result r = fetchLogits(session().runner().feed(features, xt).feed(targets, yt)
                     .feed(this.learningRate, lr).feed(layers.trainingFlag(), on).addTarget(trainStep).fetch(loss),
                     logitsOut != null).run()) {
            if (logitsOut != null) {
                float[] z = new float[batch * numTags()];
                ((TFloat32) r.get(1)).copyTo(DataBuffers.of(z, false, false));
                System.arraycopy(z, 0, logitsOut, 0, z.length);
            }
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Adds the training logits to a runner's fetches when asked (a runner must not fetch one output twice). */
    private Session.Runner fetchLogits(Session.Runner runner, boolean wanted) {
        return wanted ? runner.fetch(logits) : runner;
    }

    /**
     * Runs one training step on typed inputs, as {@link #trainStep(float[], float[], int, float)}: every example must
     * be exactly the model's time-major input (frames = {@code inputShape()[0]}, bins = {@code inputShape()[1]}, or
     * 1 for a waveform).
     *
     * @param examples     one input window per example
     * @param y            targets, {@code examples.size() * numTags()} values in [0, 1]
     * @param learningRate learning rate for this step, {@code > 0}
     * @return the training-path loss before the update
     * @throws IllegalArgumentException naming the first example whose shape is not the expected time-major one
     */
    public float trainStep(List<TimeMajorFeatures> examples, float[] y, float learningRate) {
        return trainStep(ModelInputs.flatten(examples, inputKind(), inputShape, architecture.cliName()), y,
                examples.size(), learningRate);
    }

    /**
     * Computes the inference-path loss of a batch (no update, no dropout, moving statistics), e.g. for validation.
     *
     * @param x     features, {@code batch * exampleSize()} finite floats, time-major
     * @param y     targets, {@code batch * numTags()} values in [0, 1]
     * @param batch number of examples, {@code >= 1}
     * @return the scalar loss
     * @throws IllegalArgumentException for a wrong length, a non-finite feature or a target outside [0, 1]
     * @throws IllegalStateException if the model was built with {@code trainingGraph(false)} or is closed
     */
    public float evaluateLoss(float[] x, float[] y, int batch) {
        requireTraining(evalLoss);
        checkFeatures(x, batch);
        checkTargets(y, batch);
        try (TFloat32 xt = TFloat32.tensorOf(batchShape(batch), DataBuffers.of(x, true, false));
             TFloat32 yt = TFloat32.tensorOf(Shape.of(batch, numTags()), DataBuffers.of(y, true, false));
             Result r = session().runner().feed(features, xt).feed(targets, yt).fetch(evalLoss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /**
     * Computes the tag probabilities of a batch on the inference path (no dropout, moving statistics).
     *
     * @param x     features, {@code batch * exampleSize()} finite floats, each example time-major in
     *              {@link InputKind}'s layout
     * @param batch number of examples, {@code >= 1}
     * @return {@code (batch, numTags)} row-major probabilities in (0, 1)
     * @throws IllegalArgumentException for a wrong length or a non-finite value
     */
    public float[] predict(float[] x, int batch) {
        return fetchPerTag(probabilities, x, batch);
    }

    /**
     * Computes the tag probabilities of typed inputs on the inference path: every example must be exactly the model's
     * time-major input (frames = {@code inputShape()[0]}, bins = {@code inputShape()[1]}, or 1 for a waveform).
     *
     * @param examples one input window per example
     * @return {@code (examples.size(), numTags)} row-major probabilities in (0, 1)
     * @throws IllegalArgumentException naming the first example whose shape is not the expected time-major one
     */
    public float[] predict(List<TimeMajorFeatures> examples) {
        return predict(ModelInputs.flatten(examples, inputKind(), inputShape, architecture.cliName()),
                examples.size());
    }

    /**
     * Computes the logits of a batch on the inference path, before the sigmoid.
     *
     * @param x     features, {@code batch * exampleSize()} finite floats, time-major
     * @param batch number of examples, {@code >= 1}
     * @return {@code (batch, numTags)} row-major logits
     * @throws IllegalArgumentException for a wrong length or a non-finite value
     */
    public float[] predictLogits(float[] x, int batch) {
        return fetchPerTag(evalLogits, x, batch);
    }

    private float[] fetchPerTag(Operand<TFloat32> out, float[] x, int batch) {
        checkFeatures(x, batch);
        float[] res = new float[batch * numTags()];
        try (TFloat32 xt = TFloat32.tensorOf(batchShape(batch), DataBuffers.of(x, true, false));
             Result r = session().runner().feed(features, xt).fetch(out).run()) {
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(res, false, false));
        }
        return res;
    }

    private Shape batchShape(int batch) {
        long[] s = new long[inputShape.length + 1];
        s[0] = batch;
        for (int i = 0; i < inputShape.length; i++) {
            s[i + 1] = inputShape[i];
        }
        return Shape.of(s);
    }

    private void checkFeatures(float[] x, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (x == null || x.length != (long) batch * exampleSize) {
            throw new IllegalArgumentException("features must hold batch x " + Arrays.toString(inputShape) + " = "
                    + (long) batch * exampleSize + " floats for " + architecture.cliName() + ", got "
                    + (x == null ? "null" : x.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException("features[" + i + "] (example " + i / exampleSize
                        + ") is not finite: " + x[i]);
            }
        }
    }

    private void checkTargets(float[] y, int batch) {
        if (y == null || y.length != (long) batch * numTags()) {
            throw new IllegalArgumentException("targets must hold batch x numTags = " + (long) batch * numTags()
                    + " floats, got " + (y == null ? "null" : y.length));
        }
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0f && y[i] <= 1f)) {
                throw new IllegalArgumentException("targets[" + i + "] must be in [0, 1], got " + y[i]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ persistence

    /**
     * Saves every variable (weights, moving statistics, Adam moments and step, the dropout step counter) to a
     * TensorFlow checkpoint {@code prefix.index} + {@code prefix.data-*}. Parent directories are created; the files
     * are written under a temporary prefix in the same folder and then moved into place, data files first and the
     * index last.
     *
     * @param prefix checkpoint prefix, e.g. {@code run/ckpt/epoch-012}
     * @throws IOException if writing or moving fails
     */
    public void saveCheckpoint(Path prefix) throws IOException {
        Path abs = prefix.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        String tmpName = abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try {
            session().save(dir.resolve(tmpName).toString());
        } catch (RuntimeException e) {
            // TensorFlow leaves its partial files (e.g. PREFIX.data-00000-of-00001.tempstateN) when a write fails
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, tmpName + "*")) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IOException(abs + ": cannot write checkpoint: " + tensorFlowReason(e, dir), e);
        }
        List<Path> written = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, tmpName + "*")) {
            ds.forEach(written::add);
        }
        written.sort(Comparator.comparing((Path p) -> p.toString().endsWith(".index")));
        for (Path p : written) {
            String suffix = p.getFileName().toString().substring(tmpName.length());
            AtomicFiles.moveIntoPlace(p, dir.resolve(abs.getFileName() + suffix));
        }
        LOG.debug("saved checkpoint {} ({} files)", abs, written.size());
    }

    /**
     * Restores every variable from a checkpoint written by {@link #saveCheckpoint} for the same architecture and
     * configuration.
     *
     * @param prefix checkpoint prefix
     * @throws ModelLoadException if the checkpoint is missing or does not match this graph
     */
    public void restoreCheckpoint(Path prefix) throws ModelLoadException {
        Path abs = prefix.toAbsolutePath();
        if (!Files.isRegularFile(Path.of(abs + ".index"))) {
            throw new ModelLoadException(abs, "no checkpoint (missing " + abs.getFileName() + ".index)", null);
        }
        try {
            session().restore(abs.toString());
        } catch (RuntimeException e) {
            throw new ModelLoadException(abs, "checkpoint is damaged or was written for another model than this "
                    + architecture.cliName() + " (" + tensorFlowReason(e, null) + ")", e);
        }
    }

    /**
     * Returns the first line of a TensorFlow error, without the graph node it names and, for a file of its own in
     * {@code dir}, without that file ({@code FILE; No space left on device}), cut to 100 characters: e.g.
     * {@code not an sstable (bad magic number)}.
     */
    static String tensorFlowReason(RuntimeException e, Path dir) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = m.length();
        for (String stop : new String[] {"\n", "\t", " [[", "\r"}) {
            int i = m.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String r = m.substring(0, end).strip();
        int semi = r.lastIndexOf("; ");
        if (dir != null && r.startsWith(dir.toString()) && semi > 0) {
            r = r.substring(semi + 2);
        }
        return r.length() > 100 ? r.substring(0, 100) + "…" : r;
    }

    /**
     * Exports the current weights as a bare SavedModel (tag {@code serve}) whose {@code serving_default} signature
     * maps {@code features} {@code (N, inputShape...)} to {@code probabilities} {@code (N, numTags)}, plus a
     * {@value #PROVENANCE_FILE} recording architecture, input kind and shape, widths, parameters, seed and
     * configuration. The directory is built under a temporary name beside {@code dir} and moved into place (an
     * existing {@code dir} is replaced).
     * It loads with {@link SavedModelRunner#load(Path)} in any JVM, from the directory alone. To export a model for
     * tagging (feature configuration, windows and tag names stored with it) use {@link ExportedModel#write}.
     *
     * @param dir target directory
     * @throws IOException if writing fails
     */
    public void exportSavedModel(Path dir) throws IOException {
        ExportedModel.writeBare(this, dir);
    }

    /** Writes the SavedModel files ({@code saved_model.pb}, {@code variables/}) into a new directory. */
    void writeSavedModel(Path dir) throws IOException {
        Signature sig = Signature.builder().key(Signature.DEFAULT_KEY).input("features", features)
                .output("probabilities", probabilities).build();
        SavedModelBundle.exporter(dir.toString()).withSession(session()).withSignature(sig).export();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("model " + architecture.cliName() + " is closed");
        }
    }

    /** Closes the session (if created) and the graph. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            session.close();
        }
        graph.close();
    }
}
