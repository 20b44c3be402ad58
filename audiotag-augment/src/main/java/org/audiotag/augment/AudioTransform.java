package org.audiotag.augment;

import java.util.SplittableRandom;

/**
 * One augmentation step on a labelled clip: a function of the input clip and of the numbers drawn from the
 * generator passed in. Implementations are immutable and thread-safe: all randomness comes from that generator
 * (never from a global source), and every value drawn is written to the log, so that an example can be reported
 * and replayed. Compose them with {@link AugmentPipeline}.
 */
public interface AudioTransform {

    /**
     * Returns the short name under which this transform's draws are recorded in a {@link DrawLog}.
     *
     * @return the name, e.g. {@code "mix"}, {@code "reverb"}, {@code "noise"}
     */
    String name();

    /**
     * Applies the transform to one clip, drawing its random parameters from {@code rng} and recording them.
     *
     * @param in the input clip (not modified)
     * @param rng the generator of this example and stage (consumed)
     * @param log where the draws are recorded, under {@link #name()}
     * @return the transformed clip (may have another length or target, e.g. after mixing or cropping; may be
     *     {@code in} itself when the transform leaves the clip unchanged)
     * @throws IllegalArgumentException if the clip does not suit the transform (e.g. another sample rate than
     *     the transform was built for); the message names the clip's source
     */
    LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log);
}
