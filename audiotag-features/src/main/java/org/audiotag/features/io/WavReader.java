package org.audiotag.features.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * RIFF/WAVE parser: PCM 8-bit unsigned, 16/24/32-bit signed little-endian, IEEE float 32/64, and
 * WAVE_FORMAT_EXTENSIBLE wrapping either; any channel count. Chunks other than {@code fmt } and {@code data}
 * (LIST, fact, cue, bext, ...) are skipped; odd-sized chunks are followed by one pad byte. A data chunk whose size
 * field is 0xFFFFFFFF ("unknown", written when streaming to a pipe) extends to the end of the file, as in
 * libsndfile; any other size larger than the file is an error. Integer PCM is scaled as
 * libsndfile does for {@code librosa.load}: unsigned 8-bit {@code (x - 128) / 128}, then {@code x / 2^(bits-1)}.
 *
 * <p>Safe on any bytes: the chunk walk advances by at least 8 bytes per chunk, every chunk size is checked against
 * the bytes present before use, and the only allocations are the samples of the data chunk (bounded by the file's
 * size and {@link AudioDecoder#MAX_SAMPLES}). The fmt chunk must declare 1 to {@link AudioDecoder#MAX_CHANNELS}
 * channels and a rate in [{@link AudioDecoder#MIN_SAMPLE_RATE}, {@link AudioDecoder#MAX_SAMPLE_RATE}] Hz; float data
 * that holds NaN or infinity (or a float64 value beyond the float32 range) is rejected, naming the frame and channel.
 */
final class WavReader {

    static final int WAVE_FORMAT_PCM = 0x0001;
    static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WavReader.class);

    private WavReader() {
    }

    /** Parsed {@code fmt } chunk. */
    private record Format(int formatTag, int channels, int sampleRate, int blockAlign, int bitsPerSample) {
    }

    static DecodedAudio read(byte[] bytes, Path file) throws AudioFormatException {
        if (bytes.length < 12) {
            throw new AudioFormatException(file, "WAV file too short for a RIFF header (" + bytes.length
                    + " bytes, need at least 12)");
        }
        String riff = ascii(bytes, 0);
        if (!riff.equals("RIFF")) {
            if (riff.equals("RIFX") || riff.equals("RF64") || riff.equals("BW64")) {
                throw new AudioFormatException(file, "unsupported WAV variant '" + riff
                        + "' (only little-endian RIFF WAVE is supported)");
            }
            throw new AudioFormatException(file, "not a RIFF file (magic '" + printable(bytes, 0, 4) + "')");
        }
        if (!ascii(bytes, 8).equals("WAVE")) {
            throw new AudioFormatException(file, "RIFF file is not WAVE (form type '" + printable(bytes, 8, 4)
                    + "')");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Format fmt = null;
        long dataOffset = -1;
        long dataSize = -1;
        long pos = 12;
        boolean unknownSize = false;
        final long end = bytes.length;
        while (pos + 8 <= end) {
            String id = ascii(bytes, (int) pos);
            long size = Integer.toUnsignedLong(bb.getInt((int) pos + 4));
            long body = pos + 8;
            if (id.equals("data")) {
                if (dataOffset >= 0) {
                    throw new AudioFormatException(file, "WAV file has more than one data chunk");
                }
                if (size == UNKNOWN_SIZE && body + size > end) {
                    // 0xFFFFFFFF: "length unknown", written by tools streaming to a pipe; libsndfile reads to the
                    // end of the file, and so do we (whole frames only, checked once the format is known)
                    LOG.debug("{}: WAV data chunk of unknown size (0xFFFFFFFF), reading to the end of the file", file);
                    size = end - body;
                    unknownSize = true;
                } else if (body + size > end) {
                    throw new AudioFormatException(file, "WAV data chunk truncated: header says " + size
                            + " bytes, " + (end - body) + " present");
                }
                dataOffset = body;
                dataSize = size;
            } else if (id.equals("fmt ")) {
                if (body + size > end) {
                    throw new AudioFormatException(file, "WAV fmt chunk truncated: header says " + size
                            + " bytes, " + (end - body) + " present");
                }
                if (fmt != null) {
                    throw new AudioFormatException(file, "WAV file has more than one fmt chunk");
                }
                fmt = parseFormat(bb, (int) body, size, file);
            } else if (body + size > end) {
                if (dataOffset >= 0 && fmt != null) {
                    break; // a truncated trailing chunk (LIST, id3, ...) after the audio: the audio is complete
                }
                throw new AudioFormatException(file, "WAV chunk '" + printable(bytes, (int) pos, 4)
                        + "' truncated: header says " + size + " bytes, " + (end - body) + " present");
            }
            pos = body + size + (size & 1);
        }
        boolean cutHeader = dataOffset < 0 && pos < end && end - pos < 8;
        if (fmt == null) {
            throw new AudioFormatException(file, "WAV file has no fmt chunk"
                    + (cutHeader ? " (file truncated inside a chunk header at byte " + pos + ")" : ""));
        }
        if (dataOffset < 0) {
            throw new AudioFormatException(file, "WAV file has no data chunk"
                    + (cutHeader ? " (file truncated inside a chunk header at byte " + pos + ")" : ""));
        }
        if (unknownSize) {
            dataSize -= dataSize % fmt.blockAlign();
        }
        return decode(bb, fmt, (int) dataOffset, dataSize, file);
    }

    private static Format parseFormat(ByteBuffer bb, int off, long size, Path file) throws AudioFormatException {
        if (size < 16) {
            throw new AudioFormatException(file, "WAV fmt chunk too short (" + size + " bytes, need 16)");
        }
        int tag = Short.toUnsignedInt(bb.getShort(off));
        int channels = Short.toUnsignedInt(bb.getShort(off + 2));
        long rate = Integer.toUnsignedLong(bb.getInt(off + 4));
        int blockAlign = Short.toUnsignedInt(bb.getShort(off + 12));
        int bits = Short.toUnsignedInt(bb.getShort(off + 14));
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new AudioFormatException(file, "WAVE_FORMAT_EXTENSIBLE fmt chunk too short (" + size
                        + " bytes, need 40)");
            }
            // the sub-format GUID starts at off + 24; its first two bytes are the format code
            tag = Short.toUnsignedInt(bb.getShort(off + 24));
            if (tag != WAVE_FORMAT_PCM && tag != WAVE_FORMAT_IEEE_FLOAT) {
                throw new AudioFormatException(file, "unsupported WAV codec: extensible sub-format "
                        + codecName(tag));
            }
        }
        if (tag != WAVE_FORMAT_PCM && tag != WAVE_FORMAT_IEEE_FLOAT) {
            throw new AudioFormatException(file, "unsupported WAV codec " + codecName(tag)
                    + " (supported: PCM, IEEE float, extensible)");
        }
        Limits.checkChannels(file, "WAV header", channels);
        Limits.checkSampleRate(file, "WAV header", rate);
        if (tag == WAVE_FORMAT_PCM && bits != 8 && bits != 16 && bits != 24 && bits != 32) {
            throw new AudioFormatException(file, "unsupported PCM sample size " + bits
                    + " bits (supported: 8, 16, 24, 32)");
        }
        if (tag == WAVE_FORMAT_IEEE_FLOAT && bits != 32 && bits != 64) {
            throw new AudioFormatException(file, "unsupported IEEE float sample size " + bits
                    + " bits (supported: 32, 64)");
        }
        int expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign) {
            throw new AudioFormatException(file, "WAV header is inconsistent: block align " + blockAlign
                    + " bytes, but " + channels + " channels x " + bits + " bits need " + expectedAlign);
        }
        return new Format(tag, channels, (int) rate, blockAlign, bits);
    }

    private static DecodedAudio decode(ByteBuffer bb, Format f, int off, long size, Path file)
            throws AudioFormatException {
        if (size % f.blockAlign() != 0) {
            throw new AudioFormatException(file, "WAV data chunk size " + size
                    + " is not a whole number of frames of " + f.blockAlign() + " bytes");
        }
        long frames = size / f.blockAlign();
        if (frames > Integer.MAX_VALUE) {
            throw new AudioFormatException(file, "WAV data chunk too large (" + frames + " frames)");
        }
        Limits.checkSize(file, "WAV data chunk", frames, f.channels());
        int n = (int) frames;
        int nc = f.channels();
        int total = n * nc;
        float[][] out = new float[nc][n];
        int bytesPer = f.bitsPerSample() / 8;
        // bulk views of the data chunk (little-endian), then de-interleave
        ByteBuffer data = bb.duplicate().position(off).limit(off + (int) size).slice().order(ByteOrder.LITTLE_ENDIAN);
        if (f.formatTag() == WAVE_FORMAT_IEEE_FLOAT && bytesPer == 4) {
            float[] tmp = new float[total];
            data.asFloatBuffer().get(tmp);
            deinterleave(tmp, out, 1f);
            Limits.checkFinite(file, "WAV float32", out, 0, n);
        } else if (f.formatTag() == WAVE_FORMAT_IEEE_FLOAT) {
            double[] tmp = new double[total];
            data.asDoubleBuffer().get(tmp);
            for (int c = 0; c < nc; c++) {
                float[] ch = out[c];
                for (int i = 0, k = c; i < n; i++, k += nc) {
                    ch[i] = (float) tmp[k];
                }
            }
            // NaN, infinities, and finite doubles beyond the float range (which round to infinity)
            Limits.checkFinite(file, "WAV float64", out, 0, n);
        } else {
            switch (bytesPer) {
                case 1 -> {
                    byte[] raw = new byte[total];
                    data.get(raw);
                    for (int c = 0; c < nc; c++) {
                        float[] ch = out[c];
                        for (int i = 0, k = c; i < n; i++, k += nc) {
                            ch[i] = ((raw[k] & 0xFF) - 128) / 128f;
                        }
                    }
                }
                case 2 -> {
                    short[] tmp = new short[total];
                    data.asShortBuffer().get(tmp);
                    for (int c = 0; c < nc; c++) {
                        float[] ch = out[c];
                        for (int i = 0, k = c; i < n; i++, k += nc) {
                            ch[i] = tmp[k] / 32768f;
                        }
                    }
                }
                case 3 -> {
                    byte[] raw = new byte[3 * total];
                    data.get(raw);
                    for (int c = 0; c < nc; c++) {
                        float[] ch = out[c];
                        for (int i = 0, k = 3 * c; i < n; i++, k += 3 * nc) {
                            int v = (raw[k] & 0xFF) | ((raw[k + 1] & 0xFF) << 8) | (raw[k + 2] << 16);
                            ch[i] = v / 8388608f;
                        }
                    }
                }
                default -> {
                    int[] tmp = new int[total];
                    data.asIntBuffer().get(tmp);
                    for (int c = 0; c < nc; c++) {
                        float[] ch = out[c];
                        for (int i = 0, k = c; i < n; i++, k += nc) {
                            ch[i] = (float) (tmp[k] / 2147483648.0);
                        }
                    }
                }
            }
        }
        return new DecodedAudio(out, f.sampleRate(), file, true);
    }

    private static void deinterleave(float[] tmp, float[][] out, float scale) {
        int nc = out.length;
        int n = out[0].length;
        for (int c = 0; c < nc; c++) {
            float[] ch = out[c];
            for (int i = 0, k = c; i < n; i++, k += nc) {
                ch[i] = tmp[k] * scale;
            }
        }
    }

    static String codecName(int tag) {
        String name = switch (tag) {
            case 0x0002 -> " (MS ADPCM)";
            case 0x0006 -> " (A-law)";
            case 0x0007 -> " (mu-law)";
            case 0x0011 -> " (IMA ADPCM)";
            case 0x0031 -> " (GSM 6.10)";
            case 0x0055 -> " (MPEG layer 3)";
            default -> "";
        };
        return String.format(Locale.ROOT, "0x%04X", tag) + name;
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.ISO_8859_1);
    }

    static String printable(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < Math.min(b.length, off + len); i++) {
            int v = b[i] & 0xFF;
            if (v >= 0x20 && v < 0x7F) {
                sb.append((char) v);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02x", v));
            }
        }
        return sb.toString();
    }
}
