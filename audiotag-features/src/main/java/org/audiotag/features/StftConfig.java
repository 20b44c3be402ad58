package org.audiotag.features;

import java.util.Objects;

/**
 * Immutable parameters of a short-time Fourier transform, named and defaulted as {@code librosa.stft} (0.10):
 * {@code n_fft = 2048}, {@code hop_length = n_fft / 4}, {@code win_length = n_fft}, {@code window = 'hann'},
 * {@code center = True}, {@code pad_mode = 'constant'}. Any {@code n_fft >= 1} is allowed (not only powers of two).
 * Lengths are in samples. Validated once by {@link Builder#build()}: {@code n_fft} in [1, 2^24],
 * {@code hop_length >= 1}, {@code win_length} in [1, n_fft] (0 for either means the default); a violation throws
 * {@link IllegalArgumentException} naming the parameter. Instances are compared by value.
 *
 * <p>The STFT of the original project's pipeline A (docs/ORIGINAL-PROJECT.md §1.3), librosa 0.6 style:
 * {@snippet :
 * StftConfig cfg = StftConfig.builder().nFft(2560).hopLength(692).padMode(PadMode.REFLECT).build();
 * int bins = cfg.nBins();                     // 1 + 2560 / 2 = 1281 frequency bins
 * int frames = cfg.frameCount(88200);         // 1 + 88200 / 692 = 128 frames for 2 s at 44.1 kHz
 * StftConfig defaults = StftConfig.ofNFft(1024);   // hop 256, Hann, centred, zero padding
 * Stft stft = Stft.of(cfg);
 * }
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

    /**
     * Returns a builder with librosa's defaults ({@code n_fft=2048}, hop {@code n_fft/4}, Hann, centred, constant
     * padding).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns librosa's defaults with another {@code n_fft}: hop {@code n_fft / 4}, {@code win_length = n_fft}, Hann,
     * centred, constant padding.
     *
     * @param nFft FFT and frame length in samples, in [1, 2^24]
     * @return the configuration
     * @throws IllegalArgumentException if {@code nFft} is out of range
     */
    public static StftConfig ofNFft(int nFft) {
        return builder().nFft(nFft).build();
    }

    /**
     * Returns a builder initialised with this configuration, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().nFft(nFft).hopLength(hopLength).winLength(winLength).window(window).center(center)
                .padMode(padMode);
    }

    /**
     * Returns {@code n_fft}, the frame and FFT length.
     *
     * @return the length in samples
     */
    public int nFft() {
        return nFft;
    }

    /**
     * Returns {@code hop_length}, the step between successive frames.
     *
     * @return the hop in samples
     */
    public int hopLength() {
        return hopLength;
    }

    /**
     * Returns {@code win_length}, the window length; the window is zero-padded centrally to {@code n_fft}.
     *
     * @return the window length in samples
     */
    public int winLength() {
        return winLength;
    }

    /**
     * Returns the window function ({@code window}).
     *
     * @return the window
     */
    public Window window() {
        return window;
    }

    /**
     * Returns whether frames are centred ({@code center}): the signal is padded by {@code n_fft/2} samples on both
     * sides, so frame {@code t} is centred on sample {@code t * hop_length}.
     *
     * @return true when centred
     */
    public boolean center() {
        return center;
    }

    /**
     * Returns the padding used when {@link #center()} ({@code pad_mode}).
     *
     * @return the pad mode
     */
    public PadMode padMode() {
        return padMode;
    }

    /**
     * Returns the number of frequency bins of the one-sided spectrum, {@code 1 + n_fft / 2}, from 0 Hz to the
     * Nyquist frequency in steps of {@code sr / n_fft}.
     *
     * @return the number of rows of a spectrogram
     */
    public int nBins() {
        return 1 + nFft / 2;
    }

    /**
     * Returns the number of frames librosa produces for a signal of {@code n} samples:
     * {@code 1 + (n + 2*(n_fft/2) - n_fft) / hop} when centred (= {@code 1 + n / hop} for even n_fft),
     * {@code 1 + (n - n_fft) / hop} otherwise (integer division).
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

    /** Builder of {@link StftConfig}; starts from librosa's defaults and validates in {@link #build()}. */
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
         * Sets {@code n_fft}, the frame and FFT length.
         *
         * @param nFft frame / FFT length in samples, 1..2^24 (default 2048)
         * @return this builder
         */
        public Builder nFft(int nFft) {
            this.nFft = nFft;
            return this;
        }

        /**
         * Sets {@code hop_length}, the step between frames.
         *
         * @param hopLength samples between frames, &gt;= 1 (default, or 0: n_fft / 4)
         * @return this builder
         */
        public Builder hopLength(int hopLength) {
            this.hopLength = hopLength;
            return this;
        }

        /**
         * Sets {@code win_length}, the length of the window before it is zero-padded to {@code n_fft}.
         *
         * @param winLength window length in samples, 1..n_fft (default, or 0: n_fft)
         * @return this builder
         */
        public Builder winLength(int winLength) {
            this.winLength = winLength;
            return this;
        }

        /**
         * Sets the window function ({@code window}).
         *
         * @param window the window (default Hann)
         * @return this builder
         */
        public Builder window(Window window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Sets whether frames are centred ({@code center}).
         *
         * @param center centre frames by padding n_fft/2 on both sides (default true)
         * @return this builder
         */
        public Builder center(boolean center) {
            this.center = center;
            return this;
        }

        /**
         * Sets the padding of centred frames ({@code pad_mode}).
         *
         * @param padMode padding for centred frames (default constant, as librosa &gt;= 0.9; reflect for librosa
         *     &lt;= 0.8)
         * @return this builder
         */
        public Builder padMode(PadMode padMode) {
            this.padMode = Objects.requireNonNull(padMode, "padMode");
            return this;
        }

        /**
         * Validates the parameters against the limits listed in {@link StftConfig} and builds the configuration.
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
