package org.audiotag.features.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Decodes audio files to {@link DecodedAudio}, detecting the format from the file's content (its magic bytes), never
 * from its extension:
 * <ul>
 *   <li>{@code RIFF....WAVE}: WAV, parsed by this package (PCM 8-bit unsigned, 16/24/32-bit signed, IEEE float 32/64,
 *       WAVE_FORMAT_EXTENSIBLE, any channel count);</li>
 *   <li>{@code OggS}: Ogg Vorbis, decoded with JOrbis after this package has checked the Vorbis headers;</li>
 *   <li>{@code fLaC} (optionally after an ID3v2 tag): FLAC, decoded by this project's own decoder.</li>
 * </ul>
 * Headerless little-endian float32 is read with {@link #decodeRawFloat32(Path, int, int)}. The samples are scaled as
 * {@code soundfile.read(dtype='float32')} scales them, which is what {@code librosa.load} returns before any
 * down-mixing or resampling. Every failure is an {@link AudioFormatException} naming the file and the problem.
 * This class is stateless and thread-safe.
 *
 * <p>Hostile input: every decoder is safe on arbitrary bytes. The work and memory of a decode are bounded by the
 * file's size and the limits below, never by a header field alone: a file that declares a sample rate outside
 * [{@value #MIN_SAMPLE_RATE}, {@value #MAX_SAMPLE_RATE}] Hz or more than {@value #MAX_CHANNELS} channels, that would
 * decode to more than {@value #MAX_SAMPLES} samples (frames x channels, 1 GiB of float32), or that holds a NaN or
 * infinite sample (float WAV, Vorbis) is an {@link AudioFormatException}; decoding stops at the first frame, page or
 * packet that cannot be decoded, and nothing is printed.
 */
public final class AudioDecoder {

    /** Lowest sample rate a file may declare, in Hz (lower rates are not audio this library can analyse). */
    public static final int MIN_SAMPLE_RATE = 1_000;

    /** Highest sample rate a file may declare, in Hz (the highest rate of professional audio interfaces). */
    public static final int MAX_SAMPLE_RATE = 768_000;

    /** Most channels a file may declare (Vorbis's own limit; WAV could declare 65535, FLAC at most 8). */
    public static final int MAX_CHANNELS = 255;

    /**
     * Most samples (frames x channels) one file may decode to: 2^28, 1 GiB as float32, e.g. 50 minutes of 44.1 kHz
     * stereo. FLAC and Vorbis can describe far more audio than their size (a few bytes per block of silence), so
     * without a cap a small file could demand any amount of memory.
     */
    public static final int MAX_SAMPLES = 1 << 28;

    private AudioDecoder() {
    }

    /** The container formats this class recognises by content. */
    public enum Format {
        /** RIFF WAVE. */
        WAV,
        /** Ogg Vorbis. */
        OGG_VORBIS,
        /** Free Lossless Audio Codec. */
        FLAC
    }

    /**
     * Decodes a WAV, Ogg Vorbis or FLAC file, whichever its content is.
     *
     * @param file the audio file
     * @return all channels and frames of the file at its own sample rate
     * @throws AudioFormatException if the file is empty, of an unknown format, unsupported, truncated or corrupt
     * @throws IOException if the file cannot be read at all (missing, unreadable)
     */
    public static DecodedAudio decode(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return decode(readAll(file), file);
    }

    /**
     * Decodes a WAV, Ogg Vorbis or FLAC file that is already in memory (read from an archive, a database or the
     * network), whichever its content is; exactly what {@link #decode(Path)} does after reading the file.
     *
     * @param bytes the encoded file (not copied; must not change during the call)
     * @param source the name the bytes go by: it starts every error message and becomes
     *     {@link DecodedAudio#source()}
     * @return all channels and frames at the file's own sample rate
     * @throws AudioFormatException if the bytes are empty, of an unknown format, unsupported, truncated or corrupt, or
     *     beyond the limits in the class documentation
     */
    public static DecodedAudio decode(byte[] bytes, Path source) throws AudioFormatException {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(source, "source");
        Path file = source;
        if (bytes.length == 0) {
            throw new AudioFormatException(file, "file is empty (0 bytes)");
        }
        int flacOffset = flacOffset(bytes);
        if (flacOffset >= 0) {
            return FlacReader.read(bytes, flacOffset, file);
        }
        Format format = detect(bytes);
        if (format == null) {
            throw new AudioFormatException(file, "unrecognised audio format (first bytes '"
                    + WavReader.printable(bytes, 0, 12) + "'; supported: WAV, FLAC, Ogg Vorbis, or raw float32 "
                    + "with an explicit sample rate)");
        }
        return switch (format) {
            case WAV -> WavReader.read(bytes, file);
            case OGG_VORBIS -> OggVorbisReader.read(bytes, file);
            case FLAC -> FlacReader.read(bytes, 0, file);
        };
    }

    /**
     * Identifies the container of an encoded file from its first bytes.
     *
     * @param file the file to inspect
     * @return the format
     * @throws AudioFormatException if the file is empty or its content matches no supported format
     * @throws IOException if the file cannot be read
     */
    public static Format detect(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (head.length == 0) {
            throw new AudioFormatException(file, "file is empty (0 bytes)");
        }
        Format f = flacOffset(head) >= 0 ? Format.FLAC : detect(head);
        if (f == null) {
            throw new AudioFormatException(file, "unrecognised audio format (first bytes '"
                    + WavReader.printable(head, 0, 12) + "')");
        }
        return f;
    }

    /**
     * Reads headerless little-endian IEEE float32 samples, interleaved if there are several channels (the layout
     * {@code numpy.ndarray.astype('<f4').tofile} writes for a {@code (frames, channels)} array).
     *
     * @param file the raw file
     * @param sampleRate sample rate of the samples in Hz, in [{@value #MIN_SAMPLE_RATE}, {@value #MAX_SAMPLE_RATE}]
     *     (a raw file carries none)
     * @param channels number of interleaved channels, in [1, {@value #MAX_CHANNELS}]
     * @return the samples, unchanged
     * @throws IllegalArgumentException if {@code sampleRate} or {@code channels} is outside its range
     * @throws AudioFormatException if the file is empty, its size is not a whole number of frames, it holds more than
     *     {@value #MAX_SAMPLES} samples, or it contains NaN or infinite values
     * @throws IOException if the file cannot be read
     */
    public static DecodedAudio decodeRawFloat32(Path file, int sampleRate, int channels) throws IOException {
        Objects.requireNonNull(file, "file");
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sampleRate: must be in [" + MIN_SAMPLE_RATE + ", " + MAX_SAMPLE_RATE
                    + "] Hz for raw float32 input, got " + sampleRate);
        }
        if (channels <= 0 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels: must be in [1, " + MAX_CHANNELS + "], got " + channels);
        }
        byte[] bytes = readAll(file);
        if (bytes.length == 0) {
            throw new AudioFormatException(file, "file is empty (0 bytes)");
        }
        int frameBytes = 4 * channels;
        if (bytes.length % frameBytes != 0) {
            throw new AudioFormatException(file, "raw float32 file size " + bytes.length
                    + " bytes is not a whole number of " + channels + "-channel frames (" + frameBytes
                    + " bytes each)");
        }
        int n = bytes.length / frameBytes;
        Limits.checkSize(file, "raw float32 file", n, channels);
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] out = new float[channels][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                float v = bb.getFloat();
                if (!Float.isFinite(v)) {
                    throw new AudioFormatException(file, "raw float32 sample " + i + " of channel " + c
                            + " is " + v + " (not finite)");
                }
                out[c][i] = v;
            }
        }
        return new DecodedAudio(out, sampleRate, file, true);
    }

    private static byte[] readAll(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new AudioFormatException(file, "is a directory, not an audio file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
    }

    private static Format detect(byte[] b) {
        if (startsWith(b, 0, "RIFF") || startsWith(b, 0, "RIFX") || startsWith(b, 0, "RF64")) {
            return Format.WAV;
        }
        if (startsWith(b, 0, "OggS")) {
            return Format.OGG_VORBIS;
        }
        return null;
    }

    /** Offset of the {@code fLaC} marker (0, or after an ID3v2 tag), or -1 if the content is not FLAC. */
    private static int flacOffset(byte[] b) {
        if (startsWith(b, 0, "fLaC")) {
            return 0;
        }
        if (startsWith(b, 0, "ID3") && b.length >= 10) {
            int size = ((b[6] & 0x7F) << 21) | ((b[7] & 0x7F) << 14) | ((b[8] & 0x7F) << 7) | (b[9] & 0x7F);
            int off = 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0);
            if (startsWith(b, off, "fLaC")) {
                return off;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int off, String magic) {
        if (off < 0 || b.length < off + magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[off + i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
