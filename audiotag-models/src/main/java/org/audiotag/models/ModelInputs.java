package org.audiotag.models;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.audiotag.features.TimeMajorFeatures;

/** Checks typed model inputs at the model's door and packs them into the flat time-major batch the graph takes. */
final class ModelInputs {

    private ModelInputs() {
    }

    /**
     * The expected time-major shape of one example: frames = the input's time axis, bins = its mel axis
     * ({@code LOG_MEL_IMAGE (T, F, 1)}, {@code MEL_SEQUENCE (T, F)}) or 1 for a waveform ({@code (S)}).
     */
    static int expectedBins(InputKind kind, int[] inputShape) {
        return kind == InputKind.RAW_WAVEFORM ? 1 : inputShape[1];
    }

    /**
     * Checks every example's time-major shape and concatenates the examples into one flat batch.
     *
     * @param examples one example each
     * @param kind the model's input kind
     * @param inputShape the model's per-example input shape
     * @param model name used in messages
     * @return the examples one after another
     * @throws IllegalArgumentException for an empty list or an example of another shape, naming the expected layout
     */
    static float[] flatten(List<TimeMajorFeatures> examples, InputKind kind, int[] inputShape, String model) {
        Objects.requireNonNull(examples, "examples");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("examples: empty; a batch needs at least one example");
        }
        int frames = inputShape[0];
        int bins = expectedBins(kind, inputShape);
        int size = frames * bins;
        float[] x = new float[examples.size() * size];
        for (int i = 0; i < examples.size(); i++) {
            TimeMajorFeatures f = Objects.requireNonNull(examples.get(i), "examples[" + i + "]");
            if (f.frames() != frames || f.bins() != bins) {
                throw new IllegalArgumentException("examples[" + i + "]: " + model + " takes time-major (frame, bin) "
                        + "input of " + frames + " frames x " + bins + " bins (" + kind + " " + Arrays.toString(
                        inputShape) + "), got " + f.frames() + " frames x " + f.bins() + " bins");
            }
            System.arraycopy(f.data(), 0, x, i * size, size);
        }
        return x;
    }
}
