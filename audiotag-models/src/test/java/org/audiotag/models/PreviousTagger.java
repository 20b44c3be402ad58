package org.audiotag.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.MelNorm;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;

/**
 * The scoring of release 0.1's {@code org.audiotag.train.Tagger} written out as an independent oracle: log-mel from
 * explicit parameters ({@code MelSpectrogram} + {@code power_to_db}, transposed, short clips zero-extended), the
 * window starts and crops of {@code org.audiotag.train.internal.Crops}, normalisation, batches of 64 windows through
 * the SavedModel, mean/max aggregation. Nothing here calls {@link Tagger}, {@code LogMelFeatures} or the models'
 * window code.
 */
final class PreviousTagger {

    private PreviousTagger() {
    }

    /** Release 0.1's {@code LogMelFeatures.compute(float[])}: time-major, {@code nMels} values per frame. */
    static float[] logMel(float[] samples, int sr, int nFft, int hop, int nMels, double fMin, double fMax,
            double topDb, PadMode padMode) {
        MelSpectrogram mel = MelSpectrogram.builder().sampleRate(sr)
                .stft(StftConfig.builder().nFft(nFft).hopLength(hop).center(true).padMode(padMode).build())
                .nMels(nMels).fMin(fMin).fMax(fMax).htk(false).norm(MelNorm.SLANEY).power(2.0).build();
        float[] y = samples.length <= nFft / 2 ? Arrays.copyOf(samples, nFft / 2 + 1) : samples;
        FeatureMatrix db = Decibels.powerToDb(mel.compute(y), DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, topDb);
        float[] bm = db.toArray();
        int bins = db.rows();
        int frames = db.cols();
        float[] out = new float[bm.length];
        for (int b = 0; b < bins; b++) {
            for (int t = 0; t < frames; t++) {
                out[t * bins + b] = bm[b * frames + t];
            }
        }
        return out;
    }

    /**
     * Release 0.1's {@code Tagger.scoresOfSamples} on whole-clip time-major features.
     *
     * @param f features, {@code frames * bins}
     * @param bins values per frame (1 for a waveform)
     * @param raw whether the model takes a waveform (padding value 0 instead of the clip minimum)
     * @param window window frames
     * @param hop hop frames
     * @param aggregation MEAN, MAX or FIRST
     * @param mean normalisation mean
     * @param std normalisation std
     * @param runner the loaded SavedModel
     * @return the clip scores
     */
    static float[] scores(float[] f, int bins, boolean raw, int window, int hop, WindowAggregation aggregation,
            float mean, float std, SavedModelRunner runner) {
        int frames = f.length / bins;
        float pad = 0f;
        if (!raw) {
            pad = Float.POSITIVE_INFINITY;
            for (float v : f) {
                pad = Math.min(pad, v);
            }
        }
        int ex = window * bins;
        int[] starts = aggregation == WindowAggregation.FIRST
                ? new int[] {frames >= window ? 0 : window - frames}
                : windowStarts(frames, window, hop);
        float[] x = new float[starts.length * ex];
        for (int i = 0; i < starts.length; i++) {
            crop(f, frames, bins, window, starts[i], pad, x, i * ex);
        }
        if (!(mean == 0f && std == 1f)) {
            float inv = 1f / std;
            for (int i = 0; i < x.length; i++) {
                x[i] = (x[i] - mean) * inv;
            }
        }
        int nt = runner.numTags();
        float[] p = new float[starts.length * nt];
        for (int from = 0; from < starts.length; from += 64) {
            int n = Math.min(64, starts.length - from);
            float[] part = n == starts.length ? x : Arrays.copyOfRange(x, from * ex, (from + n) * ex);
            System.arraycopy(runner.predict(part, n), 0, p, from * nt, n * nt);
        }
        float[] out = new float[nt];
        if (aggregation == WindowAggregation.MAX) {
            Arrays.fill(out, Float.NEGATIVE_INFINITY);
        }
        for (int w = 0; w < starts.length; w++) {
            for (int k = 0; k < nt; k++) {
                float v = p[w * nt + k];
                out[k] = aggregation == WindowAggregation.MAX ? Math.max(out[k], v) : out[k] + v;
            }
        }
        if (aggregation != WindowAggregation.MAX) {
            for (int k = 0; k < nt; k++) {
                out[k] /= starts.length;
            }
        }
        return out;
    }

    private static void crop(float[] f, int frames, int bins, int window, int start, float pad, float[] dst,
            int off) {
        if (frames >= window) {
            int s = Math.max(0, Math.min(start, frames - window));
            System.arraycopy(f, s * bins, dst, off, window * bins);
            return;
        }
        int pos = Math.max(0, Math.min(start, window - frames));
        Arrays.fill(dst, off, off + window * bins, pad);
        if (frames > 0) {
            System.arraycopy(f, 0, dst, off + pos * bins, frames * bins);
        }
    }

    private static int[] windowStarts(int frames, int window, int hop) {
        if (frames <= window) {
            return new int[] {window - frames};
        }
        List<Integer> s = new ArrayList<>();
        int t = 0;
        for (; t + window <= frames; t += hop) {
            s.add(t);
        }
        if (s.get(s.size() - 1) + window < frames) {
            s.add(frames - window);
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
