package org.audiotag.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An immutable sequence of transforms, each applied with its own probability (docs/ORIGINAL-PROJECT.md §6: mixing with
 * probability 1, reverberation with 0.5, ...). Stage {@code j} of example (seed, epoch, index) draws first a
 * uniform number deciding whether it runs and then its own parameters, all from
 * {@link ExampleSeed#forStage}{@code (exampleKey(seed, epoch, index), j)}: the output is a pure function of the
 * input clip and these coordinates.
 */
public final class AugmentPipeline {

    /**
     * One stage.
     *
     * @param transform the transform
     * @param probability probability in [0, 1] that it runs
     */
    public record Stage(AudioTransform transform, double probability) {
        /**
         * @param transform the transform
         * @param probability probability in [0, 1]
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

    /** @return a builder for a pipeline */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The original project's training augmentation (docs/ORIGINAL-PROJECT.md §6), bugs fixed except where noted: mixing
     * of 1 or 2 pool clips aligned at 0 with label union ({@link MixTransform#faithful}), a random crop to
     * {@code length} samples of a longer mix, reverberation with probability 0.5 (100% wet, full length,
     * {@link ReverbTransform.Builder#faithful()}), and another random crop. The disabled steps (pitch shift,
     * HPSS, noise) are left out, as in the final runs. The original used the first 3 of its IRs by name;
     * pass the IR list you want.
     *
     * @param pool the training clips (one sample rate)
     * @param irs the impulse responses
     * @param length crop length in samples (88200 in the original)
     * @return the pipeline
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

    /** @return the stages in order */
    public List<Stage> stages() {
        return stages;
    }

    /**
     * Augments example {@code index} of epoch {@code epoch} of run {@code seed}.
     *
     * @param in the source clip
     * @param seed run seed
     * @param epoch epoch number
     * @param index example index
     * @return the augmented clip with its draw log
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

    /** Builder of {@link AugmentPipeline}. */
    public static final class Builder {
        private final List<Stage> stages = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a stage that always runs.
         *
         * @param t the transform
         * @return this builder
         */
        public Builder add(AudioTransform t) {
            return add(t, 1.0);
        }

        /**
         * Appends a stage.
         *
         * @param t the transform
         * @param probability probability in [0, 1] that it runs
         * @return this builder
         */
        public Builder add(AudioTransform t, double probability) {
            stages.add(new Stage(t, probability));
            return this;
        }

        /** @return the pipeline */
        public AugmentPipeline build() {
            return new AugmentPipeline(stages);
        }
    }
}
