package org.audiotag.beam;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A dead letter: a corpus file that could not be decoded, featurised, tagged or written, and why. The corpus goes on
 * without it; the dead letters are written as a CSV {@code path,error} at the end of the run.
 *
 * @param path the file's path relative to the corpus root ({@link CorpusFile#relative()})
 * @param error one-line reason, e.g. {@code x.ogg: Ogg Vorbis stream truncated: no end-of-stream page}
 */
public record FailedFile(String path, String error) implements Serializable, Comparable<FailedFile> {
    private static final long serialVersionUID = 1L;

    /** The dead-letter output of {@link ExtractFeatures} and {@link TagCorpus}. */
    public static final TupleTag<FailedFile> TAG = new TupleTag<>("failed") {
        private static final long serialVersionUID = 1L;
    };

    /** Checks that both parts are present. */
    public FailedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(error, "error");
    }

    /**
     * The dead letter of a file and a failure: the failure's message on one line (its class name if it has none).
     *
     * @param file the corpus file
     * @param e the failure
     * @return the dead letter
     */
    public static FailedFile of(CorpusFile file, Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new FailedFile(file.relative(), m.replaceAll("\\s+", " ").strip());
    }

    /** Orders dead letters by path. */
    @Override
    public int compareTo(FailedFile o) {
        return path.compareTo(o.path);
    }
}
