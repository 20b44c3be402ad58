package org.audiotag.augment;

import java.util.SplittableRandom;
import org.audiotag.augment.internal.Spectral;

/**
 * Pitch shift without duration change, {@code librosa.effects.pitch_shift(y, sr, n_steps, res_type='fft')}:
 * time stretch by {@code rate = 2^(-n_steps / 12)} (phase vocoder, see {@link TimeStretch}), Fourier resampling
 * from {@code sr / rate} to {@code sr} ({@code scipy.signal.resample}) and trimming or zero-padding to the input
 * length. A tone at f Hz moves to {@code f * 2^(n_steps / 12)}.
 *
 * <p>The shift is drawn uniformly from [{@code minSteps}, {@code maxSteps}] semitones, or, with
 * {@code integerSteps}, uniformly among the integers of that closed range: the symmetric fix of the original's
 * {@code randint(-1, 1)}, which could only give -1 or 0 (docs/ORIGINAL-PROJECT.md §10.7).
 * {@snippet :
 * float[] up = PitchShift.shift(clip.samples(), clip.sampleRate(), 2.0);   // a whole tone up, same length
 * LabeledAudio drawn = PitchShift.ofSemitones(-1, 1, true).apply(clip, rng, log);   // -1, 0 or +1 semitone
 * }
 */
public final class PitchShift implements AudioTransform {
    private final double minSteps;
    private final double maxSteps;
    private final boolean integerSteps;

    private PitchShift(double minSteps, double maxSteps, boolean integerSteps) {
        this.minSteps = minSteps;
        this.maxSteps = maxSteps;
        this.integerSteps = integerSteps;
    }

    /**
     * Returns a transform shifting by a number of semitones drawn uniformly from [minSteps, maxSteps], or among
     * its integers.
     *
     * @param minSteps lowest shift in semitones (&gt;= -48)
     * @param maxSteps highest shift in semitones (&lt;= 48, &gt;= minSteps)
     * @param integerSteps draw whole semitones only
     * @return the transform
     * @throws IllegalArgumentException if the range is out of [-48, 48], unordered, or (with integerSteps)
     *     contains no integer
     */
    public static PitchShift ofSemitones(double minSteps, double maxSteps, boolean integerSteps) {
        checkSteps(minSteps);
        checkSteps(maxSteps);
        if (minSteps > maxSteps) {
            throw new IllegalArgumentException("semitone range must have min <= max, got [" + minSteps + ", "
                    + maxSteps + "]");
        }
        if (integerSteps && Math.floor(maxSteps) < Math.ceil(minSteps)) {
            throw new IllegalArgumentException("semitone range [" + minSteps + ", " + maxSteps
                    + "] contains no integer");
        }
        return new PitchShift(minSteps, maxSteps, integerSteps);
    }

    /**
     * Returns the original's (disabled) draw, {@code randint(-1, 1)}: -1 or 0 semitones, never +1
     * (docs/ORIGINAL-PROJECT.md §10.7); the recommended symmetric range is {@code ofSemitones(-1, 1, true)}.
     *
     * @return {@code ofSemitones(-1, 0, true)}
     */
    public static PitchShift faithful() {
        return ofSemitones(-1, 0, true);
    }

    private static void checkSteps(double s) {
        if (!(s >= -48 && s <= 48)) {
            throw new IllegalArgumentException("nSteps must be in [-48, 48] semitones, got " + s);
        }
    }

    @Override
    public String name() {
        return "pitchShift";
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        double steps;
        if (integerSteps) {
            int lo = (int) Math.ceil(minSteps);
            int hi = (int) Math.floor(maxSteps);
            steps = lo + rng.nextInt(hi - lo + 1);
        } else {
            steps = minSteps == maxSteps ? minSteps : minSteps + (maxSteps - minSteps) * rng.nextDouble();
        }
        log.record(name(), "semitones", steps);
        if (steps == 0) {
            return in;
        }
        return in.withOwnedSamples(shift(in.samplesView(), in.sampleRate(), steps));
    }

    /**
     * Shifts a signal by {@code nSteps} semitones, {@code librosa.effects.pitch_shift(y, sr=sr, n_steps=nSteps,
     * res_type='fft')}.
     *
     * @param y samples (non-empty)
     * @param sampleRate sample rate in Hz (&gt; 0)
     * @param nSteps shift in semitones, in [-48, 48] (positive: up; 12 = one octave)
     * @return as many samples as y
     * @throws IllegalArgumentException if y is empty, the rate is not positive, nSteps is out of range, or the
     *     clip is too short for the intermediate time stretch
     */
    public static float[] shift(float[] y, int sampleRate, double nSteps) {
        checkSteps(nSteps);
        if (y.length == 0) {
            throw new IllegalArgumentException("y: zero-length audio");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0 Hz, got " + sampleRate);
        }
        double rate = Math.pow(2.0, -nSteps / 12.0);
        if (Math.rint(y.length / rate) < 1) {
            throw new IllegalArgumentException("a " + y.length + "-sample clip is too short to shift by " + nSteps
                    + " semitones");
        }
        return TimeStretch.toFloat(Spectral.pitchShift(TimeStretch.toDouble(y), sampleRate, nSteps, 12));
    }
}
