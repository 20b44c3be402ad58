package org.audiotag.features;

import java.util.Locale;

/**
 * How a centred STFT pads the signal by {@code n_fft / 2} samples on both sides (librosa's {@code pad_mode}).
 * librosa &gt;= 0.9 defaults to {@link #CONSTANT}; librosa &lt;= 0.8 (the original 2019 project) used {@link #REFLECT}.
 */
public enum PadMode {
    /** Zeros ({@code np.pad(mode='constant')}). */
    CONSTANT,
    /**
     * numpy's {@code reflect}: mirror about the edge sample without repeating it ({@code d c b | a b c d ...}
     * gives {@code ... c b a b c d}); when the pad is longer than {@code len - 1} the reflection repeats, as numpy
     * does.
     */
    REFLECT;

    /**
     * Parses {@code constant} or {@code reflect}, case-insensitively.
     *
     * @param name the name
     * @return the pad mode
     * @throws IllegalArgumentException naming the parameter {@code pad_mode}
     */
    public static PadMode parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "constant": return CONSTANT;
            case "reflect": return REFLECT;
            default:
                throw new IllegalArgumentException("pad_mode must be 'constant' or 'reflect', got '" + name + "'");
        }
    }

    /**
     * Returns the librosa / numpy name of this mode.
     *
     * @return {@code constant} or {@code reflect}
     */
    public String librosaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
