package org.audiotag.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.audiotag.toolkit.Provenance;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A model exported by {@link TagModel#exportSavedModel(Path)}, loaded from its directory alone (no architecture code
 * is needed): calls the {@code serving_default} signature, {@code features -> probabilities}. Owns the loaded
 * bundle (graph and session); close it. Not thread-safe.
 */
public final class SavedTagger implements AutoCloseable {

    private final Path dir;
    private final SavedModelBundle bundle;
    private final InputKind inputKind;
    private final String architecture;
    private final int[] inputShape;
    private final int exampleSize;
    private final int numTags;

    private SavedTagger(Path dir, SavedModelBundle bundle, Provenance p) throws ModelLoadException {
        this.dir = dir;
        this.bundle = bundle;
        try {
            this.architecture = required(p, "architecture");
            this.inputKind = InputKind.valueOf(required(p, "inputKind"));
            this.inputShape = Arrays.stream(required(p, "inputShape").split(",")).mapToInt(Integer::parseInt)
                    .toArray();
            this.numTags = Integer.parseInt(required(p, "numTags"));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(dir, "bad " + TagModel.PROVENANCE_FILE + ": " + e.getMessage(), e);
        }
        int n = 1;
        for (int d : inputShape) {
            n *= d;
        }
        this.exampleSize = n;
    }

    private static String required(Provenance p, String key) {
        String v = p.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return v.trim();
    }

    /**
     * Loads an exported model.
     *
     * @param dir the directory written by {@link TagModel#exportSavedModel(Path)}
     * @return the loaded tagger; the caller closes it
     * @throws ModelLoadException if the directory, {@code saved_model.pb}, the provenance file or the
     *                            {@code serving_default} signature is missing or unreadable
     */
    public static SavedTagger load(Path dir) throws ModelLoadException {
        Path abs = dir.toAbsolutePath();
        if (!Files.isDirectory(abs)) {
            throw new ModelLoadException(abs, "not a directory", null);
        }
        if (!Files.isRegularFile(abs.resolve("saved_model.pb"))) {
            throw new ModelLoadException(abs, "no saved_model.pb: not a SavedModel directory", null);
        }
        Provenance p;
        try {
            p = Provenance.read(abs.resolve(TagModel.PROVENANCE_FILE));
        } catch (IOException e) {
            throw new ModelLoadException(abs, "cannot read " + TagModel.PROVENANCE_FILE + ": " + e.getMessage(), e);
        }
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
            return new SavedTagger(abs, b, p);
        } catch (ModelLoadException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /** @return the directory it was loaded from */
    public Path directory() {
        return dir;
    }

    /** @return the architecture name recorded at export */
    public String architecture() {
        return architecture;
    }

    /** @return the expected input kind */
    public InputKind inputKind() {
        return inputKind;
    }

    /** @return per-example input shape (a copy) */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** @return number of tags */
    public int numTags() {
        return numTags;
    }

    /**
     * Tag probabilities for a batch through the {@code serving_default} signature.
     *
     * @param x     features, {@code batch * prod(inputShape)} finite floats in the input kind's layout
     * @param batch number of examples, {@code >= 1}
     * @return {@code (batch, numTags)} row-major probabilities
     */
    public float[] predict(float[] x, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (x == null || x.length != (long) batch * exampleSize) {
            throw new IllegalArgumentException(dir + ": features must hold batch x " + Arrays.toString(inputShape)
                    + " = " + (long) batch * exampleSize + " floats, got " + (x == null ? "null" : x.length));
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
        float[] out = new float[batch * numTags];
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(s), DataBuffers.of(x, true, false));
             Result r = bundle.function(Signature.DEFAULT_KEY).call(Map.<String, Tensor>of("features", xt))) {
            TFloat32 probs = (TFloat32) r.get("probabilities").orElseThrow(
                    () -> new IllegalStateException(dir + ": signature returned no 'probabilities'"));
            probs.copyTo(DataBuffers.of(out, false, false));
        }
        return out;
    }

    /** Closes the bundle's session and graph. */
    @Override
    public void close() {
        bundle.close();
    }
}
