package org.audiotag.features;

/**
 * Converts between Hz and mels as {@code librosa.hz_to_mel}, {@code librosa.mel_to_hz} and
 * {@code librosa.mel_frequencies}.
 *
 * <p>Slaney scale ({@code htk=false}, the librosa default, Auditory Toolbox): linear {@code mel = 3 f / 200} below
 * 1000 Hz, logarithmic {@code mel = 15 + 27 ln(f / 1000) / ln(6.4)} above. HTK scale: {@code 2595 log10(1 + f/700)}.
 */
public final class MelScale {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    private MelScale() {
    }

    /**
     * Converts a frequency to mels ({@code librosa.hz_to_mel(hz, htk=htk)}).
     *
     * @param hz frequency in Hz
     * @param htk use the HTK formula instead of Slaney's
     * @return the mel value
     */
    public static double hzToMel(double hz, boolean htk) {
        if (htk) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        if (hz >= MIN_LOG_HZ) {
            return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP;
        }
        return hz / F_SP;
    }

    /**
     * Converts mels to a frequency ({@code librosa.mel_to_hz(mel, htk=htk)}), the inverse of {@link #hzToMel}.
     *
     * @param mel mel value
     * @param htk use the HTK formula instead of Slaney's
     * @return the frequency in Hz
     */
    public static double melToHz(double mel, boolean htk) {
        if (htk) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        if (mel >= MIN_LOG_MEL) {
            return MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL));
        }
        return F_SP * mel;
    }

    /**
     * Returns {@code n} frequencies in Hz equally spaced on the mel scale from {@code fMin} to {@code fMax} inclusive,
     * as {@code librosa.mel_frequencies(n_mels, fmin, fmax, htk)} (numpy {@code linspace} then {@link #melToHz}).
     *
     * @param n number of points, &gt;= 1
     * @param fMin lowest frequency (Hz), &gt;= 0
     * @param fMax highest frequency (Hz), &gt;= fMin
     * @param htk HTK scale instead of Slaney
     * @return the frequencies in Hz
     * @throws IllegalArgumentException if {@code n < 1} or not {@code 0 <= fMin <= fMax < infinity}
     */
    public static double[] melFrequencies(int n, double fMin, double fMax, boolean htk) {
        if (n < 1) {
            throw new IllegalArgumentException("n_mels must be >= 1, got " + n);
        }
        if (!(fMin >= 0) || !(fMax >= fMin) || Double.isInfinite(fMax)) {
            throw new IllegalArgumentException("need 0 <= fmin <= fmax < infinity, got fmin=" + fMin + ", fmax="
                    + fMax);
        }
        double lo = hzToMel(fMin, htk);
        double hi = hzToMel(fMax, htk);
        double[] out = new double[n];
        if (n == 1) {
            out[0] = melToHz(lo, htk);
            return out;
        }
        double step = (hi - lo) / (n - 1);
        for (int i = 0; i < n; i++) {
            out[i] = melToHz(i == n - 1 ? hi : i * step + lo, htk);
        }
        return out;
    }
}
