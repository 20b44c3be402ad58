package org.audiotag.augment.internal;

import org.audiotag.features.internal.fft.FftPlans;

/**
 * Double-precision ports of the librosa 0.10.2 / scipy 1.10 routines behind {@code librosa.effects.time_stretch},
 * {@code librosa.effects.pitch_shift} and {@code librosa.effects.hpss}: {@code phase_vocoder},
 * {@code scipy.signal.resample} ({@code res_type='fft'}; pitch shift resamples from the non-integer rate
 * {@code sr / rate}), median-filter HPSS; the STFT and iSTFT are audiotag-features' {@code Stft} (n_fft 2048,
 * hop 512, periodic Hann, centred, zero padding, librosa-exact).
 *
 * <p>Complex matrices are kept as two arrays {@code re}, {@code im} in librosa's (bin, frame) layout: bin k of
 * frame t at {@code k * nFrames + t}.
 */
public final class Spectral {
    /** librosa's default STFT of the effects: n_fft 2048, hop 512, periodic Hann, centred, zero padding. */
    private static final org.audiotag.features.Stft STFT = org.audiotag.features.Stft.of(
            org.audiotag.features.StftConfig.builder().nFft(2048).hopLength(512).build());

    private Spectral() {
    }

    /** A complex (bin, frame) matrix as two row-major arrays. */
    public record ComplexMatrix(double[] re, double[] im, int nBins, int nFrames) {
    }

    /**
     * {@code librosa.phase_vocoder(D, rate=rate)} with the default hop {@code n_fft // 4}.
     *
     * @param d the STFT
     * @param rate speed-up factor (&gt; 0)
     * @return the stretched STFT with {@code len(arange(0, nFrames, rate))} frames
     */
    public static ComplexMatrix phaseVocoder(ComplexMatrix d, double rate) {
        int nBins = d.nBins();
        int nFrames = d.nFrames();
        int nFft = 2 * (nBins - 1);
        int hop = nFft / 4;
        int nOut = (int) Math.ceil(nFrames / rate);
        // numpy arange(0, n, rate): length ceil((stop - start) / step)
        double[] re = new double[nBins * nOut];
        double[] im = new double[nBins * nOut];
        double[] phiAdvance = new double[nBins];
        for (int k = 0; k < nBins; k++) {
            // fft_frequencies(sr=2*pi, n_fft) = rfftfreq(n_fft, d=1/(2 pi)) = k / (n_fft * (1/(2 pi)))
            phiAdvance[k] = hop * (k / (nFft * (1.0 / (2.0 * Math.PI))));
        }
        double[] phaseAcc = new double[nBins];
        for (int k = 0; k < nBins; k++) {
            phaseAcc[k] = Math.atan2(d.im()[k * nFrames], d.re()[k * nFrames]);
        }
        for (int t = 0; t < nOut; t++) {
            double step = t * rate;
            int c0 = (int) step;
            int c1 = c0 + 1;
            double alpha = step % 1.0;
            for (int k = 0; k < nBins; k++) {
                double r0 = c0 < nFrames ? d.re()[k * nFrames + c0] : 0.0;
                double i0 = c0 < nFrames ? d.im()[k * nFrames + c0] : 0.0;
                double r1 = c1 < nFrames ? d.re()[k * nFrames + c1] : 0.0;
                double i1 = c1 < nFrames ? d.im()[k * nFrames + c1] : 0.0;
                double mag = (1.0 - alpha) * Math.hypot(r0, i0) + alpha * Math.hypot(r1, i1);
                re[k * nOut + t] = Math.cos(phaseAcc[k]) * mag;
                im[k * nOut + t] = Math.sin(phaseAcc[k]) * mag;
                double dphase = Math.atan2(i1, r1) - Math.atan2(i0, r0) - phiAdvance[k];
                dphase = dphase - 2.0 * Math.PI * Math.rint(dphase / (2.0 * Math.PI));
                phaseAcc[k] += phiAdvance[k] + dphase;
            }
        }
        return new ComplexMatrix(re, im, nBins, nOut);
    }


    /**
     * {@code librosa.effects.hpss(y, kernel_size=kernel, power=power, margin=1)}: STFT (2048, hop 512), median
     * filters of the magnitude across time (harmonic) and across frequency (percussive) with
     * {@code scipy.ndimage.median_filter} ('reflect' edges), soft masks {@code util.softmask(H, P, power)} and
     * {@code softmask(P, H, power)}, iSTFT of each masked STFT to len(y).
     *
     * @param y signal
     * @param kernel odd median-filter length (librosa default 31)
     * @param power mask exponent (librosa default 2)
     * @return {harmonic, percussive}
     */
    public static double[][] hpss(double[] y, int kernel, double power) {
        org.audiotag.features.ComplexMatrix f = STFT.stft(y);
        ComplexMatrix d = new ComplexMatrix(f.realParts(), f.imagParts(), f.rows(), f.cols());
        int nb = d.nBins();
        int nf = d.nFrames();
        double[] mag = new double[nb * nf];
        for (int i = 0; i < mag.length; i++) {
            mag[i] = Math.hypot(d.re()[i], d.im()[i]);
        }
        double[] harm = new double[mag.length];
        double[] perc = new double[mag.length];
        double[] window = new double[kernel];
        int half = kernel / 2;
        for (int k = 0; k < nb; k++) {
            for (int t = 0; t < nf; t++) {
                for (int j = 0; j < kernel; j++) {
                    window[j] = mag[k * nf + reflect(t + j - half, nf)];
                }
                harm[k * nf + t] = median(window);
                for (int j = 0; j < kernel; j++) {
                    window[j] = mag[reflect(k + j - half, nb) * nf + t];
                }
                perc[k * nf + t] = median(window);
            }
        }
        double[] hr = new double[mag.length];
        double[] hi = new double[mag.length];
        double[] pr = new double[mag.length];
        double[] pi = new double[mag.length];
        for (int i = 0; i < mag.length; i++) {
            double z = Math.max(harm[i], perc[i]);
            double mh = 0;
            double mp = 0;
            if (z >= Double.MIN_NORMAL) {
                double a = Math.pow(harm[i] / z, power);
                double b = Math.pow(perc[i] / z, power);
                mh = a / (a + b);
                mp = b / (a + b);
            }
            hr[i] = d.re()[i] * mh;
            hi[i] = d.im()[i] * mh;
            pr[i] = d.re()[i] * mp;
            pi[i] = d.im()[i] * mp;
        }
        return new double[][] {
            STFT.istft(org.audiotag.features.ComplexMatrix.of(nb, nf, hr, hi), y.length),
            STFT.istft(org.audiotag.features.ComplexMatrix.of(nb, nf, pr, pi), y.length)};
    }

    /** scipy.ndimage 'reflect' (half-sample symmetric: d c b a | a b c d | d c b a) index into [0, n). */
    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** Median of an odd-length array (reorders it). */
    private static double median(double[] a) {
        int lo = 0;
        int hi = a.length - 1;
        int kth = a.length / 2;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (kth <= j) {
                hi = j;
            } else if (kth >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[kth];
    }

    /**
     * {@code librosa.effects.time_stretch(y, rate=rate)} (n_fft 2048, hop 512, centred, constant padding).
     *
     * @param y signal
     * @param rate speed-up factor (&gt; 1 shortens)
     * @return signal of {@code round(len(y) / rate)} samples (round half to even)
     */
    public static double[] timeStretch(double[] y, double rate) {
        org.audiotag.features.ComplexMatrix d = STFT.stft(y);
        ComplexMatrix st = phaseVocoder(new ComplexMatrix(d.realParts(), d.imagParts(), d.rows(), d.cols()), rate);
        int len = (int) Math.rint(y.length / rate);
        return STFT.istft(org.audiotag.features.ComplexMatrix.of(st.nBins(), st.nFrames(), st.re(), st.im()), len);
    }

    /**
     * {@code librosa.effects.pitch_shift(y, sr=sr, n_steps=nSteps, bins_per_octave=binsPerOctave, res_type='fft')}.
     *
     * @param y signal
     * @param sr sample rate in Hz
     * @param nSteps shift in fractional steps
     * @param binsPerOctave steps per octave
     * @return signal of the same length as y
     */
    public static double[] pitchShift(double[] y, double sr, double nSteps, double binsPerOctave) {
        double rate = Math.pow(2.0, -nSteps / binsPerOctave);
        double[] stretched = timeStretch(y, rate);
        double origSr = sr / rate;
        double ratio = sr / origSr;
        int n = (int) Math.ceil(stretched.length * ratio);
        double[] shifted = resample(stretched, n);
        double[] out = new double[y.length];
        System.arraycopy(shifted, 0, out, 0, Math.min(out.length, shifted.length));
        return out;
    }

    /**
     * {@code scipy.signal.resample(x, num)} for real input: Fourier-domain truncation or zero-padding, with the
     * Nyquist bin doubled (down) or halved (up) when the smaller length is even, scaled by num / len(x).
     *
     * @param x signal (non-empty)
     * @param num output length (&gt; 0)
     * @return the resampled signal
     */
    public static double[] resample(double[] x, int num) {
        int nx = x.length;
        double[] xr = new double[nx / 2 + 1];
        double[] xi = new double[nx / 2 + 1];
        FftPlans.real(nx).forward(x, xr, xi);
        int nOutBins = num / 2 + 1;
        double[] yr = new double[nOutBins];
        double[] yi = new double[nOutBins];
        int n = Math.min(num, nx);
        int nyq = n / 2 + 1;
        for (int k = 0; k < nyq && k < nOutBins; k++) {
            yr[k] = xr[k];
            yi[k] = xi[k];
        }
        if (n % 2 == 0) {
            if (num < nx) {
                yr[n / 2] *= 2.0;
                yi[n / 2] *= 2.0;
            } else if (nx < num) {
                yr[n / 2] *= 0.5;
                yi[n / 2] *= 0.5;
            }
        }
        double[] y = irfft(yr, yi, num);
        double scale = (double) num / (double) nx;
        for (int i = 0; i < num; i++) {
            y[i] *= scale;
        }
        return y;
    }

    /**
     * {@code numpy.fft.irfft(Y, n)}: the imaginary parts of the DC bin and (n even) the Nyquist bin are ignored.
     *
     * @param yr real parts of bins 0..n/2
     * @param yi imaginary parts of bins 0..n/2
     * @param n output length
     * @return the real signal
     */
    public static double[] irfft(double[] yr, double[] yi, int n) {
        double[] c = new double[2 * n];
        int half = n / 2;
        c[0] = yr[0];
        for (int k = 1; k <= half; k++) {
            double r = k < yr.length ? yr[k] : 0.0;
            double i = k < yi.length ? yi[k] : 0.0;
            if (n % 2 == 0 && k == half) {
                c[2 * k] = r;
                continue;
            }
            c[2 * k] = r;
            c[2 * k + 1] = i;
            c[2 * (n - k)] = r;
            c[2 * (n - k) + 1] = -i;
        }
        FftPlans.complex(n).inverse(c, true);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = c[2 * j];
        }
        return out;
    }
}
