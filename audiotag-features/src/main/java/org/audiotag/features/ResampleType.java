package org.audiotag.features;

import java.util.Locale;

/**
 * The resampling methods of {@code librosa.resample(res_type=...)} that do not need python-soxr, each reproduced
 * to within librosa's float64 round-off (see {@link Resampler}); {@link #KAISER_BEST} and {@link #KAISER_FAST} are
 * resampy's windowed-sinc filters.
 */
public enum ResampleType {
    /**
     * resampy 0.4's {@code kaiser_best}: windowed-sinc interpolation (J. O. Smith's bandlimited interpolation) with
     * 50 zero crossings, 2^13 = 8192 table entries per zero crossing, a Kaiser window with beta 12.9846 and roll-off
     * 0.917347 x Nyquist (designed for -120 dB stop band). These are the values resampy prints for its shipped table;
     * the table is recomputed from them and reproduces librosa 0.10.2's kaiser_best fixture to 1e-13 (the table
     * itself was fitted back from the fixture to 4e-16). Highest quality, slowest. librosa's default before 0.10.
     */
    KAISER_BEST("kaiser_best", 50, 13, 12.9846, 0.917347),
    /**
     * resampy 0.4's {@code kaiser_fast}: 24 zero crossings, 2^9 = 512 entries per zero crossing, Kaiser beta 9.90322,
     * roll-off 0.868212 x Nyquist (designed for -93 dB). Recomputed the same way as {@link #KAISER_BEST}; no
     * librosa fixture covers this table, so it is checked by its frequency response rather than element-wise.
     */
    KAISER_FAST("kaiser_fast", 24, 9, 9.90322, 0.868212),
    /**
     * {@code scipy.signal.resample_poly}: polyphase FIR filtering with a Kaiser (beta 5) windowed-sinc low-pass of
     * half-length {@code 10 * max(up, down)} and cut-off at the lower of the two Nyquist frequencies. Fast; only
     * about -45 dB stop band and a transition band centred on the new Nyquist frequency.
     */
    POLYPHASE("polyphase", 0, 0, 5.0, 1.0),
    /**
     * {@code scipy.signal.resample}: FFT of the whole signal, truncation or zero-padding of the spectrum, inverse
     * FFT. Exactly band-limited but assumes a periodic signal (edges wrap around).
     */
    FFT("fft", 0, 0, 0.0, 1.0);

    private final String librosaName;
    private final int numZeros;
    private final int precision;
    private final double beta;
    private final double rolloff;

    ResampleType(String librosaName, int numZeros, int precision, double beta, double rolloff) {
        this.librosaName = librosaName;
        this.numZeros = numZeros;
        this.precision = precision;
        this.beta = beta;
        this.rolloff = rolloff;
    }

    /**
     * The {@code res_type} string librosa uses for this method.
     *
     * @return e.g. {@code "kaiser_best"}
     */
    public String librosaName() {
        return librosaName;
    }

    int numZeros() {
        return numZeros;
    }

    int precision() {
        return precision;
    }

    double beta() {
        return beta;
    }

    double rolloff() {
        return rolloff;
    }

    /**
     * Looks a method up by its librosa {@code res_type} name ({@code "scipy"} is accepted as librosa's alias of
     * {@code "fft"}).
     *
     * @param name the name, case-insensitive
     * @return the method
     * @throws IllegalArgumentException naming the allowed values if the name is unknown (including librosa's
     *     soxr and samplerate methods, which are not available here)
     */
    public static ResampleType fromLibrosaName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("scipy")) {
            return FFT;
        }
        for (ResampleType t : values()) {
            if (t.librosaName.equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("res_type: unknown or unsupported resampler '" + name
                + "' (allowed: kaiser_best, kaiser_fast, polyphase, fft, scipy)");
    }
}
