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
 * <p>Limits: the two rates may differ by at most a factor {@value #MAX_RATIO} either way, the output may have at
 * most {@value #MAX_OUTPUT_LENGTH} samples, and polyphase's filter of {@code 20 * max(up, down) + 1} taps
 * ({@code up / down = targetSr / origSr} in lowest terms) may have at most {@value #MAX_POLYPHASE_TAPS} taps; beyond
 * them every method throws {@link IllegalArgumentException} naming both rates, so that no sample rate read from a
 * file header can size a kernel or an output buffer. Within them work and memory are linear in the input and
 * output lengths (plus the fixed resampy tables and the polyphase filter).
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

    /**
     * Largest factor between the two rates, up or down: 512. kaiser_fast steps its table of 2^9 entries per zero
     * crossing by {@code floor(512 * targetSr / origSr)}, which is 0 beyond this factor of down-sampling; and an
     * up-sampling by more would turn a short file into an output hundreds of times its size.
     */
    public static final int MAX_RATIO = 512;

    /** Largest output, in samples: the longest Java array. */
    public static final int MAX_OUTPUT_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * Largest polyphase filter, in taps: 2^22 (two copies of 32 MB each), i.e. {@code max(up, down) <= 209715}.
     * Rates whose ratio needs more (such as 44101 Hz to 16000 Hz, which reduce to 16000 / 44101 only) are refused
     * for {@link ResampleType#POLYPHASE}; the other methods accept them.
     */
    public static final int MAX_POLYPHASE_TAPS = 1 << 22;

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
     * @throws IllegalArgumentException if a rate is not positive, the rates differ by more than {@link #MAX_RATIO},
     *     {@code n} is negative, or the output would exceed {@link #MAX_OUTPUT_LENGTH}
     */
    public static int outputLength(int n, int origSr, int targetSr) {
        checkRates(origSr, targetSr);
        if (n < 0) {
            throw new IllegalArgumentException("n: must be >= 0, got " + n);
        }
        double ratio = (double) targetSr / origSr;
        double len = Math.ceil(n * ratio);
        if (len > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("resampling " + n + " samples from orig_sr=" + origSr
                    + " Hz to target_sr=" + targetSr + " Hz gives " + (long) len + " samples, more than the "
                    + MAX_OUTPUT_LENGTH + " an array can hold");
        }
        return (int) len;
    }

    /**
     * Resamples float64 samples ({@code librosa.resample} on a float64 array).
     *
     * @param y input samples (not modified)
     * @param origSr sample rate of {@code y} in Hz, positive
     * @param targetSr wanted sample rate in Hz, positive
     * @param type the method
     * @return a new array of {@link #outputLength(int, int, int)} samples at {@code targetSr}
     * @throws IllegalArgumentException if a rate is not positive, the rates differ by more than {@link #MAX_RATIO},
     *     the output would exceed {@link #MAX_OUTPUT_LENGTH}, the polyphase filter would exceed
     *     {@link #MAX_POLYPHASE_TAPS}, or the input is too short for the method (resampy needs at least one output
     *     sample before length fixing); each message names both rates
     */
    public static double[] resample(double[] y, int origSr, int targetSr, ResampleType type) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(type, "type");
        checkRates(origSr, targetSr);
        if (type == ResampleType.POLYPHASE && origSr != targetSr) {
            long g = ResampleKernels.gcd(origSr, targetSr);
            long factor = Math.max(origSr / g, targetSr / g);
            if (20 * factor + 1 > MAX_POLYPHASE_TAPS) {
                throw new IllegalArgumentException("res_type=polyphase: resampling from orig_sr=" + origSr
                        + " Hz to target_sr=" + targetSr + " Hz needs a filter of " + (20 * factor + 1)
                        + " taps (ratio " + targetSr / g + "/" + origSr / g + "), more than "
                        + MAX_POLYPHASE_TAPS + "; use kaiser_best, kaiser_fast or fft for these rates");
            }
        }
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
        if ((long) targetSr > (long) MAX_RATIO * origSr || (long) origSr > (long) MAX_RATIO * targetSr) {
            throw new IllegalArgumentException("orig_sr=" + origSr + " Hz and target_sr=" + targetSr
                    + " Hz differ by a factor of " + String.format(java.util.Locale.ROOT, "%.1f",
                    Math.max((double) targetSr / origSr, (double) origSr / targetSr))
                    + ", more than the " + MAX_RATIO + " a resampler accepts (up or down)");
        }
    }
}
