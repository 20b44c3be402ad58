package org.audiotag.style;

import java.util.Objects;
import java.util.SplittableRandom;
import org.audiotag.features.MelConfig;
import org.audiotag.features.MelFilterBank;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import org.audiotag.style.internal.GriffinLimEngine;
import org.audiotag.style.internal.PseudoInverse;
import org.audiotag.style.internal.SparseMatrix;

/**
 * The faithful variant of the 2019 style-transfer notebook ({@code experiments_ST.ipynb},
 * docs/ORIGINAL-PROJECT.md §7), with its bugs (docs/ORIGINAL-PROJECT.md §10.11), for comparison with the fixed path
 * ({@link SpectrogramImage} with the stored dB range, {@link MelToAudio}). Use only to reproduce the original
 * behaviour.
 *
 * <ul>
 *   <li>{@link #monoToColor}: the notebook's mono_to_color: standardise with the image's own mean and std
 *       (eps 1e-6), min-max scale to [0, 255], truncate to integers (a constant image becomes all zeros).</li>
 *   <li>{@link #invert}: image value M in [0, 1] read as dB = 100 (M - 1) + 20 (i.e. [-80, +20] dB, whatever the
 *       image's real range was), amplitude 10^(dB/20), linear spectrum pinv(mel_basis) amp with negative values
 *       kept (mel_basis: sr 44100, n_fft 2560, 128 mels, fmin 20, fmax 22050, Slaney), 20 plain Griffin-Lim
 *       iterations (momentum 0) from a uniform random phase, STFT n_fft 2560 / hop 694 / Hann / centred with
 *       reflect padding (librosa 0.6), output length hop x (frames - 1), then the de-emphasis
 *       y[n] = x[n] + 0.97 y[n - 1] that was never matched by a pre-emphasis.</li>
 * </ul>
 * The random phase comes from {@code new SplittableRandom(seed)} (the notebook used numpy seed 42), so the audio is
 * reproducible but not sample-equal to the notebook's.
 *
 * <p>The notebook's round trip for a real clip: the pipeline-C log-mel (docs/ORIGINAL-PROJECT.md §1.5), its
 * {@code mono_to_color} picture divided by 255, then the notebook's inversion; {@code ogg} is a sound file (e.g.
 * {@code data/esc10/001 - Dog bark/1-100032-A.ogg}):
 * {@snippet :
 * MelConfig c = FeatureConfig.pipelineC().mel();             // 44100 Hz, n_fft 2560, hop 694, 128 mels, 20-22050 Hz
 * double[] y = AudioLoader.atRate(44100).load(ogg).samplesAsDouble();
 * DoubleMatrix db = Decibels.powerToDb(MelSpectrogram.of(c).compute(y), DbRef.ONE, 1e-10, 80.0);  // (128, frames)
 * double[] pixels = Legacy2019Inversion.monoToColor(db.toArray());          // uint8 levels 0..255, per-image scaling
 * double[] image = new double[pixels.length];
 * for (int i = 0; i < pixels.length; i++) {
 *     image[i] = pixels[i] / 255.0;                                          // the notebook's tensor values in [0, 1]
 * }
 * double[] audio = Legacy2019Inversion.invert(image, db.cols(), 42);        // 44100 Hz, not scaled to [-1, 1]
 * }
 * The levels of the result are not those of the clip (the bug: the picture's real dB range is lost); the fixed path
 * keeps the range in the PNG ({@link SpectrogramImage}) and inverts the restored dB values
 * ({@link MelToAudio#invertDb}).
 */
public final class Legacy2019Inversion {
    /** Sample rate of the notebook, Hz. */
    public static final int SR = 44100;
    /** FFT length of the notebook, in samples (1281 frequency bins). */
    public static final int N_FFT = 2560;
    /** Hop length of the notebook's pipeline C, in samples (347 x 2, about 15.7 ms at 44100 Hz). */
    public static final int HOP = 694;
    /** Griffin-Lim iterations of the notebook (plain Griffin-Lim, no momentum). */
    public static final int N_ITER = 20;
    /** The notebook's mel parameters: 128 Slaney mels from 20 to 22050 Hz over n_fft 2560 / hop 694, reflect. */
    private static final MelConfig MEL = MelConfig.builder().sampleRate(SR)
            .stft(StftConfig.builder().nFft(N_FFT).hopLength(HOP).padMode(PadMode.REFLECT).build()).nMels(128)
            .fMin(20).fMax(22050).build();

    private Legacy2019Inversion() { }

    /**
     * Converts values to the notebook's 8-bit picture levels, as its {@code mono_to_color} (one channel; the notebook
     * stacked three identical ones): standardise with the values' own mean and standard deviation (eps 1e-6),
     * min-max scale to [0, 255], truncate.
     *
     * @param values (rows, cols) row-major values (e.g. a dB mel spectrogram), any length &gt;= 1
     * @return integers 0..255 as doubles, same layout (all 0 for constant values)
     */
    public static double[] monoToColor(double[] values) {
        Objects.requireNonNull(values, "values");
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / values.length);
        double[] z = new double[values.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            z[i] = (values[i] - mean) / (std + 1e-6);
            lo = Math.min(lo, z[i]);
            hi = Math.max(hi, z[i]);
        }
        double[] out = new double[values.length];
        if (hi - lo > 1e-6) {
            for (int i = 0; i < values.length; i++) {
                double v = Math.min(hi, Math.max(lo, z[i]));
                out[i] = Math.floor(255.0 * (v - lo) / (hi - lo));
            }
        }
        return out;
    }

    /**
     * Inverts a [0, 1] mel picture to audio as the notebook did: dB = 100 (M - 1) + 20 read as an amplitude,
     * unclipped pinv(mel_basis), 20 plain Griffin-Lim iterations, de-emphasis (see the list above).
     *
     * @param image (128, frames) row-major values in [0, 1] (row 0 = lowest mel band)
     * @param frames number of frames (&gt;= 2)
     * @param seed seed of the random initial phase
     * @return audio at 44100 Hz, hop x (frames - 1) samples, not normalised (the [-80, +20] dB amplitude reading and
     *     the de-emphasis give peaks well above 1: about 6.9 for the dog bark of the example)
     * @throws IllegalArgumentException on a shape mismatch or a non-finite value
     */
    public static double[] invert(double[] image, int frames, long seed) {
        Objects.requireNonNull(image, "image");
        int nMels = MEL.nMels();
        if (frames < 2 || image.length != (long) nMels * frames) {
            throw new IllegalArgumentException("image: expected (128, frames >= 2), got " + image.length
                    + " values for frames=" + frames);
        }
        MelFilterBank fb = MelFilterBank.of(MEL);
        int nBins = fb.nBins();
        PseudoInverse pinv = new PseudoInverse(new SparseMatrix(fb.dense().toArray(), nMels, nBins));
        double[] amp = new double[nMels * frames];
        for (int m = 0; m < nMels; m++) {
            for (int t = 0; t < frames; t++) {
                double v = image[m * frames + t];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("image: value " + v + " at (mel " + m + ", frame " + t + ")");
                }
                amp[t * nMels + m] = Math.pow(10.0, (100.0 * (v - 1.0) + 20.0) / 20.0);
            }
        }
        double[] lin = new double[nBins * frames];
        pinv.solve(amp, lin, 0, frames);
        double[] s = new double[nBins * frames];
        for (int k = 0; k < nBins; k++) {
            for (int t = 0; t < frames; t++) {
                s[k * frames + t] = lin[t * nBins + k];
            }
        }
        double[] window = org.audiotag.features.Window.HANN.padded(N_FFT, N_FFT);
        GriffinLimEngine engine = new GriffinLimEngine(N_FFT, HOP, window, true, true);
        double[] y = engine.run(s, frames, N_ITER, 0.0, new SplittableRandom(seed), HOP * (frames - 1));
        for (int i = 1; i < y.length; i++) {
            y[i] = y[i] + 0.97 * y[i - 1];
        }
        return y;
    }
}
