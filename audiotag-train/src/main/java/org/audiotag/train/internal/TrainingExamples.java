package org.audiotag.train.internal;

import java.util.SplittableRandom;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.AugmentedExample;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;

/**
 * Writes training examples: a random crop of a clip (or, with a waveform augmentation pipeline, a random crop of
 * its audio, augmented and turned into log-mels on the fly), optionally mixed with another clip
 * ({@link LogMelMixer}), normalised, and its multi-hot target. Every random choice is drawn from
 * {@code Seeds.of(seed, 2, epoch, position)}, so an example depends only on (seed, epoch, position in the epoch) and a
 * resumed run writes exactly the examples an uninterrupted one would.
 */
public final class TrainingExamples {

    private final TrainingData data;
    private final LogMelFeatures mel;
    private final AugmentPipeline augment;
    private final LogMelMixer mixer;
    private final long seed;

    /**
     * Creates the example writer of a run.
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
        SplittableRandom r = Seeds.of(seed, 2, epoch, position);
        if (augment != null) {
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
        TimeMajorFeatures f = mel.compute(ex.audio().samples());
        float min = Float.POSITIVE_INFINITY;
        for (float v : f.data()) {
            min = Math.min(min, v);
        }
        Crops.crop((a, c, d, o) -> System.arraycopy(f.data(), a * f.bins(), d, o, c * f.bins()), f.frames(),
                f.bins(), window, 0, min, x, xo);
        System.arraycopy(ex.audio().target(), 0, y, yo, data.numTags());
    }
}
