package org.audiotag.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Brings a clip to exactly {@code length} samples: a longer clip is cropped at a start drawn uniformly from
 * [0, L - length] (docs/ORIGINAL-PROJECT.md §6 steps 2 and 7; {@link Position#START} keeps the first samples, as the
 * original's validation does); a shorter one is zero-padded, placed at the start, centred (as the original's
 * centre padding) or at a random offset.
 */
public final class CropOrPad implements AudioTransform {

    /** Where the kept window (crop) or the clip (pad) is placed. */
    public enum Position {
        /** crop: first samples; pad: clip at sample 0, zeros after. */
        START,
        /** crop: the middle; pad: zeros split evenly, the extra one at the end (librosa.util.pad_center). */
        CENTRE,
        /** uniformly random offset. */
        RANDOM,
        /** pad only: leave a shorter clip as it is (the original's crops, which never padded). */
        NONE
    }

    private final int length;
    private final Position crop;
    private final Position pad;

    private CropOrPad(int length, Position crop, Position pad) {
        this.length = length;
        this.crop = crop;
        this.pad = pad;
    }

    /**
     * Random crop, random pad.
     *
     * @param length target length in samples (&gt; 0)
     * @return the transform
     */
    public static CropOrPad random(int length) {
        return of(length, Position.RANDOM, Position.RANDOM);
    }

    /**
     * @param length target length in samples (&gt; 0)
     * @param crop where to crop long clips (not NONE)
     * @param pad where to place short clips (NONE: leave them unchanged)
     * @return the transform
     * @throws IllegalArgumentException if length &lt;= 0 or crop is NONE
     */
    public static CropOrPad of(int length, Position crop, Position pad) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be > 0 samples, got " + length);
        }
        if (crop == Position.NONE) {
            throw new IllegalArgumentException("crop must be START, CENTRE or RANDOM, got NONE");
        }
        return new CropOrPad(length, Objects.requireNonNull(crop, "crop"), Objects.requireNonNull(pad, "pad"));
    }

    @Override
    public String name() {
        return "crop";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        float[] x = in.samplesView();
        int l = x.length;
        float[] y = new float[length];
        if (l >= length) {
            int start = switch (crop) {
                case START -> 0;
                case CENTRE -> (l - length) / 2;
                case RANDOM -> rng.nextInt(l - length + 1);
                case NONE -> throw new IllegalStateException();
            };
            System.arraycopy(x, start, y, 0, length);
            log.record(name(), "cropStart", start);
        } else {
            if (pad == Position.NONE) {
                log.record(name(), "unchanged", l);
                return in;
            }
            int off = switch (pad) {
                case START -> 0;
                case CENTRE -> (length - l) / 2;
                case RANDOM -> rng.nextInt(length - l + 1);
                case NONE -> throw new IllegalStateException();
            };
            System.arraycopy(x, 0, y, off, l);
            log.record(name(), "padOffset", off);
        }
        return in.withOwnedSamples(y);
    }
}
