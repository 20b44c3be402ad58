package org.audiotag.train.internal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.ExampleSeed;
import org.audiotag.augment.ImpulseResponse;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.augment.ReverbTransform;
import org.audiotag.train.FeatureCache;

/**
 * The original project's training augmentation, {@link AugmentPipeline#faithful}{@code (pool, irs, length)}
 * (docs/ORIGINAL-PROJECT.md §6 steps 1, 2, 4 and 7), drawn over the decoded-audio cache instead of clips held in
 * memory: the pool is the run's training clips, read from the memory-mapped PCM of a {@link FeatureCache}, and only
 * the samples that the first crop keeps are read and mixed.
 *
 * <p>For example (seed, epoch, index) it draws exactly what the library pipeline draws, from the same generators
 * ({@link ExampleSeed#forStage} of {@link ExampleSeed#exampleKey}, stage 0 mix, 1 crop, 2 reverb, 3 crop), and computes
 * the same floats in the same order:
 * <ol>
 * <li>mix: k = 1 + U{0, 1} clips, each drawn uniformly from the whole pool with replacement; weights c_i ~ U(0, 1)
 *     divided by their sum; all aligned at sample 0, {@code y[n] = sum_i (float) c_i · x_i[n]} over the clips in draw
 *     order, as long as the longest clip; target the element-wise maximum (union) of the clips' targets;</li>
 * <li>a mix of at least {@code length} samples is cropped at a start drawn from [0, L − length]; a shorter one is
 *     left as it is;</li>
 * <li>with probability 0.5 the crop is convolved with an impulse response drawn uniformly ({@link ReverbTransform}
 *     with {@link ReverbTransform.Builder#faithful()}: 100 % wet, full length L + M − 1, no level correction, whole
 *     tails; responses resampled to the clip rate once, at construction);</li>
 * <li>a result of at least {@code length} samples is cropped again at a start drawn from [0, L − length].</li>
 * </ol>
 * The output therefore has {@code length} samples unless every mixed clip was shorter (then it keeps its length).
 * Immutable and thread-safe.
 */
public final class CachedFaithfulPipeline {

    /**
     * One drawn example.
     *
     * @param samples the augmented audio, {@code length} samples (fewer only when all mixed clips were shorter)
     * @param target the union of the mixed clips' targets
     * @param source the mixed clips' names joined by {@code "+"}, as the library's mix names its output
     * @param poolIndices the positions in the pool of the mixed clips, in draw order
     * @param weights the normalised mixing weights, in draw order
     * @param impulseResponse index of the impulse response convolved with, or -1 when reverberation did not run
     */
    public record Example(float[] samples, float[] target, String source, int[] poolIndices, double[] weights,
            int impulseResponse) {
    }

    private static final double REVERB_PROBABILITY = 0.5;

    private final FeatureCache audio;
    private final int[] pool;
    private final float[][] targets;
    private final String[] names;
    private final int sampleRate;
    private final int length;
    private final ReverbTransform reverb;

    /**
     * Creates the pipeline over a pool of cached clips.
     *
     * @param audio the decoded-audio cache (one bin per frame, samples at {@code sampleRate})
     * @param pool cache indices of the pool clips (the training clips), in pool order; non-empty
     * @param targets the target of every cache index (only the pool's are read); one length
     * @param names the name of every cache index, for the source of a mix
     * @param sampleRate sample rate of the cached audio in Hz
     * @param irs the impulse responses (any rate: resampled to {@code sampleRate} here, once)
     * @param length crop length in samples, &gt; 0
     * @throws IllegalArgumentException if the pool or the impulse responses are empty, the length is not positive,
     *     or the audio cache has more than one bin
     */
    public CachedFaithfulPipeline(FeatureCache audio, int[] pool, float[][] targets, String[] names, int sampleRate,
            List<ImpulseResponse> irs, int length) {
        if (pool.length == 0) {
            throw new IllegalArgumentException("pool: no training clips (empty pool)");
        }
        if (length <= 0) {
            throw new IllegalArgumentException("length must be > 0 samples, got " + length);
        }
        if (audio.bins() != 1) {
            throw new IllegalArgumentException("audio: a decoded-audio cache has 1 bin, this one " + audio.bins());
        }
        this.audio = audio;
        this.pool = pool.clone();
        this.targets = targets;
        this.names = names;
        this.sampleRate = sampleRate;
        this.length = length;
        this.reverb = ReverbTransform.builder(irs, sampleRate).faithful().build();
    }

    /** Returns the crop length in samples. */
    public int length() {
        return length;
    }

    /** Returns the number of clips in the pool. */
    public int poolSize() {
        return pool.length;
    }

    /**
     * Draws example {@code index} of epoch {@code epoch} of run {@code seed}: equal, sample for sample and label for
     * label, to {@code AugmentPipeline.faithful(pool, irs, length).apply(anyClip, seed, epoch, index)} with the pool
     * clips in memory.
     *
     * @param seed run seed
     * @param epoch epoch number (0-based)
     * @param index example index within the epoch (0-based)
     * @return the example
     * @throws IllegalArgumentException if every drawn clip is empty (the message names them)
     */
    public Example draw(long seed, long epoch, long index) {
        long key = ExampleSeed.exampleKey(seed, epoch, index);
        // stage 0, mix (probability 1: no decision draw): k, the clips, the weights, as MixTransform draws them
        SplittableRandom r = ExampleSeed.forStage(key, 0);
        int k = 1 + r.nextInt(2);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = r.nextInt(pool.length);
        }
        int mixLength = 0;
        for (int i : idx) {
            mixLength = Math.max(mixLength, audio.frames(pool[i]));
        }
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = r.nextDouble();
            sum += w[i];
        }
        if (sum == 0) {
            Arrays.fill(w, 1.0);
            sum = k;
        }
        for (int i = 0; i < k; i++) {
            w[i] /= sum;
        }
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < k; i++) {
            source.append(i > 0 ? "+" : "").append(names[pool[idx[i]]]);
        }
        if (mixLength == 0) {
            throw new IllegalArgumentException(source + ": zero-length audio");
        }
        float[] target = new float[targets[pool[idx[0]]].length];
        for (int i : idx) {
            float[] t = targets[pool[i]];
            for (int j = 0; j < target.length; j++) {
                target[j] = Math.max(target[j], t[j]);
            }
        }
        for (int j = 0; j < target.length; j++) {
            target[j] = Math.min(1f, target[j]);
        }
        // stage 1, crop (probability 1): the window of the mix that is kept, mixed from the cache alone
        r = ExampleSeed.forStage(key, 1);
        int start = 0;
        int n = mixLength;
        if (mixLength >= length) {
            start = r.nextInt(mixLength - length + 1);
            n = length;
        }
        float[] y = new float[n];
        float[] x = new float[n];
        for (int i = 0; i < k; i++) {
            int clip = pool[idx[i]];
            int take = Math.min(n, audio.frames(clip) - start);
            if (take <= 0) {
                continue;
            }
            audio.copyFrames(clip, start, take, x, 0);
            float g = (float) w[i];
            for (int t = 0; t < take; t++) {
                y[t] += g * x[t];
            }
        }
        // stage 2, reverb with probability 0.5: the decision, then the response, as AugmentPipeline and
        // ReverbTransform draw them
        r = ExampleSeed.forStage(key, 2);
        int ir = -1;
        if (r.nextDouble() < REVERB_PROBABILITY) {
            ir = r.nextInt(reverb.size());
            y = reverb.convolve(LabeledAudio.of(y, sampleRate, target, source.toString()), ir).samples();
        }
        // stage 3, crop (probability 1)
        r = ExampleSeed.forStage(key, 3);
        if (y.length >= length) {
            int s = r.nextInt(y.length - length + 1);
            y = Arrays.copyOfRange(y, s, s + length);
        }
        return new Example(y, target, source.toString(), idx, w, ir);
    }
}
