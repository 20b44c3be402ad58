package org.audiotag.augment;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable mono clip with its target: {@code float} samples (nominally in [-1, 1]) at {@code sampleRate} Hz,
 * a target vector over the classes (multi-hot 0/1, or soft weights in [0, 1]; may be empty when unlabelled), and
 * the name of its source (file name or description) for error messages and draw records.
 *
 * <p>The factory copies the arrays and checks that the audio is non-empty and finite, so a NaN in a file is
 * reported with its source and sample index instead of spreading through a batch. Accessors return copies.
 * {@snippet :
 * // clip 0 of a 10-class set, labelled with class 3, decoded at its native rate (44.1 kHz for ESC-10)
 * AudioClip decoded = AudioLoader.nativeRate().load(Path.of("data/esc10/001 - Dog bark/1-100032-A.ogg"));
 * float[] target = new float[10];
 * target[3] = 1f;
 * LabeledAudio clip = LabeledAudio.of(decoded, target);
 * double seconds = clip.durationSeconds();   // length() / sampleRate()
 * }
 */
public final class LabeledAudio {
    private final float[] samples;
    private final int sampleRate;
    private final float[] target;
    private final String source;

    private LabeledAudio(float[] samples, int sampleRate, float[] target, String source) {
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.target = target;
        this.source = source;
    }

    /**
     * Creates a labelled clip from its samples and target, copying both arrays.
     *
     * @param samples mono samples, at least one, all finite
     * @param sampleRate sample rate in Hz (&gt; 0)
     * @param target target vector (values finite, in [0, 1]); an empty array for unlabelled audio
     * @param source name of the clip's source, used in messages and draw records (null: {@code "<unnamed>"})
     * @return the clip
     * @throws IllegalArgumentException if the audio is empty or not finite, the rate is not positive, or the
     *     target is outside [0, 1]
     */
    public static LabeledAudio of(float[] samples, int sampleRate, float[] target, String source) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(target, "target");
        String src = source == null ? "<unnamed>" : source;
        return checked(samples.clone(), sampleRate, target.clone(), src);
    }

    /**
     * Creates an unlabelled clip (an empty target), copying the samples.
     *
     * @param samples mono samples, at least one, all finite
     * @param sampleRate sample rate in Hz (&gt; 0)
     * @param source name of the clip's source (null: {@code "<unnamed>"})
     * @return the clip with an empty target
     * @throws IllegalArgumentException if the audio is empty or not finite, or the rate is not positive
     */
    public static LabeledAudio of(float[] samples, int sampleRate, String source) {
        return of(samples, sampleRate, new float[0], source);
    }

    /**
     * Wraps a decoded clip of audiotag-features with its target (the samples are copied).
     *
     * @param clip the clip, e.g. from {@code AudioLoader.load}
     * @param target target vector (values in [0, 1]); empty for unlabelled audio
     * @return the clip with its target; the source is the clip's source name or {@code "<unnamed>"}
     * @throws IllegalArgumentException if the audio is empty or not finite, or the target is outside [0, 1]
     */
    public static LabeledAudio of(org.audiotag.features.AudioClip clip, float[] target) {
        Objects.requireNonNull(clip, "clip");
        return of(clip.samples(), clip.sampleRate(), target, clip.source().orElse("<unnamed>"));
    }

    /**
     * Returns the samples as an audiotag-features clip (same rate, this source name, target dropped), e.g. to
     * extract its log-mel with {@code FeatureExtractor.extract(AudioClip)}.
     *
     * @return a new clip holding a copy of the samples
     */
    public org.audiotag.features.AudioClip toAudioClip() {
        return org.audiotag.features.AudioClip.of(samples, sampleRate, source);
    }

    static LabeledAudio checked(float[] samples, int sampleRate, float[] target, String source) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0 Hz, got " + sampleRate + " (" + source + ")");
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException(source + ": zero-length audio");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException(source + ": audio sample " + i + " is " + samples[i]
                        + " (NaN or infinite audio)");
            }
        }
        for (int i = 0; i < target.length; i++) {
            if (!(target[i] >= 0f && target[i] <= 1f)) {
                throw new IllegalArgumentException(source + ": target[" + i + "] = " + target[i]
                        + " is outside [0, 1]");
            }
        }
        return new LabeledAudio(samples, sampleRate, target, source);
    }

    /**
     * Returns a copy with other samples and the same rate, target and source, checked like {@link #of}.
     *
     * @param newSamples the new samples (copied), at least one, all finite; any length
     * @return the new clip
     * @throws IllegalArgumentException if the new samples are empty or not finite
     */
    public LabeledAudio withSamples(float[] newSamples) {
        return checked(newSamples.clone(), sampleRate, target, source);
    }

    /** A copy with other samples, taking ownership of the array (no copy); for transforms of this package. */
    LabeledAudio withOwnedSamples(float[] newSamples) {
        return checked(newSamples, sampleRate, target, source);
    }

    /** A copy with other samples and target, taking ownership of both arrays. */
    LabeledAudio withOwned(float[] newSamples, float[] newTarget, String newSource) {
        return checked(newSamples, sampleRate, newTarget, newSource);
    }

    /**
     * Returns the mono samples, nominally in [-1, 1].
     *
     * @return a copy of the samples
     */
    public float[] samples() {
        return samples.clone();
    }

    /** The internal array, not to be modified; for transforms of this package. */
    float[] samplesView() {
        return samples;
    }

    /**
     * Returns the number of samples L.
     *
     * @return the length in samples (&gt;= 1)
     */
    public int length() {
        return samples.length;
    }

    /**
     * Returns the duration in seconds, {@code length() / sampleRate()}.
     *
     * @return the duration in seconds
     */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /**
     * Returns the sample rate.
     *
     * @return the sample rate in Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the target vector over the classes: multi-hot 0/1 or soft weights in [0, 1].
     *
     * @return a copy of the target (empty when unlabelled)
     */
    public float[] target() {
        return target.clone();
    }

    /** The internal target array, not to be modified. */
    float[] targetView() {
        return target;
    }

    /**
     * Returns the name of the clip's source: a file name, or {@code "a.ogg+b.ogg"} for a mix.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * Compares two clips by value.
     *
     * @param o the other object
     * @return true if both have the same samples, rate, target and source
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledAudio a && a.sampleRate == sampleRate && a.source.equals(source)
                && Arrays.equals(a.samples, samples) && Arrays.equals(a.target, target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sampleRate, source, Arrays.hashCode(samples), Arrays.hashCode(target));
    }

    @Override
    public String toString() {
        return "LabeledAudio[" + source + ", " + samples.length + " samples at " + sampleRate + " Hz, "
                + target.length + " classes]";
    }
}
