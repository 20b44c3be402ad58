package org.audiotag.features.io;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Decoded multi-channel PCM audio: {@code channels x frames} 32-bit float samples, nominally in [-1, 1], scaled as
 * libsndfile (and therefore {@code librosa.load}) scales integer PCM (int16 / 32768, int24 / 8388608,
 * int32 / 2147483648, unsigned 8-bit (x - 128) / 128). Instances are immutable: the constructor copies its input and
 * every accessor returns a fresh copy.
 */
public final class DecodedAudio {

    private final float[][] channels;
    private final int sampleRate;
    private final Path source;

    /**
     * Creates decoded audio from per-channel sample arrays (copied).
     *
     * @param channels one array per channel, all of the same length (frames); at least one channel
     * @param sampleRate sample rate in Hz, positive
     * @param source the file the audio came from, or {@code null} when it was not read from a file
     * @throws IllegalArgumentException if there is no channel, the channels differ in length or the rate is not
     *     positive
     */
    public DecodedAudio(float[][] channels, int sampleRate, Path source) {
        this(copy(channels), sampleRate, source, true);
    }

    /** Takes ownership of {@code channels} without copying (for the decoders of this package). */
    DecodedAudio(float[][] channels, int sampleRate, Path source, boolean owned) {
        Objects.requireNonNull(channels, "channels");
        if (channels.length == 0) {
            throw new IllegalArgumentException("channels: at least one channel is required, got 0");
        }
        int frames = channels[0].length;
        for (int c = 1; c < channels.length; c++) {
            if (channels[c].length != frames) {
                throw new IllegalArgumentException("channels: channel " + c + " has " + channels[c].length
                        + " frames, channel 0 has " + frames);
            }
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: must be > 0, got " + sampleRate);
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.source = source;
    }

    private static float[][] copy(float[][] channels) {
        Objects.requireNonNull(channels, "channels");
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = Objects.requireNonNull(channels[c], "channels[" + c + "]").clone();
        }
        return out;
    }

    /**
     * Number of channels (1 for mono, 2 for stereo, ...).
     *
     * @return the channel count, at least 1
     */
    public int channels() {
        return channels.length;
    }

    /**
     * Number of frames (samples per channel).
     *
     * @return the frame count, possibly 0
     */
    public int frames() {
        return channels[0].length;
    }

    /**
     * Sample rate of the stored audio.
     *
     * @return samples per second per channel, in Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Duration of the audio.
     *
     * @return {@code frames() / sampleRate()} in seconds
     */
    public double durationSeconds() {
        return (double) frames() / sampleRate;
    }

    /**
     * The file this audio was decoded from.
     *
     * @return the source path, or empty if the audio was built in memory
     */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /**
     * Samples of one channel.
     *
     * @param channel channel index, {@code 0 <= channel < channels()}
     * @return a fresh copy of that channel's samples (length {@code frames()})
     * @throws IndexOutOfBoundsException if the channel does not exist
     */
    public float[] channel(int channel) {
        Objects.checkIndex(channel, channels.length);
        return channels[channel].clone();
    }

    /**
     * Sample {@code frame} of channel {@code channel}, without copying.
     *
     * @param channel channel index
     * @param frame frame index
     * @return the sample value
     */
    public float sample(int channel, int frame) {
        return channels[channel][frame];
    }

    /**
     * All channels, as a fresh {@code [channel][frame]} array (librosa's {@code (channels, n)} layout with
     * {@code mono=False}).
     *
     * @return a deep copy of the samples
     */
    public float[][] toArray() {
        return copy(channels);
    }

    /**
     * Mono down-mix exactly as {@code librosa.to_mono}: the mean over the channel axis, summed in float32 in channel
     * order and divided by the channel count (numpy's float32 {@code np.mean(y, axis=0)}). A mono signal is returned
     * as a copy.
     *
     * @return a fresh array of {@code frames()} samples
     */
    public float[] toMono() {
        int n = frames();
        int nc = channels.length;
        if (nc == 1) {
            return channels[0].clone();
        }
        float[] out = new float[n];
        float count = nc;
        for (int i = 0; i < n; i++) {
            float s = 0f;
            for (int c = 0; c < nc; c++) {
                s += channels[c][i];
            }
            out[i] = s / count;
        }
        return out;
    }

    /**
     * Interleaved samples ({@code frame * channels() + channel}), the layout WAV files use.
     *
     * @return a fresh array of {@code frames() * channels()} samples
     */
    public float[] interleaved() {
        int n = frames();
        int nc = channels.length;
        float[] out = new float[n * nc];
        for (int c = 0; c < nc; c++) {
            float[] ch = channels[c];
            for (int i = 0; i < n; i++) {
                out[i * nc + c] = ch[i];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "DecodedAudio[" + channels.length + " ch, " + frames() + " frames, " + sampleRate + " Hz"
                + (source == null ? "" : ", " + source) + "]";
    }
}
