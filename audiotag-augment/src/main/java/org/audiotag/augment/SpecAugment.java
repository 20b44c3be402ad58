package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * SpecAugment frequency and time masking (Park et al. 2019, "SpecAugment", section 2; time warping omitted) on a
 * spectrogram in librosa's (bin, frame) row-major layout, bin k of frame t at {@code k * nFrames + t}.
 * Each of {@code numFreqMasks} masks sets bins [f0, f0 + f) to the mask value, f ~ U{0..freqMaskParam},
 * f0 ~ U{0..nBins - f}; each of {@code numTimeMasks} masks sets frames [t0, t0 + t), t ~ U{0..timeMaskParam}
 * (at most {@code nFrames}), t0 ~ U{0..nFrames - t}. The mask value is 0 or the spectrogram's mean (the latter
 * suits log-mel input in dB). Immutable and thread-safe; not an {@link AudioTransform} (it works on features),
 * so apply it after the pipeline, e.g. in a {@link ParallelAugmentLoader}'s finishing function with a generator
 * from {@link AugmentedExample#random(int)}.
 *
 * <p>The paper's LibriSpeech-double policy without time warping (F = 27 mel bins, two frequency masks; two time
 * masks of at most T frames; here T = 40 for 128-frame clips), filled with the mean:
 * {@snippet :
 * FeatureMatrix logMel = FeatureExtractor.of(FeatureConfig.modern()).extract(clip.toAudioClip());   // (128, 128)
 * SpecAugment specAugment = SpecAugment.of(27, 2, 40, 2, true);
 * DrawLog log = new DrawLog();
 * FeatureMatrix masked = specAugment.apply(logMel, new SplittableRandom(7), log);
 * String masks = log.toString();   // specAugment{freq=[f0, f, f0, f], time=[t0, t, t0, t], value=...}
 * }
 */
public final class SpecAugment {
    private final int freqMaskParam;
    private final int numFreqMasks;
    private final int timeMaskParam;
    private final int numTimeMasks;
    private final boolean maskWithMean;

    private SpecAugment(int f, int nf, int t, int nt, boolean mean) {
        this.freqMaskParam = f;
        this.numFreqMasks = nf;
        this.timeMaskParam = t;
        this.numTimeMasks = nt;
        this.maskWithMean = mean;
    }

    /**
     * Returns a masking configuration with the paper's parameters F, m_F, T, m_T.
     *
     * @param freqMaskParam F, the widest frequency mask in bins (&gt;= 0)
     * @param numFreqMasks number of frequency masks (&gt;= 0)
     * @param timeMaskParam T, the widest time mask in frames (&gt;= 0)
     * @param numTimeMasks number of time masks (&gt;= 0)
     * @param maskWithMean fill with the spectrogram's mean (true) or 0 (false)
     * @return the configuration
     * @throws IllegalArgumentException naming a negative parameter
     */
    public static SpecAugment of(int freqMaskParam, int numFreqMasks, int timeMaskParam, int numTimeMasks,
            boolean maskWithMean) {
        check("freqMaskParam", freqMaskParam);
        check("numFreqMasks", numFreqMasks);
        check("timeMaskParam", timeMaskParam);
        check("numTimeMasks", numTimeMasks);
        return new SpecAugment(freqMaskParam, numFreqMasks, timeMaskParam, numTimeMasks, maskWithMean);
    }

    private static void check(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + v);
        }
    }

    /**
     * Masks a spectrogram of audiotag-features (e.g. a log-mel), rows = bins, columns = frames; see
     * {@link #apply(float[], int, int, SplittableRandom, DrawLog)}.
     *
     * @param spec the spectrogram (not modified), finite; for a transposed (frames, bins) sequence, transpose it
     *     first
     * @param rng generator (consumed)
     * @param log where the masks are recorded
     * @return the masked spectrogram, same shape
     * @throws IllegalArgumentException if a value is not finite
     */
    public org.audiotag.features.FeatureMatrix apply(org.audiotag.features.FeatureMatrix spec,
            SplittableRandom rng, DrawLog log) {
        return org.audiotag.features.FeatureMatrix.of(spec.rows(), spec.cols(),
                apply(spec.toArray(), spec.rows(), spec.cols(), rng, log));
    }

    /**
     * Returns a masked copy of a (nBins, nFrames) row-major spectrogram: bin k of frame t at
     * {@code k * nFrames + t}.
     *
     * @param spec spectrogram, (nBins, nFrames) row-major, finite
     * @param nBins number of rows (frequency or mel bins)
     * @param nFrames number of columns (frames)
     * @param rng generator (consumed: two draws per mask)
     * @param log where the masks are recorded (as {@code specAugment{freq=[f0, f, ...], time=[t0, t, ...],
     *     value=v}}, each mask's start and width)
     * @return the masked spectrogram, same layout
     * @throws IllegalArgumentException if the shape does not match the array or the values are not finite
     */
    public float[] apply(float[] spec, int nBins, int nFrames, SplittableRandom rng, DrawLog log) {
        if (nBins <= 0 || nFrames <= 0 || (long) nBins * nFrames != spec.length) {
            throw new IllegalArgumentException("spectrogram shape (" + nBins + ", " + nFrames
                    + ") does not match its " + spec.length + " values");
        }
        double sum = 0;
        for (int i = 0; i < spec.length; i++) {
            if (!Float.isFinite(spec[i])) {
                throw new IllegalArgumentException("spectrogram value at bin " + (i / nFrames) + ", frame "
                        + (i % nFrames) + " is " + spec[i]);
            }
            sum += spec[i];
        }
        float value = maskWithMean ? (float) (sum / spec.length) : 0f;
        float[] out = spec.clone();
        int[] freq = new int[2 * numFreqMasks];
        for (int m = 0; m < numFreqMasks; m++) {
            int f = rng.nextInt(Math.min(freqMaskParam, nBins) + 1);
            int f0 = rng.nextInt(nBins - f + 1);
            freq[2 * m] = f0;
            freq[2 * m + 1] = f;
            for (int k = f0; k < f0 + f; k++) {
                java.util.Arrays.fill(out, k * nFrames, (k + 1) * nFrames, value);
            }
        }
        int[] time = new int[2 * numTimeMasks];
        for (int m = 0; m < numTimeMasks; m++) {
            int t = rng.nextInt(Math.min(timeMaskParam, nFrames) + 1);
            int t0 = rng.nextInt(nFrames - t + 1);
            time[2 * m] = t0;
            time[2 * m + 1] = t;
            for (int k = 0; k < nBins; k++) {
                java.util.Arrays.fill(out, k * nFrames + t0, k * nFrames + t0 + t, value);
            }
        }
        log.record("specAugment", "freq", freq, "time", time, "value", value);
        return out;
    }
}
