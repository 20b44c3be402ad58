package org.audiotag.models;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.audiotag.features.TimeMajorFeatures;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs the graph of an exported model directory ({@link ExportedModel}; also bare exports of {@link
 * TagModel#exportSavedModel(Path)}), loaded from the directory alone (no architecture code is needed): calls the
 * {@code serving_default} signature, {@code features -> probabilities}, on ready-made model inputs. This is the
 * low-level runner; {@link Tagger} adds features, windows, normalisation, aggregation and tag names. Owns the loaded
 * bundle (graph and session); close it. Not thread-safe.
 */
public final class SavedModelRunner implements AutoCloseable {

    private final ExportedModel model;
    private final SavedModelBundle bundle;
    /** The model's input shape, kept once for the predict path (ExportedModel hands out copies). */
    private final int[] inputShape;
    private final int exampleSize;

    private SavedModelRunner(ExportedModel m, SavedModelBundle bundle) {
        this.model = m;
        this.bundle = bundle;
        this.inputShape = m.inputShape();
        int n = 1;
        for (int d : inputShape) {
            n *= d;
        }
        this.exampleSize = n;
    }

    /**
     * Loads an exported model's graph.
     *
     * @param dir the directory written by {@link ExportedModel#write} or {@link TagModel#exportSavedModel(Path)}
     * @return the loaded runner; the caller closes it
     * @throws ModelLoadException if the directory, {@code saved_model.pb}, the provenance file or the
     *     {@code serving_default} signature is missing or unreadable (see {@link ExportedModel#read(Path)})
     */
    public static SavedModelRunner load(Path dir) throws ModelLoadException {
        return open(ExportedModel.read(dir));
    }

    /** Loads the graph of a directory already read. */
    static SavedModelRunner open(ExportedModel m) throws ModelLoadException {
        Path abs = m.directory();
        SavedModelBundle b;
        try {
            b = SavedModelBundle.load(abs.toString(), SavedModelBundle.DEFAULT_TAG);
        } catch (RuntimeException e) {
            throw new ModelLoadException(abs, "TensorFlow cannot load the SavedModel: " + e.getMessage(), e);
        }
        try {
            if (b.signatures().stream().noneMatch(s -> s.key().equals(Signature.DEFAULT_KEY))) {
                throw new ModelLoadException(abs, "no '" + Signature.DEFAULT_KEY + "' signature", null);
            }
            return new SavedModelRunner(m, b);
        } catch (ModelLoadException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /**
     * Returns the directory the model was loaded from.
     *
     * @return the absolute directory
     */
    public Path directory() {
        return model.directory();
    }

    /**
     * Returns the architecture name recorded at export.
     *
     * @return e.g. {@code kaggle}
     */
    public String architecture() {
        return model.architecture();
    }

    /**
     * Returns the kind of features the model takes.
     *
     * @return the input kind
     */
    public InputKind inputKind() {
        return model.inputKind();
    }

    /**
     * Returns the per-example input shape, time axis first, without the batch axis.
     *
     * @return a copy of the shape
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
        return model.numTags();
    }

    /**
     * Computes the tag probabilities of a batch through the {@code serving_default} signature.
     *
     * @param x     features, {@code batch * prod(inputShape)} finite floats, each example <b>time-major</b> in the
     *              input kind's layout (frame t, bin b at {@code t * bins + b}; see {@link InputKind})
     * @param batch number of examples, {@code >= 1}
     * @return {@code (batch, numTags)} row-major probabilities
     * @throws IllegalArgumentException for a wrong length or a non-finite value
     */
    public float[] predict(float[] x, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (x == null || x.length != (long) batch * exampleSize) {
            throw new IllegalArgumentException(model.directory() + ": features must hold batch x "
                    + Arrays.toString(inputShape) + " = " + (long) batch * exampleSize + " floats, got "
                    + (x == null ? "null" : x.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException("features[" + i + "] is not finite: " + x[i]);
            }
        }
        long[] s = new long[inputShape.length + 1];
        s[0] = batch;
        for (int i = 0; i < inputShape.length; i++) {
            s[i + 1] = inputShape[i];
        }
        float[] out = new float[batch * model.numTags()];
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(s), DataBuffers.of(x, true, false));
             Result r = bundle.function(Signature.DEFAULT_KEY).call(Map.<String, Tensor>of("features", xt))) {
            TFloat32 probs = (TFloat32) r.get("probabilities").orElseThrow(
                    () -> new IllegalStateException(model.directory() + ": signature returned no 'probabilities'"));
            probs.copyTo(DataBuffers.of(out, false, false));
        }
        return out;
    }

    /**
     * Computes the tag probabilities of model inputs given as time-major features, one per example; the shape of each
     * is checked against the model's input (frames = time axis, bins = mel bands, or 1 for a waveform).
     *
     * @param examples one window per example, each exactly the model's input
     * @return {@code (examples.size(), numTags)} row-major probabilities
     * @throws IllegalArgumentException naming the first example whose shape is not the expected time-major one
     */
    public float[] predict(List<TimeMajorFeatures> examples) {
        return predict(ModelInputs.flatten(examples, model.inputKind(), inputShape, model.architecture()),
                examples.size());
    }

    /** Closes the bundle's session and graph. */
    @Override
    public void close() {
        bundle.close();
    }
}
