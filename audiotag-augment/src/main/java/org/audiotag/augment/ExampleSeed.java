package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * Counter-based derivation of random generators: example {@code index} of epoch {@code epoch} of run seed
 * {@code seed} gets a 64-bit key obtained by chaining the SplitMix64 finaliser (Steele, Lea and Flood 2014) over
 * (seed, epoch, index), and each pipeline stage gets a generator keyed by (example key, stage). The generator
 * of an example therefore depends on nothing but these numbers: not on the thread that runs it nor on the order
 * in which examples are produced. This fixes the original project's repeated random stream across workers
 * (docs/ORIGINAL-PROJECT.md §10.7).
 *
 * <p>{@link AugmentPipeline} and {@link ParallelAugmentLoader} use these generators; use them directly to apply a
 * transform outside a pipeline, reproducibly:
 * {@snippet :
 * SplittableRandom rng = ExampleSeed.forExample(42L, 0L, 17L);   // run seed 42, epoch 0, example 17
 * LabeledAudio noisy = NoiseTransform.atSnr(NoiseTransform.Color.WHITE, 20, 20).apply(clip, rng, new DrawLog());
 * }
 */
public final class ExampleSeed {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private ExampleSeed() {
    }

    /**
     * Returns the SplitMix64 finaliser of {@code x + 0x9E3779B97F4A7C15} (the golden gamma): a bijective 64-bit
     * mixing function, the output function of {@link SplittableRandom}.
     *
     * @param x any value
     * @return the mixed value
     */
    public static long mix64(long x) {
        long z = x + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the 64-bit key of one example, from which the generators of its pipeline stages are derived.
     *
     * @param seed run seed
     * @param epoch epoch number (0-based)
     * @param index example index within the epoch (0-based)
     * @return a 64-bit key, a pure function of the three numbers
     */
    public static long exampleKey(long seed, long epoch, long index) {
        long h = mix64(seed);
        h = mix64(h ^ mix64(epoch + 0x632BE59BD9B4E019L));
        return mix64(h ^ mix64(index + 0x2545F4914F6CDD1DL));
    }

    /**
     * Returns the generator of one example, {@code new SplittableRandom(exampleKey(seed, epoch, index))}.
     *
     * @param seed run seed
     * @param epoch epoch number (0-based)
     * @param index example index within the epoch (0-based)
     * @return a fresh generator
     */
    public static SplittableRandom forExample(long seed, long epoch, long index) {
        return new SplittableRandom(exampleKey(seed, epoch, index));
    }

    /**
     * Returns the generator of pipeline stage {@code stage} of the example with key {@code exampleKey},
     * independent of whether earlier stages ran or how many numbers they drew.
     *
     * @param exampleKey key from {@link #exampleKey}
     * @param stage stage position (0-based)
     * @return a fresh generator
     */
    public static SplittableRandom forStage(long exampleKey, int stage) {
        return new SplittableRandom(mix64(exampleKey ^ mix64(stage + 0x1F83D9ABFB41BD6BL)));
    }

    /**
     * Returns the generator of the epoch itself, independent of every example's generators (for example to
     * shuffle the order of examples, as {@link ParallelAugmentLoader.Builder#shuffle(boolean)} does).
     *
     * @param seed run seed
     * @param epoch epoch number (0-based)
     * @return a fresh generator
     */
    public static SplittableRandom forEpoch(long seed, long epoch) {
        return new SplittableRandom(mix64(mix64(seed) ^ mix64(epoch + 0x5BE0CD19137E2179L)));
    }
}
