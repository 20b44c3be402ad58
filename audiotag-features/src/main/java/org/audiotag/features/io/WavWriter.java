package org.audiotag.features.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;
import org.audiotag.toolkit.AtomicFiles;

/**
 * Writes RIFF/WAVE files, like {@code soundfile.write(path, y, sr, subtype=...)}, always atomically: the file is
 * written to a temporary file in the target's folder and then moved into place, so a reader never sees half a file
 * and a failed write leaves any previous file untouched.
 *
 * <p>Encodings: {@link Encoding#PCM_16} and {@link Encoding#FLOAT_32} (the two the project uses), plus the other
 * encodings {@link AudioDecoder} reads (unsigned 8-bit, 24- and 32-bit PCM, float64). Integer PCM is written as
 * {@code rint(x * 2^(bits-1))} <b>clipped</b> to the integer range, so {@code x >= 1 - 2^-(bits-1)} becomes the
 * largest code and {@code x <= -1} the smallest; reading back with {@link AudioDecoder} ({@code code / 2^(bits-1)})
 * returns every in-range value to within half a quantisation step, and {@code k / 32768} exactly for 16-bit.
 * Float encodings store the values unchanged (not clipped). NaN and infinite samples are rejected.
 * Files use the plain PCM (1) or IEEE float (3, with a {@code fact} chunk) format tags for any channel count.
 */
public final class WavWriter {

    /** Sample encodings for {@link WavWriter}. */
    public enum Encoding {
        /** Unsigned 8-bit PCM (code = rint(x * 128) + 128, clipped to 0..255). */
        PCM_U8(WavReader.WAVE_FORMAT_PCM, 8),
        /** Signed 16-bit PCM (code = rint(x * 32768), clipped to -32768..32767); soundfile's {@code PCM_16}. */
        PCM_16(WavReader.WAVE_FORMAT_PCM, 16),
        /** Signed 24-bit PCM (code = rint(x * 8388608), clipped). */
        PCM_24(WavReader.WAVE_FORMAT_PCM, 24),
        /** Signed 32-bit PCM (code = rint(x * 2147483648), clipped). */
        PCM_32(WavReader.WAVE_FORMAT_PCM, 32),
        /** IEEE float32, values stored as given; soundfile's {@code FLOAT}. */
        FLOAT_32(WavReader.WAVE_FORMAT_IEEE_FLOAT, 32),
        /** IEEE float64, values stored as given; soundfile's {@code DOUBLE}. */
        FLOAT_64(WavReader.WAVE_FORMAT_IEEE_FLOAT, 64);

        private final int formatTag;
        private final int bits;

        Encoding(int formatTag, int bits) {
            this.formatTag = formatTag;
            this.bits = bits;
        }

        /**
         * Bits per sample.
         *
         * @return 8, 16, 24, 32 or 64
         */
        public int bitsPerSample() {
            return bits;
        }

        /**
         * Whether the samples are IEEE floating point.
         *
         * @return true for {@code FLOAT_32} and {@code FLOAT_64}
         */
        public boolean isFloat() {
            return formatTag == WavReader.WAVE_FORMAT_IEEE_FLOAT;
        }
    }

    private WavWriter() {
    }

    /**
     * Writes a mono signal.
     *
     * @param file target file (replaced if it exists)
     * @param samples the samples, nominally in [-1, 1]
     * @param sampleRate sample rate in Hz, positive
     * @param encoding sample encoding
     * @throws IllegalArgumentException if the rate is not positive, a sample is NaN or infinite, or the data would
     *     exceed the 4 GiB RIFF limit
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, float[] samples, int sampleRate, Encoding encoding) throws IOException {
        Objects.requireNonNull(samples, "samples");
        write(file, new float[][] {samples}, sampleRate, encoding);
    }

    /**
     * Writes decoded (possibly multi-channel) audio at its own sample rate.
     *
     * @param file target file (replaced if it exists)
     * @param audio the audio
     * @param encoding sample encoding
     * @throws IllegalArgumentException if a sample is NaN or infinite, or the data exceeds 4 GiB
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, DecodedAudio audio, Encoding encoding) throws IOException {
        Objects.requireNonNull(audio, "audio");
        write(file, audio.toArray(), audio.sampleRate(), encoding);
    }

    /**
     * Writes several channels ({@code channels[c][frame]}, librosa's {@code (channels, n)} layout), interleaved in
     * the file.
     *
     * @param file target file (replaced if it exists)
     * @param channels one array per channel, all of the same length; at least one
     * @param sampleRate sample rate in Hz, positive
     * @param encoding sample encoding
     * @throws IllegalArgumentException if there are no channels or they differ in length, the rate is not
     *     positive, there are more than 65535 channels, a sample is NaN or infinite, or the data exceeds 4 GiB
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, float[][] channels, int sampleRate, Encoding encoding) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(encoding, "encoding");
        int nc = channels.length;
        if (nc == 0 || nc > 65535) {
            throw new IllegalArgumentException("channels: need 1 to 65535 channels, got " + nc);
        }
        int frames = Objects.requireNonNull(channels[0], "channels[0]").length;
        for (int c = 0; c < nc; c++) {
            Objects.requireNonNull(channels[c], "channels[" + c + "]");
            if (channels[c].length != frames) {
                throw new IllegalArgumentException("channels: channel " + c + " has " + channels[c].length
                        + " frames, channel 0 has " + frames);
            }
            for (int i = 0; i < frames; i++) {
                if (!Float.isFinite(channels[c][i])) {
                    throw new IllegalArgumentException("channels: sample " + i + " of channel " + c + " is "
                            + channels[c][i] + " (WAV samples must be finite)");
                }
            }
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: must be > 0, got " + sampleRate);
        }
        int bytesPer = encoding.bits / 8;
        long blockAlign = (long) nc * bytesPer;
        if (blockAlign > 65535) {
            throw new IllegalArgumentException("channels: " + nc + " channels of " + encoding.bits
                    + " bits exceed the WAV block size limit of 65535 bytes");
        }
        if (blockAlign * sampleRate > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("sampleRate: " + sampleRate + " Hz x " + blockAlign
                    + "-byte frames exceeds the WAV byte-rate field (32 bits)");
        }
        long dataSize = blockAlign * frames;
        boolean isFloat = encoding.isFloat();
        int fmtSize = isFloat ? 18 : 16;
        long riffSize = 4 + (8 + fmtSize) + (isFloat ? 12 : 0) + 8 + dataSize + (dataSize & 1);
        if (riffSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("channels: " + frames + " frames x " + nc
                    + " channels exceed the 4 GiB RIFF size limit");
        }
        AtomicFiles.write(file, out -> {
            ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmtSize + (isFloat ? 12 : 0) + 8)
                    .order(ByteOrder.LITTLE_ENDIAN);
            h.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
            h.put(ascii("fmt ")).putInt(fmtSize);
            h.putShort((short) encoding.formatTag).putShort((short) nc).putInt(sampleRate)
                    .putInt((int) (blockAlign * sampleRate)).putShort((short) blockAlign)
                    .putShort((short) encoding.bits);
            if (isFloat) {
                h.putShort((short) 0);
                h.put(ascii("fact")).putInt(4).putInt(frames);
            }
            h.put(ascii("data")).putInt((int) dataSize);
            out.write(h.array(), 0, h.position());
            writeSamples(out, channels, frames, encoding);
            if ((dataSize & 1) != 0) {
                out.write(0);
            }
        });
    }

    private static void writeSamples(OutputStream out, float[][] channels, int frames, Encoding enc)
            throws IOException {
        int nc = channels.length;
        int bytesPer = enc.bits / 8;
        int framesPerChunk = Math.max(1, (1 << 16) / (nc * bytesPer));
        ByteBuffer buf = ByteBuffer.allocate(framesPerChunk * nc * bytesPer).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < frames; start += framesPerChunk) {
            int end = Math.min(frames, start + framesPerChunk);
            buf.clear();
            for (int i = start; i < end; i++) {
                for (int c = 0; c < nc; c++) {
                    float x = channels[c][i];
                    switch (enc) {
                        case PCM_U8 -> buf.put((byte) (quantise(x, 128.0, -128, 127) + 128));
                        case PCM_16 -> buf.putShort((short) quantise(x, 32768.0, -32768, 32767));
                        case PCM_24 -> {
                            long v = quantise(x, 8388608.0, -8388608, 8388607);
                            buf.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                        }
                        case PCM_32 -> buf.putInt((int) quantise(x, 2147483648.0, Integer.MIN_VALUE,
                                Integer.MAX_VALUE));
                        case FLOAT_32 -> buf.putFloat(x);
                        case FLOAT_64 -> buf.putDouble(x);
                        default -> throw new AssertionError(enc);
                    }
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** {@code rint(x * scale)} clipped to [lo, hi]. */
    static long quantise(float x, double scale, long lo, long hi) {
        double v = Math.rint(x * scale);
        if (v < lo) {
            return lo;
        }
        if (v > hi) {
            return hi;
        }
        return (long) v;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
