package org.audiotag.augment;

import java.util.SplittableRandom;
import org.audiotag.augment.internal.Spectral;

/**
 * Time stretch without pitch change, {@code librosa.effects.time_stretch}: STFT (n_fft 2048, hop 512, periodic
 * Hann, centred, zero padding), {@code librosa.phase_vocoder}, iSTFT to {@code round(L / rate)} samples, all in
 * double precision (matches the librosa 0.10.2 fixtures within their double tolerances). The rate is drawn
 * uniformly from [{@code minRate}, {@code maxRate}]; rate &gt; 1 speeds up (shortens).
 * {@snippet :
 * float[] faster = TimeStretch.stretch(clip.samples(), 1.25);   // round(L / 1.25) samples, same pitch
 * LabeledAudio drawn = TimeStretch.ofRate(0.8, 1.25).apply(clip, rng, log);   // log: timeStretch{rate=...}
 * }
 */
public final class TimeStretch implements AudioTransform {
    private final double minRate;
    private final double maxRate;

    private TimeStretch(double minRate, double maxRate) {
        this.minRate = minRate;
        this.maxRate = maxRate;
    }

    /**
     * Returns a transform stretching by a rate drawn uniformly from [minRate, maxRate] (equal bounds: a fixed rate).
     *
     * @param minRate lowest rate, in (0, 100]
     * @param maxRate highest rate, in (0, 100] and &gt;= minRate
     * @return the transform
     * @throws IllegalArgumentException if a bound is outside (0, 100] or the range is not ordered
     */
    public static TimeStretch ofRate(double minRate, double maxRate) {
        checkRate(minRate);
        checkRate(maxRate);
        if (minRate > maxRate) {
            throw new IllegalArgumentException("rate range must have min <= max, got [" + minRate + ", " + maxRate
                    + "]");
        }
        return new TimeStretch(minRate, maxRate);
    }

    private static void checkRate(double r) {
        if (!(r > 0 && r <= 100 && Double.isFinite(r))) {
            throw new IllegalArgumentException("rate must be in (0, 100], got " + r);
        }
    }

    @Override
    public String name() {
        return "timeStretch";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        double rate = minRate == maxRate ? minRate : minRate + (maxRate - minRate) * rng.nextDouble();
        log.record(name(), "rate", rate);
        return in.withOwnedSamples(stretch(in.samplesView(), rate));
    }

    /**
     * Stretches a signal, {@code librosa.effects.time_stretch(y, rate=rate)}.
     *
     * @param y samples (non-empty)
     * @param rate speed-up factor in (0, 100]
     * @return {@code round(len(y) / rate)} samples (round half to even), at least one
     * @throws IllegalArgumentException if y is empty, the rate is out of range, or it leaves no sample
     */
    public static float[] stretch(float[] y, double rate) {
        checkRate(rate);
        if (y.length == 0) {
            throw new IllegalArgumentException("y: zero-length audio");
        }
        if (Math.rint(y.length / rate) < 1) {
            throw new IllegalArgumentException("rate " + rate + " leaves no samples of a " + y.length
                    + "-sample clip");
        }
        return toFloat(Spectral.timeStretch(toDouble(y), rate));
    }

    static double[] toDouble(float[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i];
        }
        return d;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
