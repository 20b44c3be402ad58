package org.audiotag.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An immutable sequence of {@link AudioTransform}s, each applied with its own probability, as the original
 * project's training augmentation (docs/ORIGINAL-PROJECT.md §6: mixing with probability 1, reverberation with
 * 0.5, ...).
 *
 * <p>Stage {@code j} of example (seed, epoch, index) draws first a uniform number in [0, 1) deciding whether it
 * runs (a stage of probability 1 draws nothing for that) and then its own parameters, all from
 * {@link ExampleSeed#forStage}{@code (exampleKey(seed, epoch, index), j)}. The output is therefore a pure function
 * of the input clip and these three coordinates: the same whatever the thread, the order in which examples are
 * produced, or whether earlier stages ran. Every value drawn is written to the example's {@link DrawLog}. A
 * pipeline is thread-safe (its transforms are immutable); {@link ParallelAugmentLoader} runs one on all cores.
 *
 * <p>Building a pipeline of reverberation with a real room impulse response (half of the time), pink noise at
 * 10 to 30 dB SNR and a gain of -6 to +6 dB, and applying it to example 17 of epoch 3 of run seed 42:
 * {@snippet :
 * AudioLoader loader = AudioLoader.nativeRate();   // ESC-10 clips and these responses are at 44.1 kHz
 * AudioClip bark = loader.load(Path.of("data/esc10/001 - Dog bark/1-100032-A.ogg"));
 * LabeledAudio clip = LabeledAudio.of(bark, new float[] {1f, 0f});   // classes: dog bark, rain
 * ImpulseResponse church = ImpulseResponse.of(
 *         loader.load(Path.of("data/impulse-responses/St._Margaret_s_Church_W_44k.wav")));
 * AugmentPipeline pipeline = AugmentPipeline.builder()
 *         .add(ReverbTransform.builder(List.of(church), clip.sampleRate()).build(), 0.5)
 *         .add(NoiseTransform.atSnr(NoiseTransform.Color.PINK, 10, 30))
 *         .add(GainTransform.ofDb(-6, 6))
 *         .build();
 * AugmentedExample ex = pipeline.apply(clip, 42L, 3L, 17L);
 * float[] samples = ex.audio().samples();          // same length, rate and target as clip
 * DrawLog.Draw noise = ex.draws().find("noise");  // noise{color=PINK, snrDb=...}; find("reverb"): null if skipped
 * }
 */
public final class AugmentPipeline {

    /**
     * One stage of a pipeline: a transform and the probability that it runs on a given example.
     *
     * @param transform the transform
     * @param probability probability in [0, 1] that it runs (1: always, 0: never)
     */
    public record Stage(AudioTransform transform, double probability) {
        /**
         * Creates a stage, checking its arguments.
         *
         * @param transform the transform
         * @param probability probability in [0, 1] that it runs
         * @throws NullPointerException if transform is null
         * @throws IllegalArgumentException if probability is outside [0, 1] or NaN (the message names the
         *     transform)
         */
        public Stage {
            Objects.requireNonNull(transform, "transform");
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException("probability of " + transform.name() + " must be in [0, 1], got "
                        + probability);
            }
        }
    }

    private final List<Stage> stages;

    private AugmentPipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /**
     * Returns a builder of an empty pipeline; stages run in the order they are added.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the original project's training augmentation (docs/ORIGINAL-PROJECT.md §6), its bugs fixed except
     * where noted: mixing of 1 or 2 pool clips aligned at 0 with label union ({@link MixTransform#faithful}), a
     * random crop to {@code length} samples of a longer mix, reverberation with probability 0.5 (100% wet, full
     * length, {@link ReverbTransform.Builder#faithful()}), and another random crop. The disabled steps (pitch
     * shift, HPSS, noise) are left out, as in the final runs. The original used the first 3 of its IRs by name;
     * pass the IR list you want.
     *
     * @param pool the training clips (non-empty, one sample rate, one target length)
     * @param irs the impulse responses to draw from (non-empty; any sample rate, resampled to the pool's)
     * @param length crop length in samples (88200, 2 s at 44.1 kHz, in the original)
     * @return the pipeline: mix, crop, reverb with probability 0.5, crop
     * @throws IllegalArgumentException if the pool or the impulse-response set is empty, length is not positive,
     *     or the pool's clips differ in sample rate or target length
     */
    public static AugmentPipeline faithful(List<LabeledAudio> pool, List<ImpulseResponse> irs, int length) {
        if (pool == null || pool.isEmpty()) {
            throw new IllegalArgumentException("pool: no training clips (empty pool)");
        }
        CropOrPad crop = CropOrPad.of(length, CropOrPad.Position.RANDOM, CropOrPad.Position.NONE);
        return builder()
                .add(MixTransform.faithful(pool))
                .add(crop)
                .add(ReverbTransform.builder(irs, pool.get(0).sampleRate()).faithful().build(), 0.5)
                .add(crop)
                .build();
    }

    /**
     * Returns the stages in the order they run.
     *
     * @return the stages (unmodifiable)
     */
    public List<Stage> stages() {
        return stages;
    }

    /**
     * Augments example {@code index} of epoch {@code epoch} of run {@code seed}: runs each stage with its
     * probability, on the output of the previous one, with the generators of {@link ExampleSeed}.
     *
     * @param in the source clip (not modified)
     * @param seed run seed
     * @param epoch epoch number (0-based)
     * @param index example index within the epoch (0-based)
     * @return the augmented clip (its length and target may differ from the input's, e.g. after mixing or
     *     cropping) with its draw log and the coordinates that reproduce it
     * @throws IllegalArgumentException if a transform rejects the clip (e.g. a sample-rate mismatch; the message
     *     names the clip's source)
     */
    public AugmentedExample apply(LabeledAudio in, long seed, long epoch, long index) {
        long key = ExampleSeed.exampleKey(seed, epoch, index);
        DrawLog log = new DrawLog();
        LabeledAudio cur = in;
        for (int j = 0; j < stages.size(); j++) {
            Stage st = stages.get(j);
            SplittableRandom rng = ExampleSeed.forStage(key, j);
            if (st.probability() >= 1.0 || rng.nextDouble() < st.probability()) {
                cur = st.transform().apply(cur, rng, log);
            }
        }
        return new AugmentedExample(cur, log, seed, epoch, index);
    }

    /** Builder of {@link AugmentPipeline}: stages are appended in the order they will run. */
    public static final class Builder {
        private final List<Stage> stages = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a stage that always runs (probability 1).
         *
         * @param t the transform
         * @return this builder
         * @throws NullPointerException if t is null
         */
        public Builder add(AudioTransform t) {
            return add(t, 1.0);
        }

        /**
         * Appends a stage that runs with the given probability.
         *
         * @param t the transform
         * @param probability probability in [0, 1] that it runs on a given example
         * @return this builder
         * @throws NullPointerException if t is null
         * @throws IllegalArgumentException if probability is outside [0, 1]
         */
        public Builder add(AudioTransform t, double probability) {
            stages.add(new Stage(t, probability));
            return this;
        }

        /**
         * Builds the pipeline from the stages added so far (possibly none: the identity).
         *
         * @return an immutable pipeline; later changes to this builder do not affect it
         */
        public AugmentPipeline build() {
            return new AugmentPipeline(stages);
        }
    }
}
