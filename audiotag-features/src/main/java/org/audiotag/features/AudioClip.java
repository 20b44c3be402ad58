package org.audiotag.features;

import java.util.Objects;
import java.util.Optional;

/**
 * An immutable mono clip: 32-bit float samples (nominally in [-1, 1]) at a sample rate in Hz, with an optional
 * source name (usually the file it was loaded from). This is what {@code librosa.load(path, sr=..., mono=True)}
 * returns as {@code (y, sr)}; {@link AudioLoader} produces it and {@link FeatureExtractor#extract(AudioClip)},
 * {@link Resampler#resample(AudioClip, int, ResampleType)} and {@link LogMelFeatures#compute(AudioClip)} consume it.
 *
 * <p>Ownership: {@link #of(float[], int)} and {@link #of(float[], int, String)} copy the array they are given and
 * {@link #samples()} returns a fresh copy, so no caller can change a clip. Hot loops that only read should use
 * {@link #sample(int)} or {@link #copyTo(int, float[], int, int)} to avoid the copy.
 *
 * <p>Given a {@code Path file}:
 * {@snippet :
 * AudioClip clip = AudioLoader.atRate(44100).load(file);
 * double seconds = clip.durationSeconds();     // librosa.get_duration(y=y, sr=sr)
 * String name = clip.sourceName();             // the path, for messages
 * // one second of a 440 Hz sine at 16 kHz, made in memory
 * float[] sine = new float[16000];
 * for (int n = 0; n < sine.length; n++) {
 *     sine[n] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * n / 16000.0));
 * }
 * AudioClip tone = AudioClip.of(sine, 16000, "sine 440 Hz");   // copies sine
 * float[] y = tone.samples();                  // a copy: changing it leaves tone unchanged
 * y[0] = 1f;
 * AudioClip edited = tone.withSamples(y);      // same rate and source
 * }
 */
public final class AudioClip {

    /** What {@link #sourceName()} returns for a clip without a source name. */
    public static final String UNNAMED = "(unnamed)";

    private final float[] samples;
    private final int sampleRate;
    private final String source;

    private AudioClip(float[] samples, int sampleRate, String source) {
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.source = source;
    }

    /**
     * Creates a clip from a copy of {@code samples}.
     *
     * @param samples mono samples (copied)
     * @param sampleRate sample rate in Hz, positive
     * @return the clip, without a source name
     * @throws IllegalArgumentException if {@code sampleRate <= 0}
     */
    public static AudioClip of(float[] samples, int sampleRate) {
        return of(samples, sampleRate, null);
    }

    /**
     * Creates a clip from a copy of {@code samples} with a source name.
     *
     * @param samples mono samples (copied)
     * @param sampleRate sample rate in Hz, positive
     * @param source where the samples came from (a file name, a URL, a description), or {@code null}
     * @return the clip
     * @throws IllegalArgumentException if {@code sampleRate <= 0}
     */
    public static AudioClip of(float[] samples, int sampleRate, String source) {
        Objects.requireNonNull(samples, "samples");
        return new AudioClip(samples.clone(), checkRate(sampleRate), source);
    }

    /**
     * Creates a clip from double samples, rounding each to float32 (as librosa's {@code astype(np.float32)}).
     *
     * @param samples mono samples
     * @param sampleRate sample rate in Hz, positive
     * @param source source name, or {@code null}
     * @return the clip
     * @throws IllegalArgumentException if {@code sampleRate <= 0}
     */
    public static AudioClip of(double[] samples, int sampleRate, String source) {
        Objects.requireNonNull(samples, "samples");
        float[] f = new float[samples.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) samples[i];
        }
        return new AudioClip(f, checkRate(sampleRate), source);
    }

    private static int checkRate(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: must be > 0, got " + sampleRate);
        }
        return sampleRate;
    }

    /**
     * Returns a copy of the samples.
     *
     * @return a fresh copy of the samples (length {@link #length()})
     */
    public float[] samples() {
        return samples.clone();
    }

    /**
     * Returns the samples widened to double, as librosa's float64 code paths see them.
     *
     * @return a fresh double array of length {@link #length()}
     */
    public double[] samplesAsDouble() {
        double[] d = new double[samples.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = samples[i];
        }
        return d;
    }

    /**
     * Returns one sample, without copying the array.
     *
     * @param index sample index, {@code 0 <= index < length()}
     * @return the sample value
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public float sample(int index) {
        return samples[index];
    }

    /**
     * Copies a range of samples into {@code dest} (as {@link System#arraycopy}), without copying the whole clip.
     *
     * @param from first sample to copy
     * @param dest destination array
     * @param destPos first position written in {@code dest}
     * @param count number of samples
     * @throws IndexOutOfBoundsException if a range is out of bounds
     */
    public void copyTo(int from, float[] dest, int destPos, int count) {
        System.arraycopy(samples, from, dest, destPos, count);
    }

    /**
     * Returns the number of samples.
     *
     * @return the length in samples
     */
    public int length() {
        return samples.length;
    }

    /**
     * Returns the sample rate.
     *
     * @return samples per second, in Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the duration in seconds ({@code librosa.get_duration(y=y, sr=sr)}).
     *
     * @return {@code length() / sampleRate()} in seconds
     */
    public double durationSeconds() {
        return (double) samples.length / sampleRate;
    }

    /**
     * Returns where the clip came from, for code that branches on whether there is a name. For messages and logs use
     * {@link #sourceName()}: an {@code Optional} concatenated into a string prints as {@code Optional[...]}.
     *
     * @return the source name, or empty
     */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /**
     * Returns where the clip came from, as text for messages, logs and listings: the file path or name given when
     * the clip was created (for a loaded file, the path as {@link java.nio.file.Path#toString()} gives it), or
     * {@value #UNNAMED} for a clip built in memory without one.
     *
     * @return the source name, never {@code null}
     */
    public String sourceName() {
        return source == null ? UNNAMED : source;
    }

    /**
     * Returns a clip with other samples (copied) and this clip's sample rate and source, e.g. after an effect.
     *
     * @param newSamples the samples of the new clip
     * @return a new clip
     */
    public AudioClip withSamples(float[] newSamples) {
        return of(newSamples, sampleRate, source);
    }

    @Override
    public String toString() {
        return "AudioClip[" + samples.length + " samples, " + sampleRate + " Hz"
                + (source == null ? "" : ", " + source) + "]";
    }
}
