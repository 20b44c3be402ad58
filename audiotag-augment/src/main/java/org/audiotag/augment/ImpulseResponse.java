package org.audiotag.augment;

import java.util.Objects;

/**
 * A room impulse response: mono samples at a sample rate, with a name for draw records, for
 * {@link ReverbTransform}. Immutable; the factory copies the samples and rejects empty, silent or non-finite
 * responses. Real rooms ship in {@code data/impulse-responses} (WAV files at 44.1 or 48 kHz; stereo files are mixed
 * down to mono by {@code AudioLoader}):
 * {@snippet :
 * AudioClip wav = AudioLoader.nativeRate().load(Path.of("data/impulse-responses/rir_clap.wav"));
 * ImpulseResponse clap = ImpulseResponse.of(wav);   // named after the file, at its own rate
 * double seconds = clap.durationSeconds();
 * }
 */
public final class ImpulseResponse {
    private final String name;
    private final float[] samples;
    private final int sampleRate;

    private ImpulseResponse(String name, float[] samples, int sampleRate) {
        this.name = name;
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /**
     * Creates an impulse response from its samples, copying them.
     *
     * @param name name used in draw records and messages (e.g. the file name; null: {@code "<unnamed IR>"})
     * @param samples mono samples (copied); non-empty, finite, not all zero
     * @param sampleRate sample rate in Hz (&gt; 0)
     * @return the impulse response
     * @throws IllegalArgumentException on empty, silent or non-finite samples or a non-positive rate (the
     *     message names the response)
     */
    public static ImpulseResponse of(String name, float[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        String n = name == null ? "<unnamed IR>" : name;
        if (sampleRate <= 0) {
            throw new IllegalArgumentException(n + ": sampleRate must be > 0 Hz, got " + sampleRate);
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException(n + ": zero-length impulse response");
        }
        boolean nonZero = false;
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException(n + ": impulse response sample " + i + " is " + samples[i]);
            }
            nonZero |= samples[i] != 0f;
        }
        if (!nonZero) {
            throw new IllegalArgumentException(n + ": impulse response is all zeros");
        }
        return new ImpulseResponse(n, samples.clone(), sampleRate);
    }

    /**
     * Creates an impulse response from a decoded clip of audiotag-features, e.g.
     * {@code AudioLoader.nativeRate().load(path)}: any rate is accepted and resampled by {@link ReverbTransform}.
     *
     * @param clip the clip (mono)
     * @return the impulse response, named after the clip's source (or {@code "<unnamed IR>"})
     * @throws IllegalArgumentException on empty, silent or non-finite samples
     */
    public static ImpulseResponse of(org.audiotag.features.AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        return of(clip.source().orElse("<unnamed IR>"), clip.samples(), clip.sampleRate());
    }

    /**
     * Returns the name used in draw records and messages.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the mono samples at {@link #sampleRate()}.
     *
     * @return a copy of the samples
     */
    public float[] samples() {
        return samples.clone();
    }

    float[] samplesView() {
        return samples;
    }

    /**
     * Returns the sample rate of the samples (not necessarily the clips' rate: {@link ReverbTransform} resamples).
     *
     * @return the sample rate in Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the duration in seconds, samples / sample rate.
     *
     * @return the duration in seconds
     */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    @Override
    public String toString() {
        return "ImpulseResponse[" + name + ", " + samples.length + " samples at " + sampleRate + " Hz]";
    }
}
