package org.audiotag.models;

import java.nio.file.Path;

/**
 * The earlier name of {@link SavedModelRunner}: runs an exported model's {@code serving_default} signature on
 * ready-made inputs. It never tagged (no features, windows or tag names: that is {@link Tagger}).
 *
 * @deprecated renamed {@link SavedModelRunner}; this delegating alias will be removed in the next release
 */
@Deprecated(forRemoval = true)
public final class SavedTagger implements AutoCloseable {

    private final SavedModelRunner runner;

    private SavedTagger(SavedModelRunner runner) {
        this.runner = runner;
    }

    /**
     * Loads an exported model.
     *
     * @param dir the directory written by {@link TagModel#exportSavedModel(Path)} or {@link ExportedModel#write}
     * @return the loaded runner; the caller closes it
     * @throws ModelLoadException as {@link SavedModelRunner#load(Path)}
     */
    public static SavedTagger load(Path dir) throws ModelLoadException {
        return new SavedTagger(SavedModelRunner.load(dir));
    }

    /**
     * Returns the directory the model was loaded from.
     *
     * @return the absolute directory
     */
    public Path directory() {
        return runner.directory();
    }

    /**
     * Returns the architecture name recorded at export.
     *
     * @return e.g. {@code kaggle}
     */
    public String architecture() {
        return runner.architecture();
    }

    /**
     * Returns the kind of features the model takes.
     *
     * @return the input kind
     */
    public InputKind inputKind() {
        return runner.inputKind();
    }

    /**
     * Returns the per-example input shape, time axis first, without the batch axis.
     *
     * @return a copy of the shape
     */
    public int[] inputShape() {
        return runner.inputShape();
    }

    /**
     * Returns the number of tags, the model's outputs.
     *
     * @return the number of tags
     */
    public int numTags() {
        return runner.numTags();
    }

    /**
     * Computes the tag probabilities of a batch, as {@link SavedModelRunner#predict(float[], int)}.
     *
     * @param x     features, {@code batch * prod(inputShape)} finite floats, time-major
     * @param batch number of examples, {@code >= 1}
     * @return {@code (batch, numTags)} row-major probabilities
     * @throws IllegalArgumentException for a wrong length or a non-finite value
     */
    public float[] predict(float[] x, int batch) {
        return runner.predict(x, batch);
    }

    /** Closes the bundle's session and graph. */
    @Override
    public void close() {
        runner.close();
    }
}
