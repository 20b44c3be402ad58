package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * The result of augmenting one example: the clip, the draws made, and the coordinates (seed, epoch, index) that
 * reproduce it bit for bit through {@link AugmentPipeline#apply(LabeledAudio, long, long, long)}.
 *
 * @param audio the augmented clip and its (possibly combined) target
 * @param draws every random draw, in order
 * @param seed run seed
 * @param epoch epoch number
 * @param index example index within the epoch
 */
public record AugmentedExample(LabeledAudio audio, DrawLog draws, long seed, long epoch, long index) {

    /**
     * A further generator of this example, independent of the pipeline stages' generators, for steps done after
     * the pipeline (for example {@link SpecAugment} on the example's log-mel in a loader's finishing function):
     * a pure function of (seed, epoch, index, stream), so those steps stay reproducible and thread-count
     * independent too.
     *
     * @param stream a number naming the purpose (use different numbers for independent steps)
     * @return a fresh generator
     */
    public SplittableRandom random(int stream) {
        return ExampleSeed.forStage(ExampleSeed.exampleKey(seed, epoch, index), -1 - stream);
    }
}
