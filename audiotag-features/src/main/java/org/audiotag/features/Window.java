package org.audiotag.features;

import java.util.Locale;

/**
 * Analysis windows, computed as scipy's {@code get_window(name, n, fftbins=True)} (periodic: the first {@code n}
 * points of the symmetric window of length {@code n + 1}), which librosa uses for STFT and iSTFT.
 */
public enum Window {
    /** Periodic Hann: {@code 0.5 - 0.5 cos(2 pi n / N)}. */
    HANN(new double[] {0.5, 0.5}),
    /** Periodic Hamming: {@code 0.54 - 0.46 cos(2 pi n / N)}. */
    HAMMING(new double[] {0.54, 0.46}),
    /** Periodic Blackman: {@code 0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N)}. */
    BLACKMAN(new double[] {0.42, 0.5, 0.08}),
    /** Rectangular (scipy {@code boxcar}): all ones. */
    RECTANGULAR(new double[] {1.0});

    private final double[] coefficients;

    Window(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * Returns the periodic window of length {@code n} (scipy {@code general_cosine} with {@code sym=False}).
     *
     * @param n window length, &gt;= 1
     * @return the window values
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public double[] periodic(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length must be >= 1, got " + n);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double fac = -Math.PI + 2.0 * Math.PI * i / n;
            double v = 0;
            for (int k = 0; k < coefficients.length; k++) {
                v += coefficients[k] * Math.cos(k * fac);
            }
            w[i] = v;
        }
        return w;
    }

    /**
     * Returns the periodic window of length {@code winLength} zero-padded centrally to {@code nFft} (librosa
     * {@code util.pad_center}: {@code (nFft - winLength) / 2} zeros on the left).
     *
     * @param winLength window length, 1..nFft
     * @param nFft frame length
     * @return the padded window of length {@code nFft}
     * @throws IllegalArgumentException if {@code winLength} is outside [1, nFft]
     */
    public double[] padded(int winLength, int nFft) {
        if (winLength < 1 || winLength > nFft) {
            throw new IllegalArgumentException("winLength must be in [1, nFft=" + nFft + "], got " + winLength);
        }
        double[] w = periodic(winLength);
        double[] out = new double[nFft];
        System.arraycopy(w, 0, out, (nFft - winLength) / 2, winLength);
        return out;
    }

    /**
     * Parses a scipy window name ({@code hann}, {@code hamming}, {@code blackman}, {@code boxcar} / {@code rectangular}
     * / {@code ones}), case-insensitively.
     *
     * @param name the name
     * @return the window
     * @throws IllegalArgumentException naming the parameter {@code window} for unknown names
     */
    public static Window parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "hann": case "hanning": return HANN;
            case "hamming": return HAMMING;
            case "blackman": return BLACKMAN;
            case "boxcar": case "rectangular": case "rect": case "ones": return RECTANGULAR;
            default:
                throw new IllegalArgumentException("window must be one of hann, hamming, blackman, rectangular; got '"
                        + name + "'");
        }
    }

    /**
     * Returns the scipy / librosa name of this window.
     *
     * @return e.g. {@code hann}, {@code boxcar} for {@link #RECTANGULAR}
     */
    public String librosaName() {
        return this == RECTANGULAR ? "boxcar" : name().toLowerCase(Locale.ROOT);
    }
}
