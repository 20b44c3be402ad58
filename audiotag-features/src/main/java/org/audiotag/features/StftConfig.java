package org.audiotag.features;

import java.util.Objects;

/**
 * Immutable parameters of a short-time Fourier transform, named and defaulted as {@code librosa.stft} (0.10):
 * {@code n_fft = 2048}, {@code hop_length = n_fft / 4}, {@code win_length = n_fft}, {@code window = 'hann'},
 * {@code center = True}, {@code pad_mode = 'constant'}. Any {@code n_fft >= 1} is allowed (not only powers of two).
 * Validated by {@link Builder#build()}.
 */
public final class StftConfig {
    private final int nFft;
    private final int hopLength;
    private final int winLength;
    private final Window window;
    private final boolean center;
    private final PadMode padMode;

    private StftConfig(Builder b) {
        this.nFft = b.nFft;
        this.hopLength = b.hopLength > 0 ? b.hopLength : Math.max(1, b.nFft / 4);
        this.winLength = b.winLength > 0 ? b.winLength : b.nFft;
        this.window = b.window;
        this.center = b.center;
        this.padMode = b.padMode;
    }

    /** @return a builder with librosa's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param nFft FFT / frame length
     * @return librosa's defaults with the given {@code n_fft}
     */
    public static StftConfig ofNFft(int nFft) {
        return builder().nFft(nFft).build();
    }

    /** @return a builder initialised with this configuration */
    public Builder toBuilder() {
        return new Builder().nFft(nFft).hopLength(hopLength).winLength(winLength).window(window).center(center)
                .padMode(padMode);
    }

    /** @return {@code n_fft}: frame and FFT length in samples */
    public int nFft() {
        return nFft;
    }

    /** @return {@code hop_length}: samples between successive frames */
    public int hopLength() {
        return hopLength;
    }

    /** @return {@code win_length}: window length in samples (the window is zero-padded centrally to n_fft) */
    public int winLength() {
        return winLength;
    }

    /** @return the window function */
    public Window window() {
        return window;
    }

    /** @return whether frames are centred (the signal padded by n_fft/2 on both sides) */
    public boolean center() {
        return center;
    }

    /** @return the padding used when {@link #center()} */
    public PadMode padMode() {
        return padMode;
    }

    /** @return number of frequency bins {@code 1 + n_fft / 2} */
    public int nBins() {
        return 1 + nFft / 2;
    }

    /**
     * Number of frames librosa produces for a signal of {@code n} samples: {@code 1 + (n + 2*(n_fft/2) - n_fft) / hop}
     * when centred (= {@code 1 + n / hop} for even n_fft), {@code 1 + (n - n_fft) / hop} otherwise.
     *
     * @param n signal length in samples, &gt;= 1
     * @return the frame count
     * @throws IllegalArgumentException if the signal is empty or, without centring, shorter than n_fft
     */
    public int frameCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("y is empty: the signal needs at least one sample");
        }
        long padded = center ? (long) n + 2L * (nFft / 2) : n;
        if (padded < nFft) {
            throw new IllegalArgumentException("signal of " + n + " samples is shorter than n_fft=" + nFft
                    + (center ? "" : " (center=false)"));
        }
        return (int) (1 + (padded - nFft) / hopLength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StftConfig s && s.nFft == nFft && s.hopLength == hopLength && s.winLength == winLength
                && s.window == window && s.center == center && s.padMode == padMode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nFft, hopLength, winLength, window, center, padMode);
    }

    @Override
    public String toString() {
        return "StftConfig[n_fft=" + nFft + ", hop_length=" + hopLength + ", win_length=" + winLength + ", window="
                + window.librosaName() + ", center=" + center + ", pad_mode=" + padMode.librosaName() + "]";
    }

    /** Builder of {@link StftConfig}; starts from librosa's defaults. */
    public static final class Builder {
        private int nFft = 2048;
        private int hopLength;
        private int winLength;
        private Window window = Window.HANN;
        private boolean center = true;
        private PadMode padMode = PadMode.CONSTANT;

        private Builder() {
        }

        /**
         * @param nFft frame / FFT length, 1..2^24 (default 2048)
         * @return this builder
         */
        public Builder nFft(int nFft) {
            this.nFft = nFft;
            return this;
        }

        /**
         * @param hopLength samples between frames, &gt;= 1 (default, or 0: n_fft / 4)
         * @return this builder
         */
        public Builder hopLength(int hopLength) {
            this.hopLength = hopLength;
            return this;
        }

        /**
         * @param winLength window length, 1..n_fft (default, or 0: n_fft)
         * @return this builder
         */
        public Builder winLength(int winLength) {
            this.winLength = winLength;
            return this;
        }

        /**
         * @param window the window (default Hann)
         * @return this builder
         */
        public Builder window(Window window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * @param center centre frames by padding n_fft/2 on both sides (default true)
         * @return this builder
         */
        public Builder center(boolean center) {
            this.center = center;
            return this;
        }

        /**
         * @param padMode padding for centred frames (default constant, as librosa &gt;= 0.9)
         * @return this builder
         */
        public Builder padMode(PadMode padMode) {
            this.padMode = Objects.requireNonNull(padMode, "padMode");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the offending parameter and its allowed range
         */
        public StftConfig build() {
            if (nFft < 1 || nFft > (1 << 24)) {
                throw new IllegalArgumentException("n_fft must be in [1, 16777216], got " + nFft);
            }
            if (hopLength < 0) {
                throw new IllegalArgumentException("hop_length must be >= 1, got " + hopLength);
            }
            if (winLength < 0 || winLength > nFft) {
                throw new IllegalArgumentException("win_length must be in [1, n_fft=" + nFft + "], got " + winLength);
            }
            return new StftConfig(this);
        }
    }
}
