package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * Multiplies the clip by {@code 10^(g / 20)}, g drawn uniformly from [{@code minDb}, {@code maxDb}] dB (an
 * amplitude gain: +6 dB doubles the samples). There is no clipping: samples may leave [-1, 1].
 * {@snippet :
 * LabeledAudio louder = GainTransform.apply(clip, 6.0);                // every sample times 1.995
 * LabeledAudio drawn = GainTransform.ofDb(-6, 6).apply(clip, rng, log);   // log: gain{gainDb=...}
 * }
 */
public final class GainTransform implements AudioTransform {
    private final double minDb;
    private final double maxDb;

    private GainTransform(double minDb, double maxDb) {
        this.minDb = minDb;
        this.maxDb = maxDb;
    }

    /**
     * Returns a transform drawing its gain uniformly from [minDb, maxDb] dB (equal bounds: a fixed gain).
     *
     * @param minDb lowest gain in dB
     * @param maxDb highest gain in dB (&gt;= minDb)
     * @return the transform
     * @throws IllegalArgumentException if the range is not finite or min &gt; max
     */
    public static GainTransform ofDb(double minDb, double maxDb) {
        if (!(Double.isFinite(minDb) && Double.isFinite(maxDb) && minDb <= maxDb)) {
            throw new IllegalArgumentException("gain range must be finite with minDb <= maxDb, got [" + minDb + ", "
                    + maxDb + "]");
        }
        return new GainTransform(minDb, maxDb);
    }

    @Override
    public String name() {
        return "gain";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        double db = minDb == maxDb ? minDb : minDb + (maxDb - minDb) * rng.nextDouble();
        log.record(name(), "gainDb", db);
        return apply(in, db);
    }

    /**
     * Applies a given gain deterministically: every sample times {@code 10^(db / 20)}, computed in float.
     *
     * @param in the clip
     * @param db gain in dB (amplitude)
     * @return the scaled clip, same length, target and source
     * @throws IllegalArgumentException if the gain makes a sample infinite
     */
    public static LabeledAudio apply(LabeledAudio in, double db) {
        float g = (float) Math.pow(10.0, db / 20.0);
        float[] x = in.samplesView();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = g * x[i];
        }
        return in.withOwnedSamples(y);
    }
}
