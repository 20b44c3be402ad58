package org.audiotag.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.audiotag.augment.internal.Spectral;

/**
 * Harmonic-percussive source separation as an augmentation (docs/ORIGINAL-PROJECT.md §6, step 5, disabled in the
 * original:
 * with probability 0.1, keep the percussive or the harmonic part with probability 1/2 each), computed as
 * {@code librosa.effects.hpss(y)}: STFT (n_fft 2048, hop 512), median filtering of the magnitude over 31 frames
 * (harmonic) and 31 bins (percussive) (Fitzgerald 2010), soft masks with power 2 and margin 1 (Driedger et al.
 * 2014 for the masks), iSTFT. It costs tens of milliseconds per 2-s clip (two median filters over every STFT
 * cell), so give it a small probability in a pipeline.
 * {@snippet :
 * float[][] hp = HpssTransform.separate(clip.samples());   // hp[0] harmonic, hp[1] percussive
 * AugmentPipeline pipeline = AugmentPipeline.builder()
 *         .add(HpssTransform.of(HpssTransform.Component.RANDOM), 0.1)   // the original's disabled step
 *         .build();
 * }
 */
public final class HpssTransform implements AudioTransform {

    /** Which part is kept. */
    public enum Component {
        /** The harmonic part (sustained, horizontal in the spectrogram). */
        HARMONIC,
        /** The percussive part (transient, vertical). */
        PERCUSSIVE,
        /** One of the two, with probability 1/2 each (the original). */
        RANDOM
    }

    private static final int KERNEL = 31;
    private static final double POWER = 2.0;
    private final Component component;

    private HpssTransform(Component component) {
        this.component = component;
    }

    /**
     * Returns a transform that keeps one component of the separation.
     *
     * @param component which part to keep
     * @return the transform
     * @throws NullPointerException if component is null
     */
    public static HpssTransform of(Component component) {
        return new HpssTransform(Objects.requireNonNull(component, "component"));
    }

    @Override
    public String name() {
        return "hpss";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        Component c = component;
        if (c == Component.RANDOM) {
            c = rng.nextBoolean() ? Component.PERCUSSIVE : Component.HARMONIC;
        }
        log.record(name(), "component", c);
        double[][] hp = Spectral.hpss(TimeStretch.toDouble(in.samplesView()), KERNEL, POWER);
        return in.withOwnedSamples(TimeStretch.toFloat(c == Component.HARMONIC ? hp[0] : hp[1]));
    }

    /**
     * Separates a signal, {@code librosa.effects.hpss(y)} (kernel 31, power 2, margin 1).
     *
     * @param y samples (non-empty, finite)
     * @return {harmonic, percussive}, each as long as y; they sum to y up to the iSTFT's round-off
     * @throws IllegalArgumentException if y is empty
     */
    public static float[][] separate(float[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("y: zero-length audio");
        }
        double[][] hp = Spectral.hpss(TimeStretch.toDouble(y), KERNEL, POWER);
        return new float[][] {TimeStretch.toFloat(hp[0]), TimeStretch.toFloat(hp[1])};
    }
}
