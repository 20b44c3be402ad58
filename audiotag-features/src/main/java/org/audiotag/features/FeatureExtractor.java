package org.audiotag.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import org.audiotag.features.internal.Checks;

/**
 * Turns mono audio at {@link FeatureConfig#sampleRate()} into the model input a {@link FeatureConfig} describes:
 * optional silence trimming ({@link Trim}, {@code librosa.effects.trim}), the fixed-length step
 * ({@link FixedLength}), then the log-mel ({@code librosa.power_to_db(librosa.feature.melspectrogram(y=y, ...))},
 * float32 fast path) as the {@code (n_mels, frames)} image or the {@code (frames, n_mels)} sequence, or the raw
 * waveform {@code (1, n_samples)} (optionally mu-law compressed). These are the pipelines of the original project
 * (docs/ORIGINAL-PROJECT.md §1.3 to §1.5).
 *
 * <p>Immutable and thread-safe: FFT plans, buffers and the sparse mel filter bank are built once and reused (per
 * thread), and {@link #extractBatch(List)} spreads a batch over all cores (shared daemon worker pools that end
 * after a minute without work).
 *
 * <p>Pipeline A's 128 x 128 image of a {@code Path file}:
 * {@snippet :
 * FeatureExtractor extractor = FeatureExtractor.of(FeatureConfig.pipelineA());
 * AudioClip clip = AudioLoader.atRate(44100).load(file);     // the configuration's sample rate
 * FeatureMatrix image = extractor.extract(clip);              // (128 mels, 128 frames) in dB: the first 2 s
 * TimeMajorFeatures input = TimeMajorFeatures.of(FeatureConfig.Kind.LOG_MEL_IMAGE, image);   // (frames, mels)
 * // every 2-s window, one second apart, for test-time averaging
 * List<FeatureMatrix> windows = extractor.extractWindows(clip.samples(), 44100);
 * // many clips on all cores, in order
 * List<FeatureMatrix> images = extractor.extractBatch(List.of(clip.samples(), clip.samples()));
 * }
 */
public final class FeatureExtractor {
    private final FeatureConfig config;
    private final MelSpectrogram mel;
    private final Trim trim;

    private FeatureExtractor(FeatureConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.mel = config.kind() == FeatureConfig.Kind.RAW_WAVEFORM ? null : config.melSpectrogram();
        this.trim = config.trimTopDb() > 0 ? Trim.of(config.trimTopDb(), 2048, 512, config.trimPadMode()) : null;
    }

    /**
     * Returns an extractor for a configuration; the mel filter bank is computed here, once.
     *
     * @param config the extraction to perform
     * @return an extractor for it
     */
    public static FeatureExtractor of(FeatureConfig config) {
        return new FeatureExtractor(config);
    }

    /**
     * Returns the configuration this extractor performs; store it with a trained model.
     *
     * @return the configuration
     */
    public FeatureConfig config() {
        return config;
    }

    /**
     * Extracts the features of mono samples deterministically: random-crop policies keep the first
     * {@code n_samples}, as the original's validation did.
     *
     * @param y mono audio at the configured sample rate, at least one sample, finite
     * @return the feature matrix: {@code (n_mels, frames)} dB for {@code LOG_MEL_IMAGE}, {@code (frames, n_mels)}
     *     for {@code LOG_MEL_SEQUENCE}, {@code (1, n_samples)} for {@code RAW_WAVEFORM}
     * @throws IllegalArgumentException if {@code y} is null, empty or not finite
     */
    public FeatureMatrix extract(float[] y) {
        return extract(y, null);
    }

    /**
     * Extracts the features of mono samples with a random source for the random-crop policy (training-time crops).
     *
     * @param y mono audio at the configured sample rate, at least one sample, finite
     * @param rng random source, or null for the deterministic first crop
     * @return the feature matrix, shaped as by {@link #extract(float[])}
     * @throws IllegalArgumentException if {@code y} is null, empty or not finite
     */
    public FeatureMatrix extract(float[] y, SplittableRandom rng) {
        float[] prepared = prepare(y, rng);
        if (config.kind() == FeatureConfig.Kind.RAW_WAVEFORM) {
            return featuresOfPrepared(prepared);
        }
        // prepare() checked the samples; trimming and padding keep them finite and non-empty
        FeatureMatrix db = Decibels.powerToDb(mel.computeChecked(prepared), config.ref(), config.amin(),
                config.topDb());
        return config.kind() == FeatureConfig.Kind.LOG_MEL_SEQUENCE ? db.transpose() : db;
    }

    /**
     * Extracts the features of a clip deterministically, after checking its sample rate.
     *
     * @param clip mono audio; its rate must equal {@link FeatureConfig#sampleRate()}
     * @return the feature matrix, shaped as by {@link #extract(float[])}
     * @throws IllegalArgumentException if the sample rate differs (resample with {@code AudioLoader} first)
     */
    public FeatureMatrix extract(AudioClip clip) {
        if (clip.sampleRate() != config.sampleRate()) {
            throw new IllegalArgumentException("clip " + clip.sourceName() + " has sample rate "
                    + clip.sampleRate() + " Hz but the feature config expects sr=" + config.sampleRate());
        }
        return extract(clip.samples());
    }

    /**
     * Extracts the test-time features of a whole clip: after trimming (if configured),
     * {@link FixedLength#slidingWindows} of {@link FeatureConfig#nSamples()} samples every {@code hopSamples}, each
     * turned into features; score each window and average (or max) the model outputs (the fix of
     * docs/ORIGINAL-PROJECT.md §10.4).
     *
     * @param y mono audio at the configured sample rate, at least one sample, finite
     * @param hopSamples step between windows in samples, &gt;= 1 (e.g. one second)
     * @return one feature matrix per window, in time order
     * @throws IllegalArgumentException if {@code y} is empty or not finite, or {@code hopSamples < 1}
     */
    public List<FeatureMatrix> extractWindows(float[] y, int hopSamples) {
        Checks.finiteSignal(y, "y");
        float[] x = y;
        if (trim != null) {
            int[] span = trim.span(x);
            if (span[1] > span[0]) {
                x = java.util.Arrays.copyOfRange(x, span[0], span[1]);
            }
        }
        List<FeatureMatrix> out = new ArrayList<>();
        for (float[] w : FixedLength.slidingWindows(x, config.nSamples(), hopSamples)) {
            out.add(featuresOfPrepared(w));
        }
        return out;
    }

    /**
     * Returns the waveform after trimming and the fixed-length step, i.e. what the spectral part sees.
     *
     * @param y mono audio at the configured sample rate, at least one sample, finite
     * @param rng random source for random crops, or null for the first crop
     * @return the prepared waveform, a new array (of {@code n_samples} samples unless the policy keeps the length)
     * @throws IllegalArgumentException if {@code y} is null, empty or not finite
     */
    public float[] prepare(float[] y, SplittableRandom rng) {
        Checks.finiteSignal(y, "y");
        float[] x = y;
        if (trim != null) {
            int[] span = trim.span(x);
            if (span[1] > span[0]) {
                x = java.util.Arrays.copyOfRange(x, span[0], span[1]);
            }
        }
        if (config.lengthPolicy() == FixedLength.Policy.CENTRE_PAD_RANDOM_CROP && rng != null) {
            return FixedLength.randomCrop(FixedLength.centrePad(x, config.nSamples()), config.nSamples(), rng,
                    config.faithfulCrop());
        }
        return FixedLength.apply(x, config.nSamples(), config.lengthPolicy(), rng);
    }

    /**
     * Computes the features of an already prepared waveform, without trimming or length change.
     *
     * @param prepared mono audio at the configured sample rate, e.g. from {@link #prepare}
     * @return the feature matrix, shaped as by {@link #extract(float[])}
     */
    public FeatureMatrix featuresOfPrepared(float[] prepared) {
        switch (config.kind()) {
            case RAW_WAVEFORM: {
                float[] w = config.muLaw() > 0 ? MuLaw.compress(prepared, config.muLaw()) : prepared.clone();
                return new FeatureMatrix(1, w.length, w, true);
            }
            case LOG_MEL_SEQUENCE:
                return logMel(prepared).transpose();
            default:
                return logMel(prepared);
        }
    }

    /**
     * Computes the log-mel spectrogram of the whole signal, {@code power_to_db(melspectrogram(y), ref, amin, top_db)}
     * with this configuration's parameters, in float32, without trimming or length change.
     *
     * @param y mono audio at the configured sample rate, at least one sample, finite
     * @return the log-mel spectrogram {@code (n_mels, frames)} in dB (also for a {@code LOG_MEL_SEQUENCE} kind)
     * @throws IllegalArgumentException if {@code y} is null, empty or not finite
     */
    public FeatureMatrix logMel(float[] y) {
        MelSpectrogram m = mel != null ? mel : config.melSpectrogram();
        return Decibels.powerToDb(m.compute(y), config.ref(), config.amin(), config.topDb());
    }

    /**
     * Extracts a batch deterministically on all cores (one worker per available processor).
     *
     * @param clips mono clips at the configured sample rate
     * @return features in the order of {@code clips}
     * @throws IllegalArgumentException naming the index of the first bad clip
     */
    public List<FeatureMatrix> extractBatch(List<float[]> clips) {
        return extractBatch(clips, Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * Extracts a batch deterministically on a given number of threads.
     *
     * @param clips mono clips at the configured sample rate
     * @param threads worker threads, &gt;= 1 (1 = the calling thread only)
     * @return features in the order of {@code clips}
     * @throws IllegalArgumentException if {@code threads < 1}, or naming the index of the first bad clip
     */
    public List<FeatureMatrix> extractBatch(List<float[]> clips, int threads) {
        return extractBatch(clips, threads, null);
    }

    /**
     * Extracts a batch with seeded random crops: clip {@code i} uses the {@code i}-th generator split from
     * {@code new SplittableRandom(seed)}, so the result does not depend on the thread count.
     *
     * @param clips mono clips at the configured sample rate
     * @param threads worker threads, &gt;= 1
     * @param seed seed of the crops, or null for deterministic first crops
     * @return features in the order of {@code clips}
     * @throws IllegalArgumentException if {@code threads < 1}, or naming the index of the first bad clip
     */
    public List<FeatureMatrix> extractBatch(List<float[]> clips, int threads, Long seed) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        SplittableRandom[] rngs = null;
        if (seed != null) {
            SplittableRandom root = new SplittableRandom(seed);
            rngs = new SplittableRandom[clips.size()];
            for (int i = 0; i < rngs.length; i++) {
                rngs[i] = root.split();
            }
        }
        if (threads == 1) {
            List<FeatureMatrix> out = new ArrayList<>(clips.size());
            for (int i = 0; i < clips.size(); i++) {
                out.add(extractAt(clips, i, rngs));
            }
            return out;
        }
        return run(pool(threads), clips, rngs);
    }

    /**
     * Shared worker pools, one per parallelism, created on first use. Their (daemon) workers keep their per-thread
     * FFT plans and buffers across batches and end by themselves after a minute without work.
     */
    private static final ConcurrentHashMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private static ForkJoinPool pool(int threads) {
        return POOLS.computeIfAbsent(threads, ForkJoinPool::new);
    }

    private List<FeatureMatrix> run(ForkJoinPool pool, List<float[]> clips, SplittableRandom[] rngs) {
        Objects.requireNonNull(clips, "clips");
        FeatureMatrix[] out = new FeatureMatrix[clips.size()];
        ForkJoinTask<?> task = pool.submit(() -> IntStream.range(0, out.length).parallel()
                .forEach(i -> out[i] = extractAt(clips, i, rngs)));
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting features", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
        return List.of(out);
    }

    private FeatureMatrix extractAt(List<float[]> clips, int i, SplittableRandom[] rngs) {
        try {
            return extract(clips.get(i), rngs == null ? null : rngs[i]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clip " + i + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FeatureExtractor[" + config.toText() + "]";
    }
}
