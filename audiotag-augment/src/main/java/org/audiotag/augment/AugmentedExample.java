package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * The result of augmenting one example: the clip, the draws made, and the coordinates (seed, epoch, index) that
 * reproduce it bit for bit through {@link AugmentPipeline#apply(LabeledAudio, long, long, long)}.
 *
 * <p>{@link #random(int)} gives further generators of the same example for steps that run after the pipeline;
 * e.g. masking the example's log-mel with {@link SpecAugment}:
 * {@snippet :
 * AugmentedExample ex = pipeline.apply(clip, seed, epoch, index);
 * FeatureMatrix logMel = FeatureExtractor.of(FeatureConfig.modern()).extract(ex.audio().toAudioClip());
 * FeatureMatrix masked = SpecAugment.of(27, 2, 40, 2, true).apply(logMel, ex.random(0), ex.draws());
 * }
 *
 * @param audio the augmented clip and its (possibly combined) target
 * @param draws every random draw, in order
 * @param seed run seed
 * @param epoch epoch number
 * @param index example index within the epoch
 */
public record AugmentedExample(LabeledAudio audio, DrawLog draws, long seed, long epoch, long index) {

    /**
     * Returns a further generator of this example, independent of the pipeline stages' generators, for steps done after
     * the pipeline (for example {@link SpecAugment} on the example's log-mel in a loader's finishing function):
     * a pure function of (seed, epoch, index, stream), so those steps stay reproducible and thread-count
     * independent too.
     *
     * @param stream a number naming the purpose (use different numbers for independent steps); 0 or more,
     *     since a negative number gives the generator of a pipeline stage
     * @return a fresh generator, the same for the same (seed, epoch, index, stream)
     */
    public SplittableRandom random(int stream) {
        return ExampleSeed.forStage(ExampleSeed.exampleKey(seed, epoch, index), -1 - stream);
    }
}
