package org.audiotag.style.internal;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.audiotag.features.internal.fft.FftPlans;
import org.audiotag.features.internal.fft.RealFft;

/**
 * The inner loop of fast Griffin-Lim (librosa.griffinlim 0.10.2) with every per-frame FFT run in parallel.
 *
 * <p>Spectra are kept frame-major in the packed real-FFT layout of audiotag-features' {@code RealFft.forwardPacked}
 * ({@code nFft} doubles per frame), so an iteration is: (1) inverse FFT and window of every frame, in place
 * (parallel over frames); (2) overlap-add divided
 * by the window sum-square where it exceeds the smallest normal double, cut to the output length (parallel over
 * disjoint ranges of output samples, each summing its overlapping frames in increasing frame order, cache-blocked,
 * so no two threads write the same sample); (3) forward STFT of that signal (zero or reflect padding) with the fused
 * update A = R - m/(1+m) R_prev, A = S A / (|A| + tiny) (parallel over frames). The arithmetic follows librosa's
 * order in double precision (the update computes S / (|A| + tiny) once per bin); the librosa griffinlim fixtures
 * match element-wise.
 */
public final class GriffinLimEngine {
    private final int nFft;
    private final int hop;
    private final boolean center;
    private final boolean reflect;
    private final double[] window;
    private final int nBins;
    private final int[] reIdx;
    private final int[] imIdx;
    private final RealFft fft;

    /**
     * Prepares the engine for one STFT configuration (FFT length, hop, window, centring and padding).
     *
     * @param nFft FFT length
     * @param hop hop length
     * @param window analysis/synthesis window padded to nFft
     * @param center whether frames are centred (n_fft/2 padding)
     * @param reflect reflect padding (numpy 'reflect') instead of zeros for the STFT of centred frames
     */
    public GriffinLimEngine(int nFft, int hop, double[] window, boolean center, boolean reflect) {
        this.nFft = nFft;
        this.hop = hop;
        this.window = window.clone();
        this.center = center;
        this.reflect = reflect;
        this.nBins = nFft / 2 + 1;
        this.reIdx = new int[nBins];
        this.imIdx = new int[nBins];
        for (int k = 0; k < nBins; k++) {
            if (k == 0) {
                reIdx[k] = 0;
                imIdx[k] = -1;
            } else if ((nFft & 1) == 0 && k == nFft / 2) {
                reIdx[k] = 1;
                imIdx[k] = -1;
            } else if ((nFft & 1) == 1 && k == nFft / 2) {
                reIdx[k] = nFft - 1;
                imIdx[k] = 1;
            } else {
                reIdx[k] = 2 * k;
                imIdx[k] = 2 * k + 1;
            }
        }
        this.fft = FftPlans.real(nFft);
    }

    /**
     * Returns the number of STFT frames of a signal, as librosa.stft: 1 + n / hop when centred, else
     * 1 + (n - n_fft) / hop (0 if shorter than n_fft).
     *
     * @param n signal length in samples
     * @return the number of frames a signal of {@code n} samples gives (librosa.stft)
     */
    public int frameCount(int n) {
        return center ? 1 + n / hop : (n < nFft ? 0 : 1 + (n - nFft) / hop);
    }

    /**
     * Runs fast Griffin-Lim (librosa.griffinlim) from the given magnitude and initial phase.
     *
     * @param magnitude (nBins, nFrames) row-major target magnitude
     * @param nFrames frames
     * @param nIter iterations
     * @param momentum librosa's momentum (0 = plain Griffin-Lim)
     * @param random initial phase uniform on [0, 2 pi) drawn in (bin, frame) order from this generator, or null
     *     for librosa's {@code init=None} (zero phase)
     * @param length output length
     * @return the signal
     */
    public double[] run(double[] magnitude, int nFrames, int nIter, double momentum, SplittableRandom random,
                        int length) {
        double[] s = new double[nBins * nFrames];
        double[] angles = new double[nFft * nFrames];
        for (int k = 0; k < nBins; k++) {
            for (int t = 0; t < nFrames; t++) {
                double mag = magnitude[k * nFrames + t];
                s[t * nBins + k] = mag;
                double re = mag;
                double im = 0.0;
                if (random != null) {
                    double phase = 2.0 * Math.PI * random.nextDouble();
                    re = Math.cos(phase) * mag;
                    im = Math.sin(phase) * mag;
                }
                angles[t * nFft + reIdx[k]] = re;
                if (imIdx[k] >= 0) {
                    angles[t * nFft + imIdx[k]] = im;
                }
            }
        }
        int nUse = synthesisFrames(nFrames, length);
        int expected = nFft + hop * (nUse - 1);
        double[] wss = windowSumSquare(nUse, expected);
        double[] y = new double[length];
        double[] rebuilt = new double[nFft * nFrames];
        double[] prev = new double[nFft * nFrames];
        double c = momentum / (1.0 + momentum);
        for (int it = 0; it < nIter; it++) {
            istft(angles, nUse, wss, expected, y);
            final double[] r = rebuilt;
            final double[] p = prev;
            final boolean first = it == 0;
            parallelFrames(nFrames, (t0, t1) -> {
                for (int t = t0; t < t1; t++) {
                    analyseFrame(y, t, r, p, first, c, s, angles);
                }
            });
            rebuilt = prev;
            prev = r;
        }
        istft(angles, nUse, wss, expected, y);
        return y;
    }

    /** R_t = stft frame t of y; A_t = S_t (R_t - c P_t) / (|R_t - c P_t| + tiny). */
    private void analyseFrame(double[] y, int t, double[] r, double[] p, boolean first, double c,
                              double[] s, double[] angles) {
        int o = t * nFft;
        fillFrame(y, t, r, o);
        fft.forwardPacked(r, o);
        int so = t * nBins;
        if ((nFft & 1) == 0) {
            // even n_fft: DC at o, Nyquist at o + 1 (both real), bin k at o + 2k, o + 2k + 1
            angles[o] = realBin(r[o], first ? 0.0 : p[o], c, s[so]);
            angles[o + 1] = realBin(r[o + 1], first ? 0.0 : p[o + 1], c, s[so + nBins - 1]);
            int half = nFft / 2;
            if (first) {
                for (int k = 1; k < half; k++) {
                    int ri = o + 2 * k;
                    double re = r[ri];
                    double im = r[ri + 1];
                    double scale = s[so + k] / (Math.sqrt(re * re + im * im) + Double.MIN_NORMAL);
                    angles[ri] = re * scale;
                    angles[ri + 1] = im * scale;
                }
            } else {
                for (int k = 1; k < half; k++) {
                    int ri = o + 2 * k;
                    double re = r[ri] - c * p[ri];
                    double im = r[ri + 1] - c * p[ri + 1];
                    double scale = s[so + k] / (Math.sqrt(re * re + im * im) + Double.MIN_NORMAL);
                    angles[ri] = re * scale;
                    angles[ri + 1] = im * scale;
                }
            }
            return;
        }
        for (int k = 0; k < nBins; k++) {
            int ri = o + reIdx[k];
            int ii = imIdx[k] >= 0 ? o + imIdx[k] : -1;
            double re = r[ri];
            double im = ii >= 0 ? r[ii] : 0.0;
            if (!first) {
                re -= c * p[ri];
                if (ii >= 0) {
                    im -= c * p[ii];
                }
            }
            double scale = s[so + k] / (Math.sqrt(re * re + im * im) + Double.MIN_NORMAL);
            angles[ri] = re * scale;
            if (ii >= 0) {
                angles[ii] = im * scale;
            }
        }
    }

    /** Update of a real bin (DC / Nyquist): S (R - c P) / (|R - c P| + tiny). */
    private static double realBin(double r, double p, double c, double mag) {
        double re = r - c * p;
        return re * (mag / (Math.abs(re) + Double.MIN_NORMAL));
    }

    /** In place: spectrum t of {@code frames} becomes window * irfft(spectrum). */
    private void synthesiseFrame(double[] frames, int t) {
        int o = t * nFft;
        fft.inversePacked(frames, o);
        for (int i = 0; i < nFft; i++) {
            frames[o + i] *= window[i];
        }
    }

    /**
     * y[i] for i in [i0, i1): the frames overlapping output sample j = i + start added in increasing frame order
     * (librosa's order), divided by the window sum-square where it exceeds the smallest normal double.
     */
    private void overlapAdd(double[] frames, double[] wss, int nUse, int expected, int start, double[] y, int i0,
                            int i1) {
        java.util.Arrays.fill(y, i0, i1, 0.0);
        int j0 = i0 + start;
        int j1 = Math.min(i1 + start, expected);
        if (j0 >= j1) {
            return;
        }
        final int block = 4096;
        for (int b0 = j0; b0 < j1; b0 += block) {
            int b1 = Math.min(j1, b0 + block);
            int tLo = Math.max(0, (b0 - nFft) / hop);
            int tHi = Math.min(nUse - 1, (b1 - 1) / hop);
            for (int t = tLo; t <= tHi; t++) {
                int fs = t * hop;
                int a = Math.max(b0, fs);
                int b = Math.min(b1, fs + nFft);
                int fo = t * nFft - fs;
                for (int j = a; j < b; j++) {
                    y[j - start] += frames[fo + j];
                }
            }
        }
        for (int j = j0; j < j1; j++) {
            double w = wss[j];
            if (w > Double.MIN_NORMAL) {
                y[j - start] /= w;
            }
        }
    }

    /** Frames librosa.istft uses for a given output length. */
    private int synthesisFrames(int nFrames, int length) {
        long padded = center ? (long) length + 2L * (nFft / 2) : length;
        return (int) Math.max(1, Math.min(nFrames, (padded + hop - 1) / hop));
    }

    private double[] windowSumSquare(int nUse, int expected) {
        double[] wss = new double[expected];
        for (int t = 0; t < nUse; t++) {
            int off = t * hop;
            for (int i = 0; i < nFft; i++) {
                wss[off + i] += window[i] * window[i];
            }
        }
        return wss;
    }

    /** y = istft(angles); the spectra in {@code angles} are overwritten by the windowed frames. */
    private void istft(double[] angles, int nUse, double[] wss, int expected, double[] y) {
        parallelFrames(nUse, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                synthesiseFrame(angles, t);
            }
        });
        int start = center ? nFft / 2 : 0;
        int len = y.length;
        int chunks = Math.max(1, Math.min(len, 8 * Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, chunks).parallel().forEach(ci -> overlapAdd(angles, wss, nUse, expected, start, y,
                (int) ((long) len * ci / chunks), (int) ((long) len * (ci + 1) / chunks)));
    }

    private void fillFrame(double[] y, int t, double[] out, int o) {
        long start = (long) t * hop - (center ? nFft / 2 : 0);
        int n = y.length;
        if (start >= 0 && start + nFft <= n) {
            int st = (int) start;
            for (int i = 0; i < nFft; i++) {
                out[o + i] = y[st + i] * window[i];
            }
            return;
        }
        for (int i = 0; i < nFft; i++) {
            long idx = start + i;
            double v;
            if (idx >= 0 && idx < n) {
                v = y[(int) idx];
            } else if (reflect && n > 1) {
                v = y[reflectIndex(idx, n)];
            } else {
                v = 0.0;
            }
            out[o + i] = v * window[i];
        }
    }

    /** numpy 'reflect' padding index (edge not repeated), reflecting repeatedly for wide pads. */
    static int reflectIndex(long idx, int n) {
        long period = 2L * (n - 1);
        long m = Math.floorMod(idx, period);
        return (int) (m < n ? m : period - m);
    }

    @FunctionalInterface
    private interface Range {
        void run(int t0, int t1);
    }

    private static void parallelFrames(int n, Range body) {
        int chunks = Math.max(1, Math.min(n, 8 * Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, chunks).parallel().forEach(ci -> {
            int t0 = (int) ((long) n * ci / chunks);
            int t1 = (int) ((long) n * (ci + 1) / chunks);
            body.run(t0, t1);
        });
    }
}
