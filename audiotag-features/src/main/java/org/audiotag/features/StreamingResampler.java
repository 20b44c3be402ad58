package org.audiotag.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * Converts the sample rate of a stream chunk by chunk, giving exactly the samples {@link Resampler#resample(float[],
 * int, int, ResampleType)} gives for the whole stream at once (resampy's band-limited sinc interpolation of
 * {@code librosa.resample(..., res_type='kaiser_best'|'kaiser_fast', fix=True, scale=False)}), bit for bit, whatever
 * the chunk sizes.
 *
 * <p>Output sample {@code t} sits at input time {@code t * origSr / targetSr} and is a weighted sum of the input
 * samples within the filter's reach on either side ({@code numZeros / min(1, targetSr / origSr)} input samples: 64
 * for kaiser_best when up-sampling, about 70 from 48 to 44.1 kHz). It is produced as soon as every input sample on
 * its right within that reach has arrived, with the same double arithmetic as the whole-stream resampler; {@link
 * #finish()} produces the last ones with the stream's end as the right edge (as the whole-stream resampler does at the
 * end of its input) and appends librosa's {@code fix_length} zeros, for {@code ceil(n * targetSr / origSr)} samples in
 * all. Memory is constant: the filter's reach of input, whatever the stream's length and the chunks' sizes (each call
 * returns a new array of about {@code len * targetSr / origSr} samples).
 *
 * <p>Equal rates pass the samples through unchanged. A stream shorter than one output sample's worth of input
 * ({@code n * targetSr / origSr < 1}), which the whole-stream resampler refuses as too short, gives no samples. Not
 * thread-safe: one instance per stream.
 *
 * {@snippet :
 * StreamingResampler r = new StreamingResampler(48000, 44100, ResampleType.KAISER_BEST);
 * float[] a = r.push(chunk1, 0, chunk1.length);   // the samples that chunk 1 completes
 * float[] b = r.push(chunk2, 0, chunk2.length);
 * float[] tail = r.finish();                       // a ++ b ++ tail == Resampler.resample(chunk1 ++ chunk2, ...)
 * }
 */
public final class StreamingResampler {

    /** Input samples appended to the history per step, so that a huge chunk needs no huge buffer. */
    private static final int STEP = 8192;

    private final int origSr;
    private final int targetSr;
    private final boolean passThrough;
    private final double ratio;
    private final double timeIncrement;
    private final double scale;
    private final int numTable;
    private final int indexStep;
    private final int nwin;
    private final double[] wd;
    /** Largest number of taps on either side of the output's input time. */
    private final int reach;

    /** Input history: absolute input sample {@code base + i} at {@code hist[i]}, {@code i < histLen}. */
    private double[] hist;
    private long base;
    private int histLen;
    /** Input samples received. */
    private long received;
    /** Next output sample to produce. */
    private long next;
    private boolean finished;

    /**
     * Creates a resampler for one stream.
     *
     * @param origSr the stream's rate in Hz, &gt; 0
     * @param targetSr the wanted rate in Hz, &gt; 0, within a factor {@value Resampler#MAX_RATIO} of {@code origSr}
     * @param type {@link ResampleType#KAISER_BEST} or {@link ResampleType#KAISER_FAST} (the methods whose filter has a
     *     finite reach; fft and polyphase see the whole signal)
     * @throws IllegalArgumentException naming the rate or the method that is not supported
     */
    public StreamingResampler(int origSr, int targetSr, ResampleType type) {
        Objects.requireNonNull(type, "type");
        Resampler.outputLength(0, origSr, targetSr); // validates the two rates with the resampler's messages
        if (type != ResampleType.KAISER_BEST && type != ResampleType.KAISER_FAST) {
            throw new IllegalArgumentException("type: " + type.librosaName() + " cannot stream (its filter spans the "
                    + "whole signal); use kaiser_best or kaiser_fast");
        }
        this.origSr = origSr;
        this.targetSr = targetSr;
        this.passThrough = origSr == targetSr;
        this.ratio = (double) targetSr / origSr;
        this.timeIncrement = 1.0 / ratio;
        this.scale = Math.min(1.0, ratio);
        this.numTable = 1 << type.precision();
        double[] table = ResampleKernels.cachedTable(type);
        this.nwin = table.length;
        // the same interleaved table and forward differences as ResampleKernels.sinc, so the sums are identical
        this.wd = new double[2 * nwin];
        for (int i = 0; i < nwin; i++) {
            wd[2 * i] = ratio < 1 ? ratio * table[i] : table[i];
        }
        for (int i = 0; i < nwin - 1; i++) {
            wd[2 * i + 1] = wd[2 * i + 2] - wd[2 * i];
        }
        this.indexStep = (int) (scale * numTable);
        this.reach = nwin / indexStep + 1;
        this.hist = new double[2 * reach + STEP + 2];
    }

    /**
     * Returns the stream's rate.
     *
     * @return the input rate in Hz
     */
    public int origSr() {
        return origSr;
    }

    /**
     * Returns the rate the output is at.
     *
     * @return the output rate in Hz
     */
    public int targetSr() {
        return targetSr;
    }

    /**
     * Takes the next input samples and returns the output samples they complete.
     *
     * @param in input samples at {@link #origSr()}
     * @param off first sample to take
     * @param len number of samples
     * @return the next output samples at {@link #targetSr()} (possibly none)
     * @throws IllegalArgumentException for a range outside {@code in} or a non-finite sample
     * @throws IllegalStateException after {@link #finish()}
     */
    public float[] push(float[] in, int off, int len) {
        Objects.requireNonNull(in, "in");
        Objects.checkFromIndexSize(off, len, in.length);
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        for (int i = off; i < off + len; i++) {
            if (!Float.isFinite(in[i])) {
                throw new IllegalArgumentException("samples: value " + in[i] + " at stream sample "
                        + (received + i - off) + " is not finite");
            }
        }
        if (passThrough) {
            received += len;
            next += len;
            return Arrays.copyOfRange(in, off, off + len);
        }
        float[] out = new float[0];
        int outLen = 0;
        for (int p = off; p < off + len; p += STEP) {
            int n = Math.min(STEP, off + len - p);
            compact();
            for (int i = 0; i < n; i++) {
                hist[histLen + i] = in[p + i];
            }
            histLen += n;
            received += n;
            // output t needs input samples up to floor(t / ratio) + reach, all in the history
            long ready = next;
            while (inputIndex(ready) + reach < received) {
                ready++;
            }
            int count = (int) (ready - next);
            if (outLen + count > out.length) {
                out = Arrays.copyOf(out, Math.max(outLen + count, 2 * out.length));
            }
            for (int i = 0; i < count; i++) {
                out[outLen++] = (float) output(next++, Long.MAX_VALUE);
            }
        }
        return outLen == out.length ? out : Arrays.copyOf(out, outLen);
    }

    /**
     * Ends the stream: returns the output samples whose filter reaches past its end (computed with the end as the
     * right edge, as the whole-stream resampler does) and the zeros of librosa's {@code fix_length}, so that all the
     * samples returned number {@code ceil(n * targetSr / origSr)} for {@code n} input samples.
     *
     * @return the last output samples (none for a stream shorter than one output sample)
     * @throws IllegalStateException if called twice
     */
    public float[] finish() {
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        finished = true;
        if (passThrough) {
            return new float[0];
        }
        long nOut = (long) (received * ratio);
        if (nOut < 1) {
            return new float[0];
        }
        long total = (long) Math.ceil(received * ratio);
        float[] out = new float[(int) (total - next)];
        int k = 0;
        while (next < nOut) {
            out[k++] = (float) output(next++, received);
        }
        next = total;
        return out;
    }

    /** Input sample index of output sample {@code t}, as the whole-stream resampler computes it. */
    private long inputIndex(long t) {
        return (long) (t * timeIncrement);
    }

    /** Drops history no longer reachable by the next output's left taps. */
    private void compact() {
        long keepFrom = Math.max(base, inputIndex(next) - reach);
        int drop = (int) (keepFrom - base);
        if (drop > 0) {
            System.arraycopy(hist, drop, hist, 0, histLen - drop);
            histLen -= drop;
            base = keepFrom;
        }
        if (histLen + STEP > hist.length) {
            hist = Arrays.copyOf(hist, histLen + STEP);
        }
    }

    /** Output sample {@code t} with {@code nOrig} input samples in all (its right taps stop there). */
    private double output(long t, long nOrig) {
        double time = t * timeIncrement;
        long n = (long) time;
        double frac = scale * (time - n);
        double indexFrac = frac * numTable;
        int offset = (int) indexFrac;
        double eta = indexFrac - offset;
        double acc = 0;
        long iMax = Math.min(n + 1, (nwin - offset) / indexStep);
        for (int i = 0; i < iMax; i++) {
            int k = 2 * (offset + i * indexStep);
            acc += (wd[k] + eta * wd[k + 1]) * hist[(int) (n - i - base)];
        }
        frac = scale - frac;
        indexFrac = frac * numTable;
        offset = (int) indexFrac;
        eta = indexFrac - offset;
        long kMax = Math.min(nOrig - n - 1, (nwin - offset) / indexStep);
        for (int k = 0; k < kMax; k++) {
            int j = 2 * (offset + k * indexStep);
            acc += (wd[j] + eta * wd[j + 1]) * hist[(int) (n + k + 1 - base)];
        }
        return acc;
    }
}
