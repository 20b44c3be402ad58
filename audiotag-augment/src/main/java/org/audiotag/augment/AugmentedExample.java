package org.audiotag.augment;

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
}
