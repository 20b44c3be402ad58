package org.audiotag.features.internal.flac;

import java.nio.file.Path;
import java.util.Locale;
import org.audiotag.features.io.AudioFormatException;

/**
 * A FLAC decoder written from RFC 9639 ("Free Lossless Audio Codec"), built so that no input can make it hang,
 * allocate more than a fixed amount, or print: it reads an in-memory file, skips metadata blocks by their declared
 * length (checked against the bytes present), and then decodes one frame per {@link #nextFrame()} call into
 * per-channel buffers of at most {@link #MAX_BLOCK_SIZE} samples.
 *
 * <p>Supported: every subframe type (CONSTANT, VERBATIM, FIXED orders 0-4, LPC orders 1-32 with 64-bit
 * accumulation), Rice partitions with 4- and 5-bit parameters and escape codes, wasted bits, the three stereo
 * decorrelation modes (left/side, side/right, mid/side), any sample size from 4 to 32 bits, fixed and variable block
 * sizes (UTF-8 coded frame or sample numbers), the CRC-8 of every frame header and the CRC-16 of every frame.
 *
 * <p>Strictness: the decoder stops at the first frame it cannot decode; there is no resynchronisation. A frame
 * must start right where the previous one ended, its header must match STREAMINFO (channels, bits per sample and,
 * when the header states one, the sample rate), both checksums must match, residuals must fit in 32 bits and every
 * decoded sample must fit in the stream's bit depth. Each failure is an {@link AudioFormatException} naming the file
 * and the byte offset of the frame. Work per frame is linear in the frame's samples times the predictor order (at
 * most 32), and every residual bit is read once, so decoding time is bounded by the samples produced plus the input
 * size.
 *
 * <p>Not checked: the MD5 signature of STREAMINFO, and the frame/sample numbers' sequence (their encoding is).
 * Not thread-safe; one instance decodes one stream once.
 */
public final class FlacDecoder {

    /** Largest block size accepted, in samples per channel (libFLAC's limit; RFC 9639 allows up to 65535). */
    public static final int MAX_BLOCK_SIZE = 65535;

    private static final int[] SAMPLE_RATES = {0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100,
        48000, 96000};
    private static final int[] SAMPLE_SIZES = {0, 8, 12, -1, 16, 20, 24, 32};

    private static final int CONSTANT = 0;
    private static final int VERBATIM = 1;

    private final byte[] data;
    private final int end;
    private final Path file;
    private final StreamInfo info;
    private final BitReader in;
    private final int audioStart;

    private long[][] samples;
    private int blockSize;
    private int frameStart = -1;
    private int frameEnd;
    private int frames;
    private final long[] coefs = new long[32];

    /**
     * Reads the {@code fLaC} marker and the metadata blocks; the reader is then positioned at the first frame.
     *
     * @param data the whole file (not copied; must not change while decoding)
     * @param start index of the {@code fLaC} marker (after an ID3v2 tag, if any)
     * @param file the file, for messages
     * @throws AudioFormatException if the marker is missing, a metadata block runs past the end of the data, the
     *     first block is not a valid STREAMINFO, or STREAMINFO is repeated or declares an impossible format
     */
    public FlacDecoder(byte[] data, int start, Path file) throws AudioFormatException {
        this.data = data;
        this.end = data.length;
        this.file = file;
        if (start < 0 || end - start < 4 || data[start] != 'f' || data[start + 1] != 'L' || data[start + 2] != 'a'
                || data[start + 3] != 'C') {
            throw fail("no fLaC marker at byte " + start);
        }
        int pos = start + 4;
        StreamInfo si = null;
        int index = 0;
        boolean last = false;
        while (!last) {
            if (end - pos < 4) {
                throw fail("FLAC stream truncated in the header of metadata block " + index + " at byte " + pos
                        + (si == null ? " (no STREAMINFO)" : " (no audio frames)"));
            }
            last = (data[pos] & 0x80) != 0;
            int type = data[pos] & 0x7F;
            int length = ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
            int body = pos + 4;
            if (length > end - body) {
                throw fail("FLAC metadata block " + index + " (type " + type + ") at byte " + pos + " declares "
                        + length + " bytes, only " + (end - body) + " remain in the file");
            }
            if (index == 0 && type != 0) {
                throw fail("FLAC stream does not start with a STREAMINFO block (first block has type " + type + ")");
            }
            if (type == 127) {
                throw fail("FLAC metadata block " + index + " at byte " + pos + " has the invalid type 127");
            }
            if (type == 0) {
                if (si != null) {
                    throw fail("FLAC stream has a second STREAMINFO block at byte " + pos);
                }
                if (length != 34) {
                    throw fail("FLAC STREAMINFO block has " + length + " bytes, must have 34");
                }
                si = parseStreamInfo(body);
            }
            pos = body + length;
            index++;
        }
        this.info = si;
        this.audioStart = pos;
        this.in = new BitReader(data, pos, end);
        this.frameEnd = pos;
    }

    private StreamInfo parseStreamInfo(int at) throws AudioFormatException {
        BitReader r = new BitReader(data, at, at + 34);
        int minBlock = r.readUInt(16);
        int maxBlock = r.readUInt(16);
        int minFrame = r.readUInt(24);
        int maxFrame = r.readUInt(24);
        int rate = r.readUInt(20);
        int channels = r.readUInt(3) + 1;
        int bits = r.readUInt(5) + 1;
        long total = r.readBits(36);
        if (rate == 0) {
            throw fail("FLAC STREAMINFO declares a sample rate of 0 Hz");
        }
        if (bits < 4) {
            throw fail("FLAC STREAMINFO declares " + bits + " bits per sample (FLAC allows 4 to 32)");
        }
        return new StreamInfo(minBlock, maxBlock, minFrame, maxFrame, rate, channels, bits, total);
    }

    /**
     * The stream's STREAMINFO block.
     *
     * @return the parsed block
     */
    public StreamInfo streamInfo() {
        return info;
    }

    /**
     * Byte offset of the first audio frame (just after the last metadata block).
     *
     * @return the offset in the file
     */
    public int audioStart() {
        return audioStart;
    }

    /**
     * Byte offset of the frame {@link #nextFrame()} decoded last.
     *
     * @return the offset in the file, or -1 before the first frame
     */
    public int frameStart() {
        return frameStart;
    }

    /**
     * Byte offset just past the frame {@link #nextFrame()} decoded last (after its CRC-16), or the start of the
     * audio before the first frame.
     *
     * @return the offset in the file
     */
    public int frameEnd() {
        return frameEnd;
    }

    /**
     * Whether the bytes after the last decoded frame are only a trailing ID3v1 tag or nothing.
     *
     * @return true at the end of the audio data
     */
    public boolean atEnd() {
        int rest = end - frameEnd;
        return rest == 0 || (rest == 128 && data[frameEnd] == 'T' && data[frameEnd + 1] == 'A'
                && data[frameEnd + 2] == 'G');
    }

    /**
     * Samples of one channel of the frame {@link #nextFrame()} decoded last, after stereo decorrelation and wasted
     * bits: indices {@code 0 .. blockSize - 1} hold signed integers within the stream's bit depth. The array is the
     * decoder's own buffer, overwritten by the next frame.
     *
     * @param channel channel index
     * @return the buffer (longer than the block when an earlier block was larger)
     */
    public long[] samples(int channel) {
        return samples[channel];
    }

    /**
     * Decodes the frame that starts right after the previous one (or after the metadata).
     *
     * @return the frame's block size in samples per channel, or 0 if there is no byte left (or only an ID3v1 tag)
     * @throws AudioFormatException naming the frame's byte offset if the bytes there are not a valid frame of this
     *     stream, the frame is cut off by the end of the file, or a checksum does not match
     */
    public int nextFrame() throws AudioFormatException {
        if (atEnd()) {
            return 0;
        }
        int start = frameEnd;
        in.seek(start);
        frameStart = start;
        try {
            decodeFrame(start);
        } catch (BitReader.EndOfData e) {
            throw fail("FLAC stream truncated inside the frame at byte " + start + " (frame " + frames + ")");
        }
        frames++;
        return blockSize;
    }

    private void decodeFrame(int start) throws AudioFormatException {
        // ---- header (RFC 9639 9.1)
        int sync = in.readUInt(15);
        if (sync != 0x7FFC) {
            throw frameError(start, frames == 0 ? "no frame sync code (0xFFF8/0xFFF9) where the first frame"
                    + " should start" : "no frame sync code (0xFFF8/0xFFF9) after the previous frame"
                    + " (garbage or a damaged stream)");
        }
        boolean variable = in.readBits(1) == 1;
        int bsCode = in.readUInt(4);
        int srCode = in.readUInt(4);
        int chCode = in.readUInt(4);
        int ssCode = in.readUInt(3);
        int reserved = in.readUInt(1);
        readCodedNumber(start, variable);
        // the optional fields, then the CRC-8, before any code is interpreted: a damaged header is reported as such
        int bsExtra = bsCode == 6 ? in.readUInt(8) : bsCode == 7 ? in.readUInt(16) : 0;
        int srExtra = srCode == 12 ? in.readUInt(8) : srCode == 13 || srCode == 14 ? in.readUInt(16) : 0;
        int headerEnd = in.bytePosition();
        int crc8 = in.readUInt(8);
        int expected8 = Crc.crc8(data, start, headerEnd);
        if (crc8 != expected8) {
            throw frameError(start, String.format(Locale.ROOT,
                    "header CRC-8 mismatch (stored 0x%02X, computed 0x%02X): corrupt data", crc8, expected8));
        }
        if (reserved != 0) {
            throw frameError(start, "reserved header bit is set");
        }
        int bs;
        if (bsCode == 0) {
            throw frameError(start, "reserved block size code 0");
        } else if (bsCode == 1) {
            bs = 192;
        } else if (bsCode <= 5) {
            bs = 576 << (bsCode - 2);
        } else if (bsCode <= 7) {
            bs = bsExtra + 1;
        } else {
            bs = 256 << (bsCode - 8);
        }
        if (bs > MAX_BLOCK_SIZE) {
            throw frameError(start, "block size " + bs + " exceeds " + MAX_BLOCK_SIZE);
        }
        int rate;
        if (srCode == 0) {
            rate = info.sampleRate();
        } else if (srCode <= 11) {
            rate = SAMPLE_RATES[srCode];
        } else if (srCode == 12) {
            rate = srExtra * 1000;
        } else if (srCode <= 14) {
            rate = srCode == 13 ? srExtra : srExtra * 10;
        } else {
            throw frameError(start, "invalid sample rate code 15");
        }
        int channels;
        if (chCode <= 7) {
            channels = chCode + 1;
        } else if (chCode <= 10) {
            channels = 2;
        } else {
            throw frameError(start, "reserved channel assignment " + chCode);
        }
        int bits = ssCode == 0 ? info.bitsPerSample() : SAMPLE_SIZES[ssCode];
        if (bits < 0) {
            throw frameError(start, "reserved sample size code 3");
        }
        if (channels != info.channels()) {
            throw frameError(start, "frame has " + channels + " channels, STREAMINFO says " + info.channels());
        }
        if (bits != info.bitsPerSample()) {
            throw frameError(start, "frame has " + bits + " bits per sample, STREAMINFO says "
                    + info.bitsPerSample());
        }
        if (rate != info.sampleRate()) {
            throw frameError(start, "frame has a sample rate of " + rate + " Hz, STREAMINFO says "
                    + info.sampleRate());
        }
        // ---- subframes (RFC 9639 9.2)
        if (samples == null || samples[0].length < bs) {
            int cap = samples == null ? Math.max(bs, Math.min(MAX_BLOCK_SIZE, Math.max(16, info.maxBlockSize())))
                    : bs;
            samples = new long[channels][cap];
        }
        for (int c = 0; c < channels; c++) {
            boolean side = (chCode == 8 && c == 1) || (chCode == 9 && c == 0) || (chCode == 10 && c == 1);
            decodeSubframe(start, c, samples[c], bs, side ? bits + 1 : bits);
        }
        // ---- stereo decorrelation (RFC 9639 4.2)
        if (chCode >= 8) {
            long[] a = samples[0];
            long[] b = samples[1];
            if (chCode == 8) { // left, side: right = left - side
                for (int i = 0; i < bs; i++) {
                    b[i] = a[i] - b[i];
                }
            } else if (chCode == 9) { // side, right: left = side + right
                for (int i = 0; i < bs; i++) {
                    a[i] += b[i];
                }
            } else { // mid, side
                for (int i = 0; i < bs; i++) {
                    long side = b[i];
                    long mid = (a[i] << 1) | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
        }
        long lo = -(1L << (bits - 1));
        long hi = (1L << (bits - 1)) - 1;
        for (int c = 0; c < channels; c++) {
            long[] s = samples[c];
            for (int i = 0; i < bs; i++) {
                long v = s[i];
                if (v < lo || v > hi) {
                    throw frameError(start, "decoded sample " + i + " of channel " + c + " is " + v
                            + ", outside the " + bits + "-bit range");
                }
            }
        }
        // ---- footer (RFC 9639 9.3)
        in.alignToByte();
        int crcAt = in.bytePosition();
        int crc16 = in.readUInt(16);
        int expected16 = Crc.crc16(data, start, crcAt);
        if (crc16 != expected16) {
            throw frameError(start, String.format(Locale.ROOT,
                    "CRC-16 mismatch (stored 0x%04X, computed 0x%04X): corrupt data", crc16, expected16));
        }
        blockSize = bs;
        frameEnd = crcAt + 2;
    }

    /** The UTF-8-like coded frame number (fixed block size) or sample number (variable block size). */
    private long readCodedNumber(int start, boolean variable) throws AudioFormatException {
        int first = in.readUInt(8);
        int extra;
        long v;
        if ((first & 0x80) == 0) {
            return first;
        } else if ((first & 0xE0) == 0xC0) {
            extra = 1;
            v = first & 0x1F;
        } else if ((first & 0xF0) == 0xE0) {
            extra = 2;
            v = first & 0x0F;
        } else if ((first & 0xF8) == 0xF0) {
            extra = 3;
            v = first & 0x07;
        } else if ((first & 0xFC) == 0xF8) {
            extra = 4;
            v = first & 0x03;
        } else if ((first & 0xFE) == 0xFC) {
            extra = 5;
            v = first & 0x01;
        } else if (first == 0xFE && variable) {
            extra = 6;
            v = 0;
        } else {
            throw frameError(start, String.format(Locale.ROOT, "invalid coded %s number (first byte 0x%02X)",
                    variable ? "sample" : "frame", first));
        }
        for (int i = 0; i < extra; i++) {
            int b = in.readUInt(8);
            if ((b & 0xC0) != 0x80) {
                throw frameError(start, String.format(Locale.ROOT,
                        "invalid coded %s number (continuation byte 0x%02X)", variable ? "sample" : "frame", b));
            }
            v = (v << 6) | (b & 0x3F);
        }
        return v;
    }

    private void decodeSubframe(int start, int channel, long[] dst, int n, int bits) throws AudioFormatException {
        if (in.readBits(1) != 0) {
            throw frameError(start, "subframe " + channel + " does not start with a zero bit");
        }
        int type = in.readUInt(6);
        int wasted = 0;
        if (in.readBits(1) == 1) {
            long k;
            try {
                k = in.readUnary(bits);
            } catch (IllegalStateException e) {
                k = bits;
            }
            wasted = (int) k + 1;
            if (wasted >= bits) {
                throw frameError(start, "subframe " + channel + " declares " + wasted + " wasted bits of "
                        + bits);
            }
        }
        int ebits = bits - wasted;
        if (type == CONSTANT) {
            long v = in.readSigned(ebits);
            java.util.Arrays.fill(dst, 0, n, v);
        } else if (type == VERBATIM) {
            for (int i = 0; i < n; i++) {
                dst[i] = in.readSigned(ebits);
            }
        } else if (type >= 8 && type <= 12) {
            int order = type - 8;
            if (order > n) {
                throw frameError(start, "subframe " + channel + ": fixed predictor order " + order
                        + " exceeds the block size " + n);
            }
            for (int i = 0; i < order; i++) {
                dst[i] = in.readSigned(ebits);
            }
            readResidual(start, channel, dst, n, order);
            restoreFixed(dst, n, order);
        } else if (type >= 32) {
            int order = type - 31;
            if (order > n) {
                throw frameError(start, "subframe " + channel + ": LPC order " + order + " exceeds the block size "
                        + n);
            }
            for (int i = 0; i < order; i++) {
                dst[i] = in.readSigned(ebits);
            }
            int precision = in.readUInt(4) + 1;
            if (precision == 16) {
                throw frameError(start, "subframe " + channel + ": invalid LPC coefficient precision code 15");
            }
            int shift = (int) in.readSigned(5);
            if (shift < 0) {
                throw frameError(start, "subframe " + channel + ": negative LPC shift " + shift);
            }
            for (int j = 0; j < order; j++) {
                coefs[j] = in.readSigned(precision);
            }
            readResidual(start, channel, dst, n, order);
            restoreLpc(dst, n, order, shift);
        } else {
            throw frameError(start, "subframe " + channel + " has the reserved type " + type);
        }
        if (wasted > 0) {
            for (int i = 0; i < n; i++) {
                dst[i] <<= wasted;
            }
        }
    }

    private void readResidual(int start, int channel, long[] dst, int n, int order) throws AudioFormatException {
        int method = in.readUInt(2);
        if (method > 1) {
            throw frameError(start, "subframe " + channel + " uses the reserved residual coding method " + method);
        }
        int paramBits = method == 0 ? 4 : 5;
        int escape = method == 0 ? 15 : 31;
        int partitionOrder = in.readUInt(4);
        int partitions = 1 << partitionOrder;
        if ((n & (partitions - 1)) != 0) {
            throw frameError(start, "subframe " + channel + ": block size " + n + " is not divisible into "
                    + partitions + " residual partitions");
        }
        int perPartition = n >> partitionOrder;
        if (perPartition < order) {
            throw frameError(start, "subframe " + channel + ": residual partition of " + perPartition
                    + " samples is shorter than the predictor order " + order);
        }
        int i = order;
        for (int p = 0; p < partitions; p++) {
            int count = p == 0 ? perPartition - order : perPartition;
            int k = in.readUInt(paramBits);
            if (k == escape) {
                int raw = in.readUInt(5);
                if (raw == 0) {
                    java.util.Arrays.fill(dst, i, i + count, 0L);
                } else {
                    for (int j = 0; j < count; j++) {
                        dst[i + j] = in.readSigned(raw);
                    }
                }
            } else {
                int bad = in.readRice(dst, i, count, k);
                if (bad >= 0) {
                    throw frameError(start, "subframe " + channel + ": residual " + bad
                            + " does not fit in 32 bits");
                }
            }
            i += count;
        }
    }

    private static void restoreFixed(long[] d, int n, int order) {
        switch (order) {
            case 1 -> {
                for (int i = 1; i < n; i++) {
                    d[i] += d[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < n; i++) {
                    d[i] += 2 * d[i - 1] - d[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < n; i++) {
                    d[i] += 3 * (d[i - 1] - d[i - 2]) + d[i - 3];
                }
            }
            case 4 -> {
                for (int i = 4; i < n; i++) {
                    d[i] += 4 * (d[i - 1] + d[i - 3]) - 6 * d[i - 2] - d[i - 4];
                }
            }
            default -> {
                // order 0: the residual is the signal
            }
        }
    }

    private void restoreLpc(long[] d, int n, int order, int shift) {
        long[] q = coefs;
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += q[j] * d[i - 1 - j];
            }
            d[i] += sum >> shift;
        }
    }

    private AudioFormatException frameError(int start, String problem) {
        return fail("corrupt FLAC frame at byte " + start + " (frame " + frames + "): " + problem);
    }

    private AudioFormatException fail(String problem) {
        return new AudioFormatException(file, problem);
    }
}
