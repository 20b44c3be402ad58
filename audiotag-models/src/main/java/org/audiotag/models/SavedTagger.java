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

    /** @return the directory it was loaded from */
    public Path directory() {
        return runner.directory();
    }

    /** @return the architecture name recorded at export */
    public String architecture() {
        return runner.architecture();
    }

    /** @return the expected input kind */
    public InputKind inputKind() {
        return runner.inputKind();
    }

    /** @return per-example input shape (a copy) */
    public int[] inputShape() {
        return runner.inputShape();
    }

    /** @return number of tags */
    public int numTags() {
        return runner.numTags();
    }

    /**
     * Tag probabilities for a batch, as {@link SavedModelRunner#predict(float[], int)}.
     *
     * @param x     features, {@code batch * prod(inputShape)} finite floats, time-major
     * @param batch number of examples, {@code >= 1}
     * @return {@code (batch, numTags)} row-major probabilities
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
