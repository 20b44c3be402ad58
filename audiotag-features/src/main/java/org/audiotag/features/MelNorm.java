package org.audiotag.features;

import java.util.Locale;

/** Normalisation of mel filters, librosa's {@code norm} argument of {@code filters.mel}. */
public enum MelNorm {
    /** {@code norm='slaney'} (librosa default): each triangle scaled by {@code 2 / (f_hi - f_lo)} (equal area). */
    SLANEY,
    /** {@code norm=None}: triangles of peak 1. */
    NONE;

    /**
     * @param name {@code slaney} or {@code none}
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

    /** @return the name used in configuration files and on the command line */
    public String librosaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
