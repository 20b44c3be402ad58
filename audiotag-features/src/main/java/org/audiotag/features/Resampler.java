package org.audiotag.features;

import java.util.Objects;

/**
 * Converts sample rates with band-limited resampling, mirroring {@code librosa.resample(y, orig_sr=...,
 * target_sr=..., res_type=..., fix=True, scale=False)} for the {@link ResampleType non-soxr methods}: the output has
 * {@code ceil(n * targetSr / origSr)} samples (librosa's {@code fix_length}: zero-padded or cut at the end), and equal
 * rates return a copy.
 *
 * <p>All arithmetic is in double; against librosa 0.10.2's float64 reference outputs (every {@code resample}
 * fixture) the results agree to better than 1e-14, against tolerances of 4e-10 to 1e-9.
 *
 * <p>{@link #DEFAULT_TYPE} is {@link ResampleType#KAISER_BEST}. librosa 0.10's own default, soxr_hq, is not available
 * on the JVM; kaiser_best was librosa's default until 0.10 (the original project's era, so features match its
 * pipeline) and has the strongest stop band of the time-domain methods: a sweep from 8.1 to 9 kHz (all above the new
 * Nyquist frequency) downsampled from 44.1 to 16 kHz leaves -101 dB of aliasing with kaiser_best, -66 dB with
 * kaiser_fast and only -15 dB with polyphase, whose transition band is centred on the new Nyquist frequency. fft is a
 * brick wall but treats the clip as periodic, so its two ends leak into each other. kaiser_best costs about
 * {@code 2 x 50 / min(1, target/orig)} multiply-adds per output sample; use {@link ResampleType#POLYPHASE} when
 * speed matters more than the stop band.
 *
 * <p>Note on resampy's methods: the filter table is stepped with the integer stride
 * {@code floor(min(1, target/orig) * 2^precision)}, which scales the effective low-pass slightly (resampy's own
 * behaviour, reproduced here); for 44.1 to 16 kHz with kaiser_fast the pass-band gain is about 0.4 % low.
 *
 * <p>The methods are stateless and thread-safe; resampy's filter tables are computed once per method and shared
 * (read-only).
 *
 * <p>Given mono samples {@code float[] y} at 44.1 kHz:
 * {@snippet :
 * // librosa.resample(y, orig_sr=44100, target_sr=16000): resampy's kaiser_best
 * float[] y16 = Resampler.resample(y, 44100, 16000, Resampler.DEFAULT_TYPE);
 * int n = Resampler.outputLength(y.length, 44100, 16000);     // ceil(len(y) * 16000 / 44100) == y16.length
 * // res_type='polyphase': much faster, weaker stop band
 * float[] fast = Resampler.resample(y, 44100, 16000, ResampleType.POLYPHASE);
 * AudioClip clip = Resampler.resample(AudioClip.of(y, 44100), 22050, ResampleType.KAISER_FAST);
 * }
 */
public final class Resampler {

    /** The default method, {@link ResampleType#KAISER_BEST} (see the class documentation for why). */
    public static final ResampleType DEFAULT_TYPE = ResampleType.KAISER_BEST;

    private Resampler() {
    }

    /**
     * Number of output samples of {@code librosa.resample}: {@code ceil(n * (targetSr / origSr))}, computed in
     * double exactly as librosa does.
     *
     * @param n input length in samples, non-negative
     * @param origSr input sample rate in Hz, positive
     * @param targetSr output sample rate in Hz, positive
     * @return the output length
     * @throws IllegalArgumentException if a rate is not positive or {@code n} is negative
     */
    public static int outputLength(int n, int origSr, int targetSr) {
        checkRates(origSr, targetSr);
        if (n < 0) {
            throw new IllegalArgumentException("n: must be >= 0, got " + n);
        }
        double ratio = (double) targetSr / origSr;
        return (int) Math.ceil(n * ratio);
    }

    /**
     * Resamples float64 samples ({@code librosa.resample} on a float64 array).
     *
     * @param y input samples (not modified)
     * @param origSr sample rate of {@code y} in Hz, positive
     * @param targetSr wanted sample rate in Hz, positive
     * @param type the method
     * @return a new array of {@link #outputLength(int, int, int)} samples at {@code targetSr}
     * @throws IllegalArgumentException if a rate is not positive, or the input is too short for the method
     *     (resampy needs at least one output sample before length fixing)
     */
    public static double[] resample(double[] y, int origSr, int targetSr, ResampleType type) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(type, "type");
        checkRates(origSr, targetSr);
        if (origSr == targetSr) {
            return y.clone();
        }
        int nOut = outputLength(y.length, origSr, targetSr);
        if (y.length == 0) {
            return new double[0];
        }
        double[] out = switch (type) {
            case FFT -> ResampleKernels.fft(y, nOut);
            case POLYPHASE -> ResampleKernels.polyphase(y, origSr, targetSr);
            case KAISER_BEST, KAISER_FAST -> ResampleKernels.sinc(y, origSr, targetSr, type);
        };
        return fixLength(out, nOut);
    }

    /**
     * Resamples float32 samples: computed in double by {@link #resample(double[], int, int, ResampleType)} and
     * rounded to float (librosa returns the input dtype).
     *
     * @param y input samples (not modified)
     * @param origSr sample rate of {@code y} in Hz, positive
     * @param targetSr wanted sample rate in Hz, positive
     * @param type the method
     * @return a new array of {@link #outputLength(int, int, int)} samples at {@code targetSr}
     * @throws IllegalArgumentException as the double version
     */
    public static float[] resample(float[] y, int origSr, int targetSr, ResampleType type) {
        Objects.requireNonNull(y, "y");
        double[] d = new double[y.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i];
        }
        double[] r = resample(d, origSr, targetSr, type);
        float[] f = new float[r.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r[i];
        }
        return f;
    }

    /**
     * Resamples a clip to {@code targetSr} (same source name).
     *
     * @param clip the clip
     * @param targetSr wanted sample rate in Hz, positive
     * @param type the method
     * @return the resampled clip, or {@code clip} itself if it already has that rate
     * @throws IllegalArgumentException as {@link #resample(double[], int, int, ResampleType)}
     */
    public static AudioClip resample(AudioClip clip, int targetSr, ResampleType type) {
        Objects.requireNonNull(clip, "clip");
        if (clip.sampleRate() == targetSr) {
            return clip;
        }
        double[] r = resample(clip.samplesAsDouble(), clip.sampleRate(), targetSr, type);
        return AudioClip.of(r, targetSr, clip.source().orElse(null));
    }

    private static double[] fixLength(double[] y, int n) {
        if (y.length == n) {
            return y;
        }
        double[] out = new double[n];
        System.arraycopy(y, 0, out, 0, Math.min(n, y.length));
        return out;
    }

    private static void checkRates(int origSr, int targetSr) {
        if (origSr <= 0) {
            throw new IllegalArgumentException("orig_sr: must be > 0, got " + origSr);
        }
        if (targetSr <= 0) {
            throw new IllegalArgumentException("target_sr: must be > 0, got " + targetSr);
        }
    }
}
