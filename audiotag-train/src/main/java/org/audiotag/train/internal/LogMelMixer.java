package org.audiotag.train.internal;

import java.util.SplittableRandom;

/**
 * The {@code mix} augmentation on cached log-mel crops (docs/ORIGINAL-PROJECT.md §6): with a given probability a
 * training example is mixed with a random crop of another training clip. The two dB spectrograms are summed in the
 * power domain, {@code 10·log10(10^(a/10) + 10^(b/10))} per value (reference power 1, the {@code power_to_db}
 * scale), and the targets are united (element-wise maximum). Immutable; draws every random choice from the
 * generator it is given.
 */
public final class LogMelMixer {

    private final TrainingData data;
    private final double probability;

    /**
     * Creates the mixer of a run.
     *
     * @param data the run's data (log-mel features; training clips are the mixing partners)
     * @param probability probability of mixing an example, in [0, 1]; 0 = never (and no random number is drawn)
     */
    public LogMelMixer(TrainingData data, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability: " + probability + " must be in [0, 1]");
        }
        this.data = data;
        this.probability = probability;
    }

    /** Returns the probability of mixing an example, in [0, 1]. */
    public double probability() {
        return probability;
    }

    /**
     * Mixes one example in place with probability {@link #probability()}. Draws, in this order: one
     * {@code nextDouble} (only when the probability is positive), then the partner and its crop start when mixing.
     *
     * @param r the example's generator
     * @param x features; the example's {@code window × bins} values start at {@code xo} (dB, not yet normalised)
     * @param xo offset in {@code x}
     * @param y targets; the example's tags start at {@code yo}
     * @param yo offset in {@code y}
     */
    public void maybeMix(SplittableRandom r, float[] x, int xo, float[] y, int yo) {
        if (!(probability > 0 && r.nextDouble() < probability)) {
            return;
        }
        int other = data.trainClip(r.nextInt(data.trainSize()));
        float[] buf = new float[data.window() * data.bins()];
        data.crop(other, Crops.randomStart(data.frames(other), data.window(), r), buf, 0);
        mixDecibels(x, xo, buf, 0, buf.length);
        float[] t2 = data.dataset().target(other);
        for (int k = 0; k < data.numTags(); k++) {
            y[yo + k] = Math.max(y[yo + k], t2[k]);
        }
    }

    /**
     * Sums two dB arrays in the power domain into the first: {@code a[k] = 10·log10(10^(a[k]/10) + 10^(b[k]/10))},
     * computed stably as {@code m + 10·log10(1 + 10^((min − m)/10))} with {@code m = max(a, b)}.
     *
     * @param a first operand and result
     * @param ao offset in {@code a}
     * @param b second operand
     * @param bo offset in {@code b}
     * @param len number of values
     */
    public static void mixDecibels(float[] a, int ao, float[] b, int bo, int len) {
        for (int k = 0; k < len; k++) {
            double u = a[ao + k];
            double v = b[bo + k];
            double m = Math.max(u, v);
            a[ao + k] = (float) (m + 10 * Math.log10(1 + Math.pow(10, (Math.min(u, v) - m) / 10)));
        }
    }
}
