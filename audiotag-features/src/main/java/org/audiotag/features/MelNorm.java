package org.audiotag.features;

import java.util.Locale;

/** Normalisation of mel filters, librosa's {@code norm} argument of {@code filters.mel}. */
public enum MelNorm {
    /** {@code norm='slaney'} (librosa default): each triangle scaled by {@code 2 / (f_hi - f_lo)} (equal area). */
    SLANEY,
    /** {@code norm=None}: triangles of peak 1. */
    NONE;

    /**
     * Parses a normalisation name, case-insensitively: {@code slaney} (or {@code 1}) or {@code none} (or
     * {@code null}).
     *
     * @param name the name
     * @return the norm
     * @throws IllegalArgumentException naming the parameter {@code norm}
     */
    public static MelNorm parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "slaney": case "1": return SLANEY;
            case "none": case "null": return NONE;
            default: throw new IllegalArgumentException("norm must be 'slaney' or 'none', got '" + name + "'");
        }
    }

    /**
     * Returns the name used in configuration files and on the command line.
     *
     * @return {@code slaney} or {@code none}
     */
    public String librosaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
