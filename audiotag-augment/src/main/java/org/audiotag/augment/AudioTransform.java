package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * One augmentation step on a labelled clip. Implementations are immutable and thread-safe: all randomness comes
 * from the generator passed in, and every value drawn is written to the log.
 */
public interface AudioTransform {

    /** @return a short name used in draw records ({@code "mix"}, {@code "reverb"}, ...) */
    String name();

    /**
     * Applies the transform.
     *
     * @param in the input clip (not modified)
     * @param rng the generator of this example and stage
     * @param log where the draws are recorded
     * @return the transformed clip (may have another length or target)
     */
    LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log);
}
