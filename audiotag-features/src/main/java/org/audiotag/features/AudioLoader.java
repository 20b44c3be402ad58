package org.audiotag.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.DecodedAudio;

/**
 * Loads audio files as mono {@link AudioClip}s the way
 * {@code librosa.load(path, sr=..., mono=True, offset=..., duration=..., res_type=...)} does: decodes a WAV, FLAC or
 * Ogg Vorbis file (format detected by content, see {@link AudioDecoder}), cuts {@code offset}/{@code duration} in
 * the file's own frames ({@code floor(offset * native rate)} onwards), averages the channels to mono
 * ({@code librosa.to_mono}) and resamples to {@code sr} with {@link Resampler} unless the native rate is kept.
 * Samples are float32 scaled as librosa's (int16 / 32768, int24 / 2^23, ...), nominally in [-1, 1].
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}. Defaults follow librosa: {@code sr = 22050}; use
 * {@link Builder#nativeSr()} for librosa's {@code sr=None}. The resampler defaults to
 * {@link Resampler#DEFAULT_TYPE} (kaiser_best; librosa 0.10's own default soxr_hq is not available on the JVM).
 *
 * <p>Given a {@code Path file}:
 * {@snippet :
 * // librosa.load(path): mono at 22050 Hz, resampled with kaiser_best
 * AudioClip clip = AudioLoader.builder().build().load(file);
 * // librosa.load(path, sr=44100, offset=0.5, duration=2.0)
 * AudioLoader loader = AudioLoader.builder().sr(44100).offset(0.5).duration(2.0).build();
 * AudioClip part = loader.load(file);
 * float[] y = part.samples();        // 88200 float32 samples in [-1, 1]
 * int sr = part.sampleRate();        // 44100
 * // librosa.load(path, sr=None): the file's own rate
 * AudioClip asRecorded = AudioLoader.nativeRate().load(file);
 * }
 */
public final class AudioLoader {

    /** librosa.load's default target sample rate, 22050 Hz. */
    public static final int DEFAULT_SR = 22050;

    private final int sr;
    private final double offset;
    private final double duration;
    private final ResampleType resType;

    private AudioLoader(Builder b) {
        this.sr = b.sr;
        this.offset = b.offset;
        this.duration = b.duration;
        this.resType = b.resType;
    }

    /**
     * Returns a builder with librosa's defaults ({@code sr=22050}, {@code offset=0}, {@code duration=None},
     * {@code res_type=kaiser_best}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a loader that keeps each file's own sample rate ({@code librosa.load(path, sr=None)}): whole file, mono,
     * no resampling.
     *
     * @return the loader
     */
    public static AudioLoader nativeRate() {
        return builder().nativeSr().build();
    }

    /**
     * Returns a loader that reads whole files and resamples them to {@code sr} Hz with the default resampler
     * ({@code librosa.load(path, sr=sr)}).
     *
     * @param sr target sample rate in Hz, positive
     * @return the loader
     * @throws IllegalArgumentException if {@code sr <= 0}
     */
    public static AudioLoader atRate(int sr) {
        return builder().sr(sr).build();
    }

    /**
     * Decodes a file and returns it as a mono clip at {@link #sr()}: the part selected by {@link #offset()} and
     * {@link #duration()}, channels averaged, resampled with {@link #resType()} when the file's rate differs.
     *
     * @param file a WAV, FLAC or Ogg Vorbis file
     * @return the mono clip at {@link #sr()} (or the file's rate when the native rate is kept), whose source is
     *     the file name
     * @throws org.audiotag.features.io.AudioFormatException if the file cannot be decoded (message names the file
     *     and the problem)
     * @throws IOException if the file cannot be read
     */
    public AudioClip load(Path file) throws IOException {
        return fromDecoded(AudioDecoder.decode(file));
    }

    /**
     * Loads a headerless file of little-endian float32 samples (mono, or interleaved channels) whose rate the caller
     * knows, and returns it as {@link #load(Path)} would a decoded file.
     *
     * @param file the raw file
     * @param rawSr sample rate of the raw samples in Hz, in [{@value AudioDecoder#MIN_SAMPLE_RATE},
     *     {@value AudioDecoder#MAX_SAMPLE_RATE}]
     * @param channels number of interleaved channels, in [1, {@value AudioDecoder#MAX_CHANNELS}]
     * @return the mono clip, resampled as {@link #load(Path)} does
     * @throws IllegalArgumentException if {@code rawSr} or {@code channels} is outside its range
     * @throws IOException if the file cannot be read, is not a whole number of float32 frames or holds NaN or
     *     infinite values
     */
    public AudioClip loadRawFloat32(Path file, int rawSr, int channels) throws IOException {
        return fromDecoded(AudioDecoder.decodeRawFloat32(file, rawSr, channels));
    }

    /**
     * Applies this loader's offset, duration, mono down-mix and resampling to already decoded audio.
     *
     * @param audio decoded audio
     * @return the mono clip at {@link #sr()} (or the audio's own rate when the native rate is kept), whose source is
     *     the audio's source file, if any
     */
    public AudioClip fromDecoded(DecodedAudio audio) {
        Objects.requireNonNull(audio, "audio");
        int nativeSr = audio.sampleRate();
        float[] mono = audio.toMono();
        int start = (int) Math.min(mono.length, (long) Math.floor(offset * nativeSr));
        int end = mono.length;
        if (!Double.isNaN(duration)) {
            end = (int) Math.min(mono.length, start + (long) Math.floor(duration * nativeSr));
        }
        if (start != 0 || end != mono.length) {
            mono = Arrays.copyOfRange(mono, start, end);
        }
        String source = audio.source().map(Path::toString).orElse(null);
        if (sr == 0 || sr == nativeSr) {
            return AudioClip.of(mono, nativeSr, source);
        }
        float[] y = Resampler.resample(mono, nativeSr, sr, resType);
        return AudioClip.of(y, sr, source);
    }

    /**
     * Returns the target sample rate ({@code sr}).
     *
     * @return the rate in Hz, or 0 when each file's own rate is kept ({@code sr=None})
     */
    public int sr() {
        return sr;
    }

    /**
     * Returns the start of the part that is loaded ({@code offset}).
     *
     * @return offset in seconds from the start of the file
     */
    public double offset() {
        return offset;
    }

    /**
     * Returns the length of the part that is loaded ({@code duration}).
     *
     * @return duration in seconds, or {@code NaN} for "to the end" ({@code duration=None})
     */
    public double duration() {
        return duration;
    }

    /**
     * Returns the resampling method ({@code res_type}) used when the file's rate differs from {@link #sr()}.
     *
     * @return the method
     */
    public ResampleType resType() {
        return resType;
    }

    @Override
    public String toString() {
        return "AudioLoader[sr=" + (sr == 0 ? "None" : Integer.toString(sr)) + ", offset=" + offset
                + ", duration=" + (Double.isNaN(duration) ? "None" : Double.toString(duration))
                + ", res_type=" + resType.librosaName() + "]";
    }

    /** Builder for {@link AudioLoader}, starting from librosa's defaults; validates each value as it is set. */
    public static final class Builder {
        private int sr = DEFAULT_SR;
        private double offset = 0.0;
        private double duration = Double.NaN;
        private ResampleType resType = Resampler.DEFAULT_TYPE;

        private Builder() {
        }

        /**
         * Sets the target sample rate ({@code sr}, default 22050 Hz).
         *
         * @param sr rate in Hz, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code sr <= 0}
         */
        public Builder sr(int sr) {
            if (sr <= 0) {
                throw new IllegalArgumentException("sr: must be > 0 (or use nativeSr() for sr=None), got " + sr);
            }
            this.sr = sr;
            return this;
        }

        /**
         * Keeps each file's own sample rate ({@code sr=None}): no resampling.
         *
         * @return this builder
         */
        public Builder nativeSr() {
            this.sr = 0;
            return this;
        }

        /**
         * Starts reading this many seconds into the file ({@code offset}, default 0).
         *
         * @param offset seconds, finite and {@code >= 0}; past the end gives an empty clip
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder offset(double offset) {
            if (!(offset >= 0) || Double.isInfinite(offset)) {
                throw new IllegalArgumentException("offset: must be a finite number >= 0 seconds, got " + offset);
            }
            this.offset = offset;
            return this;
        }

        /**
         * Loads at most this many seconds from the offset on ({@code duration}, default None: to the end).
         *
         * @param duration seconds, finite and {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if not positive or not finite
         */
        public Builder duration(double duration) {
            if (!(duration > 0) || Double.isInfinite(duration)) {
                throw new IllegalArgumentException("duration: must be a finite number > 0 seconds, got " + duration);
            }
            this.duration = duration;
            return this;
        }

        /**
         * Sets the resampling method ({@code res_type}, default {@link Resampler#DEFAULT_TYPE}, kaiser_best).
         *
         * @param resType the method
         * @return this builder
         */
        public Builder resType(ResampleType resType) {
            this.resType = Objects.requireNonNull(resType, "resType");
            return this;
        }

        /**
         * Builds the loader with the values set so far.
         *
         * @return an immutable loader
         */
        public AudioLoader build() {
            return new AudioLoader(this);
        }
    }
}
