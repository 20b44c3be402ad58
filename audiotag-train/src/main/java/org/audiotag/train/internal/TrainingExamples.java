package org.audiotag.train.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.AugmentedExample;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.train.AugmentSpec;

/**
 * Writes training examples: a random crop of a clip (or, with a waveform augmentation pipeline, a random crop of
 * its audio, augmented and turned into log-mels on the fly), optionally mixed with another clip
 * ({@link LogMelMixer}), normalised, and its multi-hot target. Every random choice is drawn from
 * {@code Seeds.of(seed, 2, epoch, position)}, so an example depends only on (seed, epoch, position in the epoch) and a
 * resumed run writes exactly the examples an uninterrupted one would.
 *
 * <p>With {@code scene} in the recipe ({@link AugmentSpec#sceneProbability()}), an example is with that probability a
 * window of a synthetic soundscape around the clip instead ({@link SceneExamples}), then augmented by the waveform
 * transforms and turned into a log-mel on the fly.
 *
 * <p>Under the {@code faithful} recipe ({@link AugmentSpec#isFaithful()}) an example is instead drawn by
 * {@link CachedFaithfulPipeline} from {@code ExampleSeed} keyed by (seed, epoch, position), ignoring the clip at its
 * position as the original did: a crop of {@link #faithfulLength()} samples of a weighted mix of 1 or 2 training
 * clips, reverberated half of the time; raw-waveform models take those samples, log-mel models the log-mel of the
 * crop alone (computed on the fly). Its target is the union of the mixed clips' targets.
 *
 * <p>Thread-safe: {@link #write} may be called for different examples from several threads at once (the draws do not
 * depend on the thread), which {@link TrainingPass} does with {@link #threads()} workers.
 */
public final class TrainingExamples {

    private final TrainingData data;
    private final LogMelFeatures mel;
    private final AugmentPipeline augment;
    private final LogMelMixer mixer;
    private final long seed;
    private final CachedFaithfulPipeline faithful;
    private final SceneExamples scene;
    private final double sceneProbability;
    private final int threads;

    /**
     * Creates the example writer of a run, writing examples on the caller's thread ({@link #threads()} = 1).
     *
     * @param data the run's data
     * @param mel the log-mel configuration (used for on-the-fly features)
     * @param augment waveform augmentation, or {@code null}; not applied to raw-waveform models
     * @param mixProbability probability of log-mel mixing (not applied to raw-waveform models)
     * @param seed the run seed
     */
    public TrainingExamples(TrainingData data, LogMelFeatures mel, AugmentPipeline augment, double mixProbability,
            long seed) {
        this.data = data;
        this.mel = mel;
        this.augment = data.raw() ? null : augment;
        this.mixer = data.raw() ? null : new LogMelMixer(data, mixProbability);
        this.seed = seed;
        this.faithful = null;
        this.scene = null;
        this.sceneProbability = 0;
        this.threads = 1;
    }

    /**
     * Creates the example writer of a run from its augmentation recipe.
     *
     * @param data the run's data (with the decoded-audio cache when {@code spec.needsWaveforms()})
     * @param mel the log-mel configuration (used for on-the-fly features)
     * @param spec the augmentation recipe: its waveform pipeline (not applied to raw-waveform models), or
     *     {@code faithful} (applied to every model)
     * @param mixProbability probability of log-mel mixing (not applied to raw-waveform models; must be 0 under
     *     {@code faithful}, which mixes waveforms itself)
     * @param seed the run seed
     * @param threads worker threads that write examples in parallel, &ge; 1
     * @throws IllegalArgumentException if {@code faithful} meets a positive mixing probability, the decoded audio
     *     is missing, or {@code threads} &lt; 1
     */
    public TrainingExamples(TrainingData data, LogMelFeatures mel, AugmentSpec spec, double mixProbability, long seed,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        this.data = data;
        this.mel = mel;
        this.seed = seed;
        this.threads = threads;
        if (spec.isFaithful()) {
            if (mixProbability > 0) {
                throw new IllegalArgumentException("augment: '" + AugmentSpec.FAITHFUL + "' mixes waveforms itself; "
                        + "TrainingConfig.mixProbability must be 0, got " + mixProbability);
            }
            if (data.waveforms() == null) {
                throw new IllegalArgumentException("augment: '" + AugmentSpec.FAITHFUL + "' needs the decoded-audio "
                        + "cache (TrainingData opened without waveforms)");
            }
            int n = data.dataset().size();
            float[][] targets = new float[n][];
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                targets[i] = data.dataset().target(i);
                names[i] = data.dataset().clip(i).name();
            }
            this.faithful = new CachedFaithfulPipeline(data.waveforms(), data.train(), targets, names, mel.sr(),
                    spec.impulseResponses(), faithfulLength(data, mel));
            this.augment = null;
            this.mixer = null;
            this.scene = null;
            this.sceneProbability = 0;
        } else {
            this.faithful = null;
            this.augment = data.raw() ? null : spec.pipeline();
            this.mixer = data.raw() ? null : new LogMelMixer(data, mixProbability);
            boolean scenes = !data.raw() && spec.sceneProbability() > 0;
            this.scene = scenes ? new SceneExamples(data, mel.sr(), (data.window() - 1) * mel.hopLength()) : null;
            this.sceneProbability = scenes ? spec.sceneProbability() : 0;
        }
    }

    /**
     * Returns the crop length in samples of {@code faithful} examples: the input length for raw-waveform models; for
     * log-mel models 2 s per 128 frames of crop at the training rate (88200 samples under pipeline A), clamped to
     * the lengths whose centred log-mel has exactly the crop's frames, {@code [(frames − 1)·hop, frames·hop − 1]}.
     *
     * @param data the run's data
     * @param mel the log-mel configuration
     * @return the length in samples
     */
    public static int faithfulLength(TrainingData data, LogMelFeatures mel) {
        if (data.raw()) {
            return data.window();
        }
        long frames = data.window();
        long twoSeconds = Math.round(frames * 2.0 / 128 * mel.sr());
        return (int) Math.max((frames - 1) * mel.hopLength(), Math.min(twoSeconds, frames * mel.hopLength() - 1));
    }

    /** Returns the number of worker threads examples are written with. */
    public int threads() {
        return threads;
    }

    /** Returns the crop length in samples of {@code faithful} examples, or 0 under another recipe. */
    public int faithfulLength() {
        return faithful == null ? 0 : faithful.length();
    }

    /** Returns the number of values of one example, {@code window × bins}. */
    public int exampleSize() {
        return data.window() * data.bins();
    }

    /**
     * Writes one training example and its target.
     *
     * @param clip dataset index of the clip
     * @param epoch 0-based epoch
     * @param position the example's position in the epoch's order
     * @param x features; the example starts at {@code xo}
     * @param xo offset in {@code x}
     * @param y targets; the example's tags start at {@code yo}
     * @param yo offset in {@code y}
     */
    public void write(int clip, int epoch, int position, float[] x, int xo, float[] y, int yo) {
        if (faithful != null) {
            faithful(epoch, position, x, xo, y, yo);
            return;
        }
        SplittableRandom r = Seeds.of(seed, 2, epoch, position);
        if (scene != null && r.nextDouble() < sceneProbability) {
            float[] audio = new float[scene.length()];
            float[] target = new float[data.numTags()];
            scene.draw(clip, r, audio, target);
            if (augment != null) {
                LabeledAudio in = LabeledAudio.of(audio, mel.sr(), target,
                        data.dataset().clip(clip).name() + " (scene)");
                AugmentedExample ex = augment.apply(in, seed, epoch, position);
                audio = ex.audio().samples();
                target = ex.audio().target();
            }
            logMelCrop(audio, x, xo);
            System.arraycopy(target, 0, y, yo, data.numTags());
        } else if (augment != null) {
            augmented(clip, epoch, position, r, x, xo, y, yo);
        } else {
            data.crop(clip, Crops.randomStart(data.frames(clip), data.window(), r), x, xo);
            System.arraycopy(data.dataset().target(clip), 0, y, yo, data.numTags());
        }
        if (mixer != null) {
            mixer.maybeMix(r, x, xo, y, yo);
        }
        data.normalization().apply(x, xo, exampleSize());
    }

    private void faithful(int epoch, int position, float[] x, int xo, float[] y, int yo) {
        CachedFaithfulPipeline.Example ex = faithful.draw(seed, epoch, position);
        float[] audio = ex.samples();
        int window = data.window();
        if (data.raw()) {
            int n = Math.min(window, audio.length);
            System.arraycopy(audio, 0, x, xo, n);
            Arrays.fill(x, xo + n, xo + window, 0f);
        } else {
            // only the crop's log-mel; a crop shorter than the length (all mixed clips were) is padded with silence
            float[] crop = audio.length < faithful.length() ? Arrays.copyOf(audio, faithful.length()) : audio;
            TimeMajorFeatures f = mel.compute(crop);
            float min = Float.POSITIVE_INFINITY;
            for (float v : f.data()) {
                min = Math.min(min, v);
            }
            Crops.crop((a, c, d, o) -> System.arraycopy(f.data(), a * f.bins(), d, o, c * f.bins()), f.frames(),
                    f.bins(), window, 0, min, x, xo);
        }
        System.arraycopy(ex.target(), 0, y, yo, data.numTags());
        data.normalization().apply(x, xo, exampleSize());
    }

    private void augmented(int clip, int epoch, int position, SplittableRandom r, float[] x, int xo, float[] y,
            int yo) {
        int window = data.window();
        int samples = (window - 1) * mel.hopLength();
        var waves = data.waveforms();
        int len = waves.frames(clip);
        float[] audio = new float[samples];
        Crops.crop((f, c, d, o) -> waves.copyFrames(clip, f, c, d, o), len, 1, samples,
                Crops.randomStart(len, samples, r), 0f, audio, 0);
        boolean silent = true;
        for (float v : audio) {
            if (v != 0f) {
                silent = false;
                break;
            }
        }
        if (silent) {
            audio[0] = 1e-6f; // augment rejects all-zero clips; a silent crop stays (numerically) silent
        }
        LabeledAudio in = LabeledAudio.of(audio, mel.sr(), data.dataset().target(clip),
                data.dataset().clip(clip).name());
        AugmentedExample ex = augment.apply(in, seed, epoch, position);
        logMelCrop(ex.audio().samples(), x, xo);
        System.arraycopy(ex.audio().target(), 0, y, yo, data.numTags());
    }

    /** Writes the first window of the log-mel of {@code audio} (padded with its minimum if shorter). */
    private void logMelCrop(float[] audio, float[] x, int xo) {
        TimeMajorFeatures f = mel.compute(audio);
        float min = Float.POSITIVE_INFINITY;
        for (float v : f.data()) {
            min = Math.min(min, v);
        }
        Crops.crop((a, c, d, o) -> System.arraycopy(f.data(), a * f.bins(), d, o, c * f.bins()), f.frames(),
                f.bins(), data.window(), 0, min, x, xo);
    }
}
