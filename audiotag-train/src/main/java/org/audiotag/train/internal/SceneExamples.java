package org.audiotag.train.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.audiotag.augment.NoiseTransform;
import org.audiotag.features.Trim;
import org.audiotag.train.AugmentSpec;
import org.audiotag.train.FeatureCache;

/**
 * Draws training windows cut from synthetic soundscapes, for models that will score sliding windows of long
 * recordings (sound event detection): the window a detector sees holds part of a sound, its neighbours' edges and
 * background, and its target is the tags whose sound it shows enough of. {@link AugmentSpec}'s {@code scene}.
 *
 * <p>One window of {@code length} samples: pink noise at an RMS level drawn uniformly from
 * [{@value #NOISE_DBFS_MIN}, {@value #NOISE_DBFS_MAX}] dBFS; the clip's active region (the span
 * {@code librosa.effects.trim(top_db=40)} keeps, {@link Trim}) placed at a uniformly drawn start in
 * {@code (-active, length)} samples, so that any part of it, or none, falls inside; with probability 1/2 each, a
 * neighbour before and one after it, the active region of a training clip drawn uniformly, separated from it by a gap
 * drawn uniformly from [0, 1) s. Sounds keep their recorded level. The target is the element-wise maximum of the
 * targets of the sounds of which the window shows at least {@code min(0.5 s, half the sound)}; a window showing
 * none is background, with an all-zero target.
 *
 * <p>Thread-safe; the draws depend only on the generator passed in (the active regions are computed once per clip,
 * on first use, and are a function of the clip).
 */
public final class SceneExamples {

    /** Lowest background level, dBFS RMS. */
    public static final double NOISE_DBFS_MIN = -60;
    /** Highest background level, dBFS RMS. */
    public static final double NOISE_DBFS_MAX = -40;
    private static final double TRIM_TOP_DB = 40;

    private final TrainingData data;
    private final FeatureCache waves;
    private final int sampleRate;
    private final int length;
    private final AtomicReferenceArray<int[]> spans;

    /**
     * Creates the generator of a run.
     *
     * @param data the run's data, opened with the decoded-audio cache
     * @param sampleRate the rate of the decoded audio
     * @param length window length in samples
     * @throws IllegalArgumentException if the decoded audio is missing or the length is not positive
     */
    public SceneExamples(TrainingData data, int sampleRate, int length) {
        if (data.waveforms() == null) {
            throw new IllegalArgumentException("augment: 'scene' needs the decoded-audio cache (TrainingData opened "
                    + "without waveforms)");
        }
        if (length < 1) {
            throw new IllegalArgumentException("scene window: " + length + " samples, must be >= 1");
        }
        this.data = data;
        this.waves = data.waveforms();
        this.sampleRate = sampleRate;
        this.length = length;
        this.spans = new AtomicReferenceArray<>(data.dataset().size());
    }

    /**
     * One sound of a window: a clip's active region starting at window sample {@code at} (negative: it began before
     * the window).
     *
     * @param clip dataset index
     * @param at window position of the active region's first sample
     */
    public record Placement(int clip, int at) {
    }

    /**
     * The draws of one window: its background level and its sounds, the main clip's first.
     *
     * @param noiseDbfs RMS level of the pink noise, dBFS
     * @param sounds where each sound starts
     */
    public record Plan(double noiseDbfs, List<Placement> sounds) {
    }

    /**
     * Writes one window and its target: {@link #plan}, then unit-RMS pink noise drawn from {@code r}, then
     * {@link #render}.
     *
     * @param clip dataset index of the window's main clip
     * @param r the example's generator (consumed)
     * @param audio destination of {@code length} samples (overwritten)
     * @param target destination of the multi-hot target (overwritten)
     */
    public void draw(int clip, SplittableRandom r, float[] audio, float[] target) {
        Plan p = plan(clip, r);
        render(p, NoiseTransform.generate(NoiseTransform.Color.PINK, length, r), audio, target);
    }

    /**
     * Draws the level and the sounds of one window around a clip (see the class comment).
     *
     * @param clip dataset index of the main clip
     * @param r generator (consumed)
     * @return the plan
     */
    public Plan plan(int clip, SplittableRandom r) {
        double level = NOISE_DBFS_MIN + (NOISE_DBFS_MAX - NOISE_DBFS_MIN) * r.nextDouble();
        List<Placement> sounds = new ArrayList<>(3);
        int active = activeLength(clip);
        int start = r.nextInt(-active + 1, length);
        sounds.add(new Placement(clip, start));
        int gapMax = Math.max(1, sampleRate);
        if (r.nextBoolean()) {
            int other = data.trainClip(r.nextInt(data.trainSize()));
            sounds.add(new Placement(other, start - r.nextInt(gapMax) - activeLength(other)));
        }
        if (r.nextBoolean()) {
            int other = data.trainClip(r.nextInt(data.trainSize()));
            sounds.add(new Placement(other, start + active + r.nextInt(gapMax)));
        }
        return new Plan(level, List.copyOf(sounds));
    }

    /**
     * Writes a planned window: {@code noise} scaled to the plan's level, plus the part of each sound's active
     * region inside the window; the target is the element-wise maximum of the targets of the sounds of which at
     * least {@code min(sr / 2, ceil(active / 2))} samples are inside.
     *
     * @param plan the window's draws
     * @param noise unit-RMS noise, {@code length} samples
     * @param audio destination of {@code length} samples (overwritten)
     * @param target destination of the multi-hot target (overwritten)
     */
    public void render(Plan plan, double[] noise, float[] audio, float[] target) {
        double gain = Math.pow(10, plan.noiseDbfs() / 20);
        for (int i = 0; i < length; i++) {
            audio[i] = (float) (gain * noise[i]);
        }
        Arrays.fill(target, 0f);
        for (Placement s : plan.sounds()) {
            place(s.clip(), span(s.clip()), s.at(), audio, target);
        }
    }

    /** Returns the window length in samples. */
    public int length() {
        return length;
    }

    /**
     * Returns the length in samples of a clip's active region (its 40-dB trim; the whole clip if that is empty).
     *
     * @param clip dataset index
     * @return the length
     */
    public int activeLength(int clip) {
        int[] s = span(clip);
        return s[1] - s[0];
    }

    /**
     * Returns a clip's active region {@code [start, end)} in samples of the decoded clip.
     *
     * @param clip dataset index
     * @return a new two-element array
     */
    public int[] activeRegion(int clip) {
        return span(clip).clone();
    }

    /** Adds the active region {@code span} of a clip at window position {@code at}; labels it if enough shows. */
    private void place(int clip, int[] span, int at, float[] audio, float[] target) {
        int active = span[1] - span[0];
        int from = Math.max(0, at);
        int to = (int) Math.min(length, (long) at + active);
        if (to <= from) {
            return;
        }
        float[] part = new float[to - from];
        waves.copyFrames(clip, span[0] + (from - at), to - from, part, 0);
        for (int i = 0; i < part.length; i++) {
            audio[from + i] += part[i];
        }
        int needed = Math.min(sampleRate / 2, (active + 1) / 2);
        if (to - from >= needed) {
            float[] y = data.dataset().target(clip);
            for (int t = 0; t < target.length; t++) {
                target[t] = Math.max(target[t], y[t]);
            }
        }
    }

    /** The clip's active region [start, end) in samples; the whole clip when trimming would leave nothing. */
    private int[] span(int clip) {
        int[] s = spans.get(clip);
        if (s == null) {
            int n = waves.frames(clip);
            float[] y = new float[n];
            waves.copyFrames(clip, 0, n, y, 0);
            s = n == 0 ? new int[] {0, 0} : Trim.of(TRIM_TOP_DB).span(y);
            if (s[1] <= s[0]) {
                s = new int[] {0, n};
            }
            spans.compareAndSet(clip, null, s);
        }
        return s;
    }
}
