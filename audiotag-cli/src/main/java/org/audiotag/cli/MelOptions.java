package org.audiotag.cli;

import org.audiotag.features.MelNorm;
import picocli.CommandLine.Option;

/**
 * The mel filter-bank options that {@code features} and {@code invert} share word for word ({@code --htk},
 * {@code --norm}), as a picocli mixin. The commands' other STFT/mel options differ in default, requiredness or help
 * text and stay in each command.
 */
final class MelOptions {
    @Option(names = "--htk", description = "HTK mel scale instead of Slaney.")
    boolean htk;

    @Option(names = "--norm", defaultValue = "slaney", description = "Mel filter norm: slaney or none.")
    String norm;

    /**
     * Returns the mel filter normalisation {@code --norm} names.
     *
     * @return {@code --norm} parsed
     * @throws IllegalArgumentException if it is neither slaney nor none
     */
    MelNorm melNorm() {
        return MelNorm.parse(norm);
    }
}
