package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * Negates every sample (y = -x), which changes the waveform but not the magnitude spectrum; make it random by
 * giving it a probability in the {@link AugmentPipeline}, e.g. {@code builder.add(new PolarityInversion(), 0.5)}.
 */
public final class PolarityInversion implements AudioTransform {
    /** Creates the transform. */
    public PolarityInversion() {
    }

    @Override
    public String name() {
        return "polarity";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        float[] x = in.samplesView();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        log.record(name(), "inverted", true);
        return in.withOwnedSamples(y);
    }
}
