package org.audiotag.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Brings a clip to exactly {@code length} samples: a longer clip is cropped at a start drawn uniformly from
 * [0, L - length] (docs/ORIGINAL-PROJECT.md §6, steps 2 and 7; {@link Position#START} keeps the first samples, as the
 * original's validation does); a shorter one is zero-padded, placed at the start, centred (as the original's
 * centre padding) or at a random offset. The draw record holds {@code cropStart} or {@code padOffset} in samples.
 * {@snippet :
 * CropOrPad twoSeconds = CropOrPad.random(88200);   // 2 s at 44.1 kHz, random window or random placement
 * CropOrPad validation = CropOrPad.of(88200, CropOrPad.Position.START, CropOrPad.Position.CENTRE);
 * LabeledAudio fixed = validation.apply(clip, rng, log);   // exactly 88200 samples
 * }
 */
public final class CropOrPad implements AudioTransform {

    /** Where the kept window (crop) or the clip (pad) is placed. */
    public enum Position {
        /** Crop: the first samples; pad: the clip at sample 0, zeros after. */
        START,
        /** Crop: the middle; pad: zeros split evenly, the extra one at the end (librosa.util.pad_center). */
        CENTRE,
        /** A uniformly random offset. */
        RANDOM,
        /** Pad only: leave a shorter clip as it is (the original's crops, which never padded). */
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
     * Returns a transform with a random crop of longer clips and a random placement of shorter ones.
     *
     * @param length target length in samples (&gt; 0)
     * @return {@code of(length, Position.RANDOM, Position.RANDOM)}
     * @throws IllegalArgumentException if length &lt;= 0
     */
    public static CropOrPad random(int length) {
        return of(length, Position.RANDOM, Position.RANDOM);
    }

    /**
     * Returns a transform with the given crop and pad positions.
     *
     * @param length target length in samples (&gt; 0)
     * @param crop where to crop long clips (not NONE)
     * @param pad where to place short clips (NONE: leave them unchanged)
     * @return the transform
     * @throws IllegalArgumentException if length &lt;= 0 or crop is NONE
     * @throws NullPointerException if crop or pad is null
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
