package org.audiotag.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Mixes the input clip with k - 1 clips drawn (uniformly, with replacement) from a pool, k drawn uniformly from
 * [{@code minClips}, {@code maxClips}] (docs/ORIGINAL-PROJECT.md §6, step 1), and combines their targets.
 *
 * <p>Weights: {@link Weighting#UNIFORM_NORMALISED} draws c_i ~ U(0, 1) and divides by their sum (the original);
 * {@link Weighting#DIRICHLET} draws from a symmetric Dirichlet(alpha) (normalised Gamma(alpha, 1) draws);
 * {@link Weighting#SNR_DB} keeps the input at gain 1 and scales each added clip so that the input-to-clip power
 * ratio is an SNR drawn uniformly from [{@code snrDbMin}, {@code snrDbMax}] dB (label weights are then the
 * gains normalised to sum 1). Offsets: with {@code randomOffsets} each clip starts at a uniform offset in
 * [0, L - len_i] where L is the longest clip (the output length); otherwise all start at sample 0 (the
 * original). Labels: see {@link LabelCombination}. There is no loudness normalisation, as in the original.
 *
 * <p>With {@code keepInputLength} the output keeps the input's length and longer partners contribute a random
 * window of it (the windows' starts are recorded).
 *
 * <p>{@link #faithful} reproduces the original: the input ignored, k in {1, 2} clips drawn from the pool, uniform
 * normalised weights, aligned at 0, label union; its off-by-one (the last pool clip was never drawn) only on
 * request.
 *
 * <p>Mixing each training clip with one or two partners at 0 to 10 dB below it, as long as the input, labels
 * united; and a deterministic mix with soft labels:
 * {@snippet :
 * MixTransform mix = MixTransform.builder(pool)        // pool: the training clips, one rate, one class count
 *         .clips(2, 3)                                  // the input and 1 or 2 partners
 *         .weighting(MixTransform.Weighting.SNR_DB).snrDb(0, 10)
 *         .labels(MixTransform.LabelCombination.UNION)
 *         .keepInputLength(true)
 *         .build();
 * LabeledAudio mixed = mix.apply(clip, ExampleSeed.forExample(42L, 0L, 5L), log);   // log: mix{k=..., ...}
 * LabeledAudio ab = MixTransform.mix(List.of(a, b), new double[] {0.7, 0.3}, new int[] {0, 44100},
 *         MixTransform.LabelCombination.WEIGHTED);   // b starts 1 s in; target 0.7 y_a + 0.3 y_b
 * }
 */
public final class MixTransform implements AudioTransform {

    /** How the mixing weights are drawn. */
    public enum Weighting {
        /** Weights c_i ~ U(0, 1), normalised to sum 1 (the original). */
        UNIFORM_NORMALISED,
        /** Weights from a symmetric Dirichlet(alpha) (normalised Gamma(alpha, 1) draws). */
        DIRICHLET,
        /** The first clip at gain 1, each added clip scaled to a drawn SNR (dB) below it. */
        SNR_DB
    }

    /** How the targets of the mixed clips are combined. */
    public enum LabelCombination {
        /** Element-wise maximum of the targets, ignoring weights (the original's OR of multi-hot vectors). */
        UNION,
        /** Weighted sum, sum_i w_i y_i, with weights summing to 1: soft labels as in mixup. */
        WEIGHTED,
        /** Element-wise maximum of the weighted targets, max_i w_i y_i. */
        MAX
    }

    private final List<LabeledAudio> pool;
    private final int minClips;
    private final int maxClips;
    private final Weighting weighting;
    private final double alpha;
    private final double snrDbMin;
    private final double snrDbMax;
    private final boolean randomOffsets;
    private final LabelCombination labels;
    private final boolean keepInputLength;
    private final boolean drawAllFromPool;
    private final boolean excludeLastClip;

    private MixTransform(Builder b) {
        this.drawAllFromPool = b.drawAllFromPool;
        this.excludeLastClip = b.excludeLastClip;
        this.keepInputLength = b.keepInputLength;
        this.pool = List.copyOf(b.pool);
        this.minClips = b.minClips;
        this.maxClips = b.maxClips;
        this.weighting = b.weighting;
        this.alpha = b.alpha;
        this.snrDbMin = b.snrDbMin;
        this.snrDbMax = b.snrDbMax;
        this.randomOffsets = b.randomOffsets;
        this.labels = b.labels;
    }

    /**
     * Returns a builder with the recommended defaults: k in [1, 2], uniform normalised weights, random offsets,
     * label union, output as long as the longest clip.
     *
     * @param pool clips to draw the partners from (non-empty unless every mix is the input alone; one sample rate,
     *     one target length; checked by {@link Builder#build()})
     * @return the builder
     */
    public static Builder builder(List<LabeledAudio> pool) {
        return new Builder(pool);
    }

    /**
     * Returns the original mixing ({@code SoundAugDataset.__getitem__}): the input is ignored and k in {1, 2} clips are
     * drawn from the pool, uniform normalised weights, aligned at sample 0, label union. The original's
     * off-by-one (index drawn from {0..N-2}, so the last clip is never used) is kept only if
     * {@code withOffByOne} is true.
     *
     * @param pool the training clips (non-empty, at least 2 with the off-by-one; one sample rate, one target
     *     length)
     * @param withOffByOne reproduce the original's off-by-one
     * @return the transform
     * @throws IllegalArgumentException if the pool is too small or its clips differ in rate or target length
     */
    public static MixTransform faithful(List<LabeledAudio> pool, boolean withOffByOne) {
        return builder(pool).clips(1, 2).weighting(Weighting.UNIFORM_NORMALISED).randomOffsets(false)
                .labels(LabelCombination.UNION).drawAllFromPool(true).excludeLastClip(withOffByOne).build();
    }

    /**
     * Returns the original mixing with its off-by-one fixed, {@code faithful(pool, false)}.
     *
     * @param pool the training clips (non-empty, one sample rate, one target length)
     * @return the transform
     * @throws IllegalArgumentException if the pool is empty or its clips differ in rate or target length
     */
    public static MixTransform faithful(List<LabeledAudio> pool) {
        return faithful(pool, false);
    }

    @Override
    public String name() {
        return "mix";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        int k = minClips + rng.nextInt(maxClips - minClips + 1);
        List<LabeledAudio> clips = new ArrayList<>(k);
        int[] poolIdx = new int[k];
        int bound = excludeLastClip ? pool.size() - 1 : pool.size();
        if (drawAllFromPool) {
            poolIdx[0] = rng.nextInt(bound);
            clips.add(pool.get(poolIdx[0]));
        } else {
            clips.add(in);
            poolIdx[0] = -1;
        }
        for (int i = 1; i < k; i++) {
            poolIdx[i] = rng.nextInt(bound);
            clips.add(pool.get(poolIdx[i]));
        }
        if (k > 1 || drawAllFromPool) {
            checkCompatible(List.of(in, clips.get(0)));
            checkCompatible(clips);
        }
        int outLen = 0;
        for (LabeledAudio c : clips) {
            outLen = Math.max(outLen, c.length());
        }
        int[] offsets = new int[k];
        int[] windowStarts = new int[k];
        if (keepInputLength) {
            outLen = in.length();
            for (int i = 0; i < k; i++) {
                LabeledAudio c = clips.get(i);
                if (c.length() > outLen) {
                    windowStarts[i] = rng.nextInt(c.length() - outLen + 1);
                    float[] w = java.util.Arrays.copyOfRange(c.samplesView(), windowStarts[i],
                            windowStarts[i] + outLen);
                    clips.set(i, c.withOwned(w, c.targetView(), c.source()));
                }
            }
        }
        double[] weights = new double[k];
        double[] mixGains = new double[k];
        double[] snr = new double[k];
        switch (weighting) {
            case UNIFORM_NORMALISED -> {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    weights[i] = rng.nextDouble();
                    s += weights[i];
                }
                if (s == 0) {
                    Arrays.fill(weights, 1.0);
                    s = k;
                }
                for (int i = 0; i < k; i++) {
                    weights[i] /= s;
                }
                mixGains = weights.clone();
            }
            case DIRICHLET -> {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    weights[i] = gamma(alpha, rng);
                    s += weights[i];
                }
                for (int i = 0; i < k; i++) {
                    weights[i] = s > 0 ? weights[i] / s : 1.0 / k;
                }
                mixGains = weights.clone();
            }
            case SNR_DB -> {
                LabeledAudio ref = clips.get(0);
                double p0 = power(ref.samplesView());
                if (p0 == 0) {
                    throw new IllegalArgumentException(ref.source()
                            + ": silent clip, an SNR-weighted mix is undefined");
                }
                mixGains[0] = 1.0;
                for (int i = 1; i < k; i++) {
                    snr[i] = snrDbMin + (snrDbMax - snrDbMin) * rng.nextDouble();
                    double pi = power(clips.get(i).samplesView());
                    mixGains[i] = pi == 0 ? 0.0 : Math.sqrt(p0 / (pi * Math.pow(10.0, snr[i] / 10.0)));
                }
                double s = 0;
                for (double g : mixGains) {
                    s += g;
                }
                for (int i = 0; i < k; i++) {
                    weights[i] = mixGains[i] / s;
                }
            }
            default -> throw new IllegalStateException();
        }
        if (randomOffsets) {
            for (int i = 0; i < k; i++) {
                offsets[i] = rng.nextInt(outLen - clips.get(i).length() + 1);
            }
        }
        String[] sources = new String[k];
        for (int i = 0; i < k; i++) {
            sources[i] = clips.get(i).source();
        }
        List<Object> kv = new ArrayList<>(List.of("k", k, "sources", sources, "poolIndices", poolIdx, "weights",
                weights, "gains", mixGains, "offsets", offsets));
        if (keepInputLength) {
            kv.addAll(List.of("windowStarts", windowStarts));
        }
        if (weighting == Weighting.SNR_DB) {
            kv.addAll(List.of("snrDb", snr));
        }
        log.record(name(), kv.toArray());
        return mixUnchecked(clips, mixGains, weights, offsets, labels);
    }

    /**
     * Mixes given clips deterministically: {@code y[o_i + n] += w_i x_i[n]}, output length
     * {@code max_i(o_i + len_i)} samples; targets combined with weights {@code w} and clipped to at most 1.
     *
     * @param clips the clips (non-empty, one sample rate, one target length)
     * @param weights non-negative, finite, summing to 1 (within 1e-6)
     * @param offsets start of each clip in the output, &gt;= 0
     * @param labels how the targets are combined
     * @return the mixed clip at the clips' rate; its source lists the sources joined by {@code "+"}
     * @throws IllegalArgumentException on empty input, mismatched rates or target lengths, or weights that are
     *     negative, not finite or do not sum to 1
     */
    public static LabeledAudio mix(List<LabeledAudio> clips, double[] weights, int[] offsets,
            LabelCombination labels) {
        Objects.requireNonNull(labels, "labels");
        if (clips == null || clips.isEmpty()) {
            throw new IllegalArgumentException("clips: nothing to mix (empty list)");
        }
        if (weights.length != clips.size() || offsets.length != clips.size()) {
            throw new IllegalArgumentException("weights and offsets must have one entry per clip (" + clips.size()
                    + "), got " + weights.length + " and " + offsets.length);
        }
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0 && Double.isFinite(weights[i]))) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + weights[i]);
            }
            if (offsets[i] < 0) {
                throw new IllegalArgumentException("offsets[" + i + "] must be >= 0, got " + offsets[i]);
            }
            s += weights[i];
        }
        if (Math.abs(s - 1.0) > 1e-6) {
            throw new IllegalArgumentException("weights must sum to 1, got sum " + s + " for "
                    + Arrays.toString(weights));
        }
        checkCompatible(clips);
        return mixUnchecked(clips, weights, weights, offsets, labels);
    }

    private static LabeledAudio mixUnchecked(List<LabeledAudio> clips, double[] gains, double[] labelWeights,
            int[] offsets, LabelCombination labels) {
        int len = 0;
        for (int i = 0; i < clips.size(); i++) {
            len = Math.max(len, offsets[i] + clips.get(i).length());
        }
        float[] y = new float[len];
        int nClasses = clips.get(0).targetView().length;
        float[] t = new float[nClasses];
        StringBuilder src = new StringBuilder();
        for (int i = 0; i < clips.size(); i++) {
            LabeledAudio c = clips.get(i);
            float[] x = c.samplesView();
            float g = (float) gains[i];
            int o = offsets[i];
            for (int n = 0; n < x.length; n++) {
                y[o + n] += g * x[n];
            }
            float[] yi = c.targetView();
            float w = (float) labelWeights[i];
            for (int j = 0; j < nClasses; j++) {
                switch (labels) {
                    case UNION -> t[j] = Math.max(t[j], yi[j]);
                    case WEIGHTED -> t[j] += w * yi[j];
                    case MAX -> t[j] = Math.max(t[j], w * yi[j]);
                    default -> throw new IllegalStateException();
                }
            }
            if (i > 0) {
                src.append('+');
            }
            src.append(c.source());
        }
        for (int j = 0; j < nClasses; j++) {
            t[j] = Math.min(1f, t[j]);
        }
        return clips.get(0).withOwned(y, t, src.toString());
    }

    private static void checkCompatible(List<LabeledAudio> clips) {
        LabeledAudio first = clips.get(0);
        for (LabeledAudio c : clips) {
            if (c.sampleRate() != first.sampleRate()) {
                throw new IllegalArgumentException("clips must share one sample rate: " + first.source() + " is "
                        + first.sampleRate() + " Hz, " + c.source() + " is " + c.sampleRate() + " Hz");
            }
            if (c.targetView().length != first.targetView().length) {
                throw new IllegalArgumentException("clips must share one target length: " + first.source() + " has "
                        + first.targetView().length + " classes, " + c.source() + " has " + c.targetView().length);
            }
        }
    }

    static double power(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return s / x.length;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape &lt; 1 boost. */
    static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1.0) {
            double u = rng.nextDouble();
            return gamma(shape + 1.0, rng) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Builder of {@link MixTransform}; {@link #build()} validates every parameter. */
    public static final class Builder {
        private final List<LabeledAudio> pool;
        private int minClips = 1;
        private int maxClips = 2;
        private Weighting weighting = Weighting.UNIFORM_NORMALISED;
        private double alpha = 1.0;
        private double snrDbMin = 0.0;
        private double snrDbMax = 10.0;
        private boolean randomOffsets = true;
        private LabelCombination labels = LabelCombination.UNION;
        private boolean keepInputLength;
        private boolean drawAllFromPool;
        private boolean excludeLastClip;

        private Builder(List<LabeledAudio> pool) {
            this.pool = pool == null ? List.of() : new ArrayList<>(pool);
        }

        /**
         * Sets the range of k, the number of clips in a mix, drawn uniformly from [min, max] (default [1, 2]).
         *
         * @param min smallest number of clips in a mix, the input included (&gt;= 1; 1 = the input alone)
         * @param max largest number (&gt;= min)
         * @return this builder
         */
        public Builder clips(int min, int max) {
            this.minClips = min;
            this.maxClips = max;
            return this;
        }

        /**
         * Sets how the mixing weights are drawn (default {@link Weighting#UNIFORM_NORMALISED}).
         *
         * @param w how weights are drawn
         * @return this builder
         * @throws NullPointerException if w is null
         */
        public Builder weighting(Weighting w) {
            this.weighting = Objects.requireNonNull(w, "weighting");
            return this;
        }

        /**
         * Sets the Dirichlet concentration alpha used with {@link Weighting#DIRICHLET} (default 1: uniform on the
         * simplex; small values favour one dominant clip, large values equal weights).
         *
         * @param a Dirichlet concentration (&gt; 0)
         * @return this builder
         */
        public Builder dirichletAlpha(double a) {
            this.alpha = a;
            return this;
        }

        /**
         * Sets the SNR range used with {@link Weighting#SNR_DB} (default [0, 10] dB): each added clip i is scaled
         * so that {@code 10 log10(P_0 / (g_i^2 P_i))} is drawn uniformly from [min, max], P the mean square.
         *
         * @param min lowest SNR in dB of the first clip over each added clip
         * @param max highest SNR in dB (&gt;= min)
         * @return this builder
         */
        public Builder snrDb(double min, double max) {
            this.snrDbMin = min;
            this.snrDbMax = max;
            return this;
        }

        /**
         * Sets whether clips start at random offsets (default true): clip i starts at a uniform offset in
         * [0, L - len_i], L the output length.
         *
         * @param r random offsets (true) or every clip at sample 0 (false, the original)
         * @return this builder
         */
        public Builder randomOffsets(boolean r) {
            this.randomOffsets = r;
            return this;
        }

        /**
         * Sets whether the mix keeps the input's length (default false).
         *
         * @param keep make the mix as long as the input: a longer partner contributes a window of that length
         *     starting at a uniform position, a shorter one a random (or zero) offset; for fixed-length training
         *     crops. Default false: the mix is as long as its longest clip (the original)
         * @return this builder
         */
        public Builder keepInputLength(boolean keep) {
            this.keepInputLength = keep;
            return this;
        }

        /**
         * Sets whether all k clips are drawn from the pool, the input ignored (default false).
         *
         * @param all ignore the input clip and draw all k clips from the pool (the original, whose dataset ignored
         *     the requested index); default false: the input is the first clip of the mix
         * @return this builder
         */
        public Builder drawAllFromPool(boolean all) {
            this.drawAllFromPool = all;
            return this;
        }

        /**
         * Sets whether the last pool clip is never drawn, as the original's off-by-one did (default false).
         *
         * @param exclude draw pool indices from {0..N-2} instead of {0..N-1}
         * @return this builder
         */
        public Builder excludeLastClip(boolean exclude) {
            this.excludeLastClip = exclude;
            return this;
        }

        /**
         * Sets how the targets of the mixed clips are combined (default {@link LabelCombination#UNION}).
         *
         * @param l how targets are combined
         * @return this builder
         * @throws NullPointerException if l is null
         */
        public Builder labels(LabelCombination l) {
            this.labels = Objects.requireNonNull(l, "labels");
            return this;
        }

        /**
         * Validates the parameters and the pool and builds the transform.
         *
         * @return the transform
         * @throws IllegalArgumentException naming the parameter that is out of range, or the pool clips that
         *     differ in sample rate or target length
         */
        public MixTransform build() {
            if (minClips < 1 || maxClips < minClips) {
                throw new IllegalArgumentException("clips must satisfy 1 <= min <= max, got [" + minClips + ", "
                        + maxClips + "]");
            }
            if ((maxClips > 1 || drawAllFromPool) && pool.isEmpty()) {
                throw new IllegalArgumentException("pool: no clips to mix with (empty pool)");
            }
            if (excludeLastClip && pool.size() < 2) {
                throw new IllegalArgumentException("excludeLastClip needs a pool of at least 2 clips, got "
                        + pool.size());
            }
            if (!(alpha > 0 && Double.isFinite(alpha))) {
                throw new IllegalArgumentException("dirichletAlpha must be > 0, got " + alpha);
            }
            if (!(Double.isFinite(snrDbMin) && Double.isFinite(snrDbMax) && snrDbMin <= snrDbMax)) {
                throw new IllegalArgumentException("snrDb must be finite with min <= max, got [" + snrDbMin + ", "
                        + snrDbMax + "]");
            }
            if (!pool.isEmpty()) {
                checkCompatible(pool);
            }
            return new MixTransform(this);
        }
    }
}
