package org.audiotag.train.internal;

import java.util.SplittableRandom;

/**
 * Counter-based seeds: every random decision of a run is drawn from a generator seeded by (run seed, epoch, index),
 * so a resumed run repeats exactly what an uninterrupted run would do. Mixing is SplitMix64's finaliser.
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * Returns SplitMix64's finaliser (avalanche) of a 64-bit value.
     *
     * @param z a 64-bit value
     * @return the mixed value
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns a generator determined only by (seed, stream, epoch, index).
     *
     * @param seed run seed
     * @param stream purpose (e.g. 1 = shuffle, 2 = crops)
     * @param epoch epoch number
     * @param index example index (or -1)
     * @return a generator determined by the four values
     */
    public static SplittableRandom of(long seed, long stream, long epoch, long index) {
        long z = mix(seed + 0x9e3779b97f4a7c15L * (stream + 1));
        z = mix(z ^ (epoch * 0xd1b54a32d192ed03L));
        z = mix(z ^ (index * 0xaef17502108ef2d9L));
        return new SplittableRandom(z);
    }

    /**
     * Returns a Fisher–Yates shuffled copy.
     *
     * @param a values
     * @param r generator
     * @return the shuffled copy
     */
    public static int[] shuffled(int[] a, SplittableRandom r) {
        int[] b = a.clone();
        for (int i = b.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return b;
    }
}
