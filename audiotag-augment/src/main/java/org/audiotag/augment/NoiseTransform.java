package org.audiotag.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.audiotag.features.internal.fft.ComplexFft;
import org.audiotag.features.internal.fft.FftPlans;

/**
 * Additive noise. White noise is i.i.d. standard Gaussian; pink (power spectral density proportional to 1/f) and
 * brown (1/f^2) noise are white Gaussian noise shaped in the Fourier domain (bin k scaled by k^-1/2 or k^-1,
 * DC removed). In SNR mode the noise is scaled so that {@code 10 log10(P_signal / P_noise)} equals an SNR drawn
 * uniformly from [{@code snrDbMin}, {@code snrDbMax}] dB exactly, P being the mean square over the clip (an
 * all-zero clip, e.g. a silent crop, is returned unchanged and the draw record says {@code skipped}). In
 * fixed-amplitude mode the unit-variance noise is multiplied by a constant: the original's disabled
 * {@code x += 5e-5 * N(0, 1)} is {@link #faithful()}.
 * {@snippet :
 * NoiseTransform pink = NoiseTransform.atSnr(NoiseTransform.Color.PINK, 10, 30);   // SNR ~ U(10, 30) dB
 * LabeledAudio noisy = pink.apply(clip, new SplittableRandom(3), log);   // log: noise{color=PINK, snrDb=...}
 * double[] brown = NoiseTransform.generate(NoiseTransform.Color.BROWN, 44100, new SplittableRandom(4));
 * }
 */
public final class NoiseTransform implements AudioTransform {

    /** Spectral colour of the noise. */
    public enum Color {
        /** Flat power spectrum: i.i.d. Gaussian samples. */
        WHITE,
        /** Power spectrum proportional to 1/f (-3 dB per octave). */
        PINK,
        /** Power spectrum proportional to 1/f^2 (-6 dB per octave). */
        BROWN
    }

    private final Color color;
    private final double snrDbMin;
    private final double snrDbMax;
    private final double amplitude;

    private NoiseTransform(Color color, double snrDbMin, double snrDbMax, double amplitude) {
        this.color = color;
        this.snrDbMin = snrDbMin;
        this.snrDbMax = snrDbMax;
        this.amplitude = amplitude;
    }

    /**
     * Returns a transform adding noise at a signal-to-noise ratio drawn uniformly from [snrDbMin, snrDbMax] dB,
     * {@code SNR = 10 log10(P_signal / P_noise)} with P the mean square over the clip.
     *
     * @param color spectral colour
     * @param snrDbMin lowest SNR in dB (equal bounds give a fixed SNR)
     * @param snrDbMax highest SNR in dB (&gt;= min)
     * @return the transform
     * @throws IllegalArgumentException if the range is not finite or min &gt; max
     */
    public static NoiseTransform atSnr(Color color, double snrDbMin, double snrDbMax) {
        Objects.requireNonNull(color, "color");
        if (!(Double.isFinite(snrDbMin) && Double.isFinite(snrDbMax) && snrDbMin <= snrDbMax)) {
            throw new IllegalArgumentException("snrDb must be finite with min <= max, got [" + snrDbMin + ", "
                    + snrDbMax + "]");
        }
        return new NoiseTransform(color, snrDbMin, snrDbMax, Double.NaN);
    }

    /**
     * Returns a transform adding noise of a fixed standard deviation, independent of the signal's level.
     *
     * @param color spectral colour
     * @param amplitude standard deviation of the added noise, in sample units (full scale = 1), &gt;= 0
     * @return the transform
     * @throws IllegalArgumentException if amplitude is negative or not finite
     */
    public static NoiseTransform fixedAmplitude(Color color, double amplitude) {
        Objects.requireNonNull(color, "color");
        if (!(amplitude >= 0 && Double.isFinite(amplitude))) {
            throw new IllegalArgumentException("amplitude must be finite and >= 0, got " + amplitude);
        }
        return new NoiseTransform(color, Double.NaN, Double.NaN, amplitude);
    }

    /**
     * Returns the original's (disabled) noise: white, {@code x + 5e-5 * N(0, 1)}.
     *
     * @return {@code fixedAmplitude(Color.WHITE, 5e-5)}
     */
    public static NoiseTransform faithful() {
        return fixedAmplitude(Color.WHITE, 5e-5);
    }

    @Override
    public String name() {
        return "noise";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        float[] x = in.samplesView();
        double[] noise = generate(color, x.length, rng);
        double gain;
        if (Double.isNaN(amplitude)) {
            double snr = snrDbMin + (snrDbMax - snrDbMin) * rng.nextDouble();
            double ps = MixTransform.power(x);
            if (ps == 0) {
                // an SNR relative to silence is undefined: leave the clip as it is and say so in the record
                log.record(name(), "color", color, "snrDb", snr, "skipped", "silent clip");
                return in;
            }
            double pn = 0;
            for (double v : noise) {
                pn += v * v;
            }
            pn /= noise.length;
            gain = pn == 0 ? 0 : Math.sqrt(ps / (pn * Math.pow(10.0, snr / 10.0)));
            log.record(name(), "color", color, "snrDb", snr);
        } else {
            gain = amplitude;
            log.record(name(), "color", color, "amplitude", amplitude);
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] + gain * noise[i]);
        }
        return in.withOwnedSamples(y);
    }

    /**
     * Generates n samples of noise of a colour with unit mean square: white Gaussian noise, for pink and brown
     * shaped by one length-n FFT (bin k scaled by {@code min(k, n - k)^-1/2} or {@code ^-1}, DC set to 0).
     *
     * @param color spectral colour
     * @param n number of samples (&gt; 0)
     * @param rng generator (consumed: n Gaussian draws)
     * @return n samples with mean square 1 (white, and any colour when n &lt; 2: in expectation; pink and brown:
     *     exactly, with the mean removed)
     * @throws IllegalArgumentException if n &lt;= 0
     */
    public static double[] generate(Color color, int n, SplittableRandom rng) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rng.nextGaussian();
        }
        if (color == Color.WHITE || n < 2) {
            return w;
        }
        double exponent = color == Color.PINK ? 0.5 : 1.0;
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) {
            c[2 * i] = w[i];
        }
        ComplexFft fft = FftPlans.complex(n);
        fft.forward(c);
        c[0] = 0;
        c[1] = 0;
        for (int k = 1; k < n; k++) {
            int f = Math.min(k, n - k);
            double s = Math.pow(f, -exponent);
            c[2 * k] *= s;
            c[2 * k + 1] *= s;
        }
        fft.inverse(c, true);
        double p = 0;
        for (int i = 0; i < n; i++) {
            w[i] = c[2 * i];
            p += w[i] * w[i];
        }
        double g = p == 0 ? 0 : Math.sqrt(n / p);
        for (int i = 0; i < n; i++) {
            w[i] *= g;
        }
        return w;
    }
}
