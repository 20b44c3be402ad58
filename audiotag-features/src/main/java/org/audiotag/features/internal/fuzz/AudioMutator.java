package org.audiotag.features.internal.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.audiotag.features.internal.flac.Crc;
import org.audiotag.features.internal.flac.FlacDecoder;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.DecodedAudio;

/**
 * Makes damaged variants ("mutants") of real audio files for fuzzing the decoders: bit flips, byte overwrites,
 * insertions, deletions, duplicated ranges, truncations, appended garbage, header fields overwritten with extreme
 * values, and mutations whose checksums are repaired afterwards (FLAC frame CRC-8/CRC-16, Ogg page CRC-32) so that
 * they get past the container's integrity checks and reach the codec. Mutant {@code i} of seed {@code s} depends
 * only on {@code (s, i)} and the seed files, so any case can be reproduced alone.
 *
 * <p>The seed files are shortened first, into files that are still valid: FLAC to its first frames with
 * STREAMINFO's total patched, Ogg to its header pages and one page with its first audio packets, flagged
 * end-of-stream, WAV to the first 32 KB of samples; so a mutant decodes in a few milliseconds. A float32 WAV made
 * from the first WAV seed's samples is added, since no shipped WAV is float.
 */
public final class AudioMutator {

    /**
     * A damaged file and what was done to it.
     *
     * @param index the mutant's number in its run
     * @param seedFile index of the seed file it was made from
     * @param bytes the damaged file
     * @param description the seed's name and the mutation, e.g. {@code "bd_zum.flac: flip 2 bit(s) at 812.3 96.0"}
     */
    public record Mutant(int index, int seedFile, byte[] bytes, String description) {
    }

    /** A header field: where it is and how wide. */
    private record Field(String name, int offset, int bitOffset, int bits, boolean littleEndian, int fixFrom) {
    }

    private static final int FLAC_FRAMES = 6;
    private static final int OGG_AUDIO_PACKETS = 24;
    private static final int WAV_BYTES = 32 * 1024;

    private final AudioDecoder.Format format;
    private final List<byte[]> seeds = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<List<Field>> fields = new ArrayList<>();

    /**
     * Prepares the (shortened) seed files.
     *
     * @param format the format of every file
     * @param files real files of that format
     * @param contents their bytes, in the same order
     * @throws AudioFormatException if a file is not a valid file of the format (mutating it would test nothing)
     */
    public AudioMutator(AudioDecoder.Format format, List<Path> files, List<byte[]> contents)
            throws AudioFormatException {
        this.format = format;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            byte[] b = contents.get(i);
            AudioDecoder.Format actual = b.length > 4 && b[0] == 'f' ? AudioDecoder.Format.FLAC
                    : b.length > 4 && b[0] == 'O' ? AudioDecoder.Format.OGG_VORBIS : AudioDecoder.Format.WAV;
            if (actual != format) {
                throw new AudioFormatException(f, "not a " + format + " file (fuzz seeds must start with their"
                        + " format's magic bytes, without an ID3 tag)");
            }
            byte[] s = switch (format) {
                case FLAC -> shortenFlac(b, f);
                case OGG_VORBIS -> shortenOgg(b, f);
                case WAV -> shortenWav(b, f);
            };
            add(f.getFileName().toString(), s);
            if (format == AudioDecoder.Format.WAV && i == 0) {
                DecodedAudio a = AudioDecoder.decode(s, f);
                add(f.getFileName() + " (as float32)", floatWav(a));
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("files: at least one seed file is needed");
        }
    }

    private void add(String name, byte[] s) {
        seeds.add(s);
        names.add(name);
        fields.add(switch (format) {
            case FLAC -> flacFields(s);
            case OGG_VORBIS -> oggFields(s);
            case WAV -> wavFields(s);
        });
    }

    /**
     * The prepared seed files.
     *
     * @return the shortened, valid files the mutants are made from (not copies)
     */
    public List<byte[]> seeds() {
        return seeds;
    }

    /**
     * Names of the prepared seed files.
     *
     * @return one name per seed
     */
    public List<String> seedNames() {
        return names;
    }

    /**
     * Makes mutant {@code index} of {@code seed}.
     *
     * @param seed the run's seed
     * @param index the mutant's number
     * @return the mutant, a fresh array
     */
    public Mutant mutant(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + 1);
        int which = r.nextInt(seeds.size());
        byte[] b = seeds.get(which).clone();
        StringBuilder d = new StringBuilder(names.get(which)).append(": ");
        int kind = r.nextInt(100);
        if (kind < 14) {
            b = flipBits(b, r, d);
        } else if (kind < 24) {
            b = overwrite(b, r, d);
        } else if (kind < 32) {
            b = insert(b, r, d);
        } else if (kind < 40) {
            b = delete(b, r, d);
        } else if (kind < 45) {
            b = duplicate(b, r, d);
        } else if (kind < 53) {
            b = truncate(b, r, d);
        } else if (kind < 61) {
            b = append(b, r, d);
        } else if (kind < 81) {
            b = field(b, fields.get(which), r, d);
        } else {
            // damage the payload, then repair the checksums so that the codec sees the damage
            b = r.nextBoolean() ? flipBits(b, r, d) : overwrite(b, r, d);
            d.append(", checksums repaired");
            repairChecksums(b);
        }
        return new Mutant(index, which, b, d.toString());
    }

    // ------------------------------------------------------------------ generic mutations

    private static byte[] flipBits(byte[] b, SplittableRandom r, StringBuilder d) {
        int n = 1 + r.nextInt(8);
        d.append("flip ").append(n).append(" bit(s) at");
        for (int i = 0; i < n; i++) {
            int pos = r.nextInt(b.length);
            int bit = r.nextInt(8);
            b[pos] ^= (byte) (1 << bit);
            d.append(' ').append(pos).append('.').append(bit);
        }
        return b;
    }

    private static byte[] overwrite(byte[] b, SplittableRandom r, StringBuilder d) {
        int n = 1 + r.nextInt(16);
        int pos = r.nextInt(b.length);
        int mode = r.nextInt(3);
        for (int i = pos; i < Math.min(b.length, pos + n); i++) {
            b[i] = mode == 0 ? 0 : mode == 1 ? (byte) 0xFF : (byte) r.nextInt(256);
        }
        d.append("overwrite ").append(n).append(" byte(s) at ").append(pos).append(" with ")
                .append(mode == 0 ? "0x00" : mode == 1 ? "0xFF" : "random bytes");
        return b;
    }

    private static byte[] insert(byte[] b, SplittableRandom r, StringBuilder d) {
        int n = 1 + r.nextInt(64);
        int pos = r.nextInt(b.length + 1);
        byte[] ins = new byte[n];
        r.nextBytes(ins);
        d.append("insert ").append(n).append(" random byte(s) at ").append(pos);
        return splice(b, pos, 0, ins);
    }

    private static byte[] delete(byte[] b, SplittableRandom r, StringBuilder d) {
        int pos = r.nextInt(b.length);
        int n = Math.min(b.length - pos, 1 + r.nextInt(64));
        d.append("delete ").append(n).append(" byte(s) at ").append(pos);
        return splice(b, pos, n, new byte[0]);
    }

    private static byte[] duplicate(byte[] b, SplittableRandom r, StringBuilder d) {
        int from = r.nextInt(b.length);
        int n = Math.min(b.length - from, 1 + r.nextInt(4096));
        int at = r.nextInt(b.length + 1);
        d.append("copy ").append(n).append(" byte(s) from ").append(from).append(" to ").append(at);
        return splice(b, at, 0, Arrays.copyOfRange(b, from, from + n));
    }

    private static byte[] truncate(byte[] b, SplittableRandom r, StringBuilder d) {
        int n = r.nextInt(b.length);
        d.append("truncate to ").append(n).append(" byte(s)");
        return Arrays.copyOf(b, n);
    }

    private static byte[] append(byte[] b, SplittableRandom r, StringBuilder d) {
        int mode = r.nextInt(4);
        byte[] tail;
        if (mode == 0) {
            tail = new byte[] {(byte) 0xFF, (byte) 0xFF};
            d.append("append 0xFF 0xFF");
        } else if (mode == 1) {
            tail = new byte[1 + r.nextInt(512)];
            Arrays.fill(tail, (byte) 0xFF);
            d.append("append ").append(tail.length).append(" bytes 0xFF");
        } else if (mode == 2) {
            tail = new byte[1 + r.nextInt(512)];
            r.nextBytes(tail);
            d.append("append ").append(tail.length).append(" random bytes");
        } else {
            int from = r.nextInt(b.length);
            tail = Arrays.copyOfRange(b, from, Math.min(b.length, from + 1 + r.nextInt(8192)));
            d.append("append a copy of ").append(tail.length).append(" bytes from ").append(from);
        }
        return splice(b, b.length, 0, tail);
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private byte[] field(byte[] b, List<Field> fs, SplittableRandom r, StringBuilder d) {
        if (fs.isEmpty()) {
            return overwrite(b, r, d);
        }
        Field f = fs.get(r.nextInt(fs.size()));
        long max = f.bits() == 64 ? -1L : (1L << f.bits()) - 1;
        long v = switch (r.nextInt(7)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> max;
            case 3 -> max - 1;
            case 4 -> max >>> 1;
            case 5 -> (max >>> 1) + 1;
            default -> r.nextLong() & max;
        };
        if (f.offset() + (f.bitOffset() + f.bits() + 7) / 8 > b.length) {
            return overwrite(b, r, d);
        }
        put(b, f, v);
        d.append("set ").append(f.name()).append(" to ").append(Long.toUnsignedString(v));
        if (f.fixFrom() >= 0 && r.nextInt(4) != 0) {
            d.append(", checksums repaired");
            repairChecksums(b);
        }
        return b;
    }

    private static void put(byte[] b, Field f, long v) {
        if (f.littleEndian()) {
            for (int i = 0; i < f.bits() / 8; i++) {
                b[f.offset() + i] = (byte) (v >>> (8 * i));
            }
            return;
        }
        // big-endian bit field starting bitOffset bits into byte offset
        for (int i = 0; i < f.bits(); i++) {
            int bitIndex = f.bitOffset() + i;
            int at = f.offset() + bitIndex / 8;
            int mask = 0x80 >>> (bitIndex % 8);
            boolean one = ((v >>> (f.bits() - 1 - i)) & 1) == 1;
            b[at] = (byte) (one ? b[at] | mask : b[at] & ~mask);
        }
    }

    // ------------------------------------------------------------------ checksums

    private void repairChecksums(byte[] b) {
        switch (format) {
            case FLAC -> repairFlac(b);
            case OGG_VORBIS -> repairOgg(b);
            case WAV -> {
                // RIFF has no checksum
            }
        }
    }

    /** Recomputes CRC-8 and CRC-16 of every frame whose sync code is where the frame chain says it is. */
    private static void repairFlac(byte[] b) {
        int pos = flacAudioStart(b);
        while (pos >= 0 && pos + 6 < b.length && (b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xFE) == 0xF8) {
            int next = nextFlacSync(b, pos + 2);
            int end = next < 0 ? b.length : next;
            int headerEnd = flacHeaderLength(b, pos);
            if (headerEnd < 0 || pos + headerEnd + 2 >= end) {
                return;
            }
            b[pos + headerEnd] = (byte) Crc.crc8(b, pos, pos + headerEnd);
            int crc = Crc.crc16(b, pos, end - 2);
            b[end - 2] = (byte) (crc >>> 8);
            b[end - 1] = (byte) crc;
            pos = next;
        }
    }

    private static int flacAudioStart(byte[] b) {
        if (b.length < 8 || b[0] != 'f') {
            return -1;
        }
        int pos = 4;
        while (pos + 4 <= b.length) {
            boolean last = (b[pos] & 0x80) != 0;
            int len = ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            pos += 4 + len;
            if (last) {
                return pos;
            }
        }
        return -1;
    }

    /** Next offset after {@code from} that starts a frame sync whose header CRC-8 matches, or -1. */
    private static int nextFlacSync(byte[] b, int from) {
        for (int i = from; i + 6 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFE) == 0xF8) {
                int h = flacHeaderLength(b, i);
                if (h > 0 && i + h < b.length && (b[i + h] & 0xFF) == Crc.crc8(b, i, i + h)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Length of a FLAC frame header before its CRC-8 byte, or -1 if its coded number is invalid. */
    private static int flacHeaderLength(byte[] b, int start) {
        if (start + 5 > b.length) {
            return -1;
        }
        int first = b[start + 4] & 0xFF;
        int ones = Integer.numberOfLeadingZeros(~first << 24);
        int coded = ones == 0 ? 1 : ones >= 2 && ones <= 7 ? ones : -1;
        if (coded < 0) {
            return -1;
        }
        int bsCode = (b[start + 2] & 0xFF) >>> 4;
        int srCode = b[start + 2] & 0x0F;
        int len = 4 + coded + (bsCode == 6 ? 1 : bsCode == 7 ? 2 : 0) + (srCode == 12 ? 1 : srCode == 13
                || srCode == 14 ? 2 : 0);
        return start + len < b.length ? len : -1;
    }

    /** Recomputes the CRC-32 of every page, walking the page chain from the start while it is intact. */
    private static void repairOgg(byte[] b) {
        int pos = 0;
        while (pos + 27 <= b.length && b[pos] == 'O' && b[pos + 1] == 'g' && b[pos + 2] == 'g'
                && b[pos + 3] == 'S') {
            int segments = b[pos + 26] & 0xFF;
            if (pos + 27 + segments > b.length) {
                return;
            }
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += b[pos + 27 + i] & 0xFF;
            }
            int end = pos + 27 + segments + body;
            if (end > b.length) {
                return;
            }
            oggCrc(b, pos, end);
            pos = end;
        }
    }

    private static final int[] OGG_CRC = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            OGG_CRC[i] = c;
        }
    }

    /** Stores the Ogg CRC-32 (polynomial 0x04C11DB7, computed with the CRC field zeroed) of page {@code [from, to)}. */
    static void oggCrc(byte[] b, int from, int to) {
        for (int i = 22; i < 26; i++) {
            b[from + i] = 0;
        }
        int c = 0;
        for (int i = from; i < to; i++) {
            c = (c << 8) ^ OGG_CRC[((c >>> 24) ^ b[i]) & 0xFF];
        }
        for (int i = 0; i < 4; i++) {
            b[from + 22 + i] = (byte) (c >>> (8 * i));
        }
    }

    // ------------------------------------------------------------------ seed preparation and header fields

    private static byte[] shortenFlac(byte[] b, Path f) throws AudioFormatException {
        FlacDecoder d = new FlacDecoder(b, 0, f);
        long total = 0;
        int end = d.audioStart();
        for (int i = 0; i < FLAC_FRAMES; i++) {
            int n = d.nextFrame();
            if (n == 0) {
                break;
            }
            total += n;
            end = d.frameEnd();
        }
        byte[] s = Arrays.copyOf(b, end);
        // STREAMINFO body starts at 8; total samples are its bits 108..143
        put(s, new Field("total", 8 + 13, 4, 36, false, -1), total);
        return s;
    }

    private static List<Field> flacFields(byte[] s) {
        List<Field> fs = new ArrayList<>();
        int si = 8;
        fs.add(new Field("STREAMINFO min block size", si, 0, 16, false, -1));
        fs.add(new Field("STREAMINFO max block size", si + 2, 0, 16, false, -1));
        fs.add(new Field("STREAMINFO max frame size", si + 7, 0, 24, false, -1));
        fs.add(new Field("STREAMINFO sample rate", si + 10, 0, 20, false, -1));
        fs.add(new Field("STREAMINFO channels-1", si + 12, 4, 3, false, -1));
        fs.add(new Field("STREAMINFO bits-1", si + 12, 7, 5, false, -1));
        fs.add(new Field("STREAMINFO total samples", si + 13, 4, 36, false, -1));
        int pos = 4;
        int index = 0;
        while (pos + 4 <= s.length) {
            boolean last = (s[pos] & 0x80) != 0;
            int type = s[pos] & 0x7F;
            int len = ((s[pos + 1] & 0xFF) << 16) | ((s[pos + 2] & 0xFF) << 8) | (s[pos + 3] & 0xFF);
            fs.add(new Field("metadata block " + index + " length", pos + 1, 0, 24, false, -1));
            fs.add(new Field("metadata block " + index + " type", pos, 1, 7, false, -1));
            if (type == 4 && len >= 8) { // VORBIS_COMMENT: little-endian vendor length, then comment count
                int body = pos + 4;
                fs.add(new Field("Vorbis comment vendor length", body, 0, 32, true, -1));
                long vendor = ByteBuffer.wrap(s, body, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                if (vendor + 8 <= len) {
                    fs.add(new Field("Vorbis comment count", body + 4 + (int) vendor, 0, 32, true, -1));
                    if (vendor + 12 <= len) {
                        fs.add(new Field("Vorbis comment 0 length", body + 8 + (int) vendor, 0, 32, true, -1));
                    }
                }
            }
            pos += 4 + len;
            index++;
            if (last) {
                break;
            }
        }
        // the codes of the first frames' headers (checksums repaired in most cases)
        for (int k = 0, at = pos; k < 3 && at >= 0 && at + 4 < s.length; k++) {
            fs.add(new Field("frame " + k + " block size code", at + 2, 0, 4, false, at));
            fs.add(new Field("frame " + k + " sample rate code", at + 2, 4, 4, false, at));
            fs.add(new Field("frame " + k + " channel code", at + 3, 0, 4, false, at));
            fs.add(new Field("frame " + k + " sample size code", at + 3, 4, 3, false, at));
            fs.add(new Field("frame " + k + " first subframe header", at + 6, 0, 8, false, at));
            at = nextFlacSync(s, at + 2);
        }
        return fs;
    }

    private static byte[] shortenOgg(byte[] b, Path f) throws AudioFormatException {
        List<int[]> pages = oggPages(b);
        int h = headerPages(b, pages);
        if (h >= pages.size()) {
            throw new AudioFormatException(f, "Ogg seed has no audio page after its headers");
        }
        // keep the header pages and the first complete packets of the first audio page, on a page of their own
        int at = pages.get(h)[0];
        int segments = b[at + 26] & 0xFF;
        List<Integer> lacing = new ArrayList<>();
        int body = 0;
        int keptBody = 0;
        int packets = 0;
        for (int i = 0; i < segments && packets < OGG_AUDIO_PACKETS; i++) {
            int v = b[at + 27 + i] & 0xFF;
            lacing.add(v);
            body += v;
            if (v < 255) {
                packets++;
                keptBody = body;
            }
        }
        // drop a trailing packet that does not end on this page
        int keepSegments = lacing.size();
        while (keepSegments > 0 && lacing.get(keepSegments - 1) == 255) {
            keepSegments--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        byte[] header = Arrays.copyOfRange(b, at, at + 27);
        header[5] |= 0x04; // end of stream
        // a granule position past the end keeps every decoded sample (the kept packets end before the original's)
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putLong(6, 1L << 40);
        header[26] = (byte) keepSegments;
        out.writeBytes(header);
        for (int i = 0; i < keepSegments; i++) {
            out.write(lacing.get(i));
        }
        out.write(b, at + 27 + segments, keptBody);
        byte[] s = out.toByteArray();
        oggCrc(s, at, s.length);
        return s;
    }

    /** Pages as {@code {start, end}} pairs. */
    private static List<int[]> oggPages(byte[] b) {
        List<int[]> pages = new ArrayList<>();
        int pos = 0;
        while (pos + 27 <= b.length && b[pos] == 'O' && b[pos + 1] == 'g') {
            int segments = b[pos + 26] & 0xFF;
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += b[pos + 27 + i] & 0xFF;
            }
            int end = pos + 27 + segments + body;
            if (end > b.length) {
                break;
            }
            pages.add(new int[] {pos, end});
            pos = end;
        }
        return pages;
    }

    /** Number of pages up to the one where the third packet (the setup header) ends. */
    private static int headerPages(byte[] b, List<int[]> pages) {
        int packets = 0;
        for (int p = 0; p < pages.size(); p++) {
            int at = pages.get(p)[0];
            int segments = b[at + 26] & 0xFF;
            for (int i = 0; i < segments; i++) {
                if ((b[at + 27 + i] & 0xFF) < 255 && ++packets == 3) {
                    return p + 1;
                }
            }
        }
        return pages.size();
    }

    private static List<Field> oggFields(byte[] s) {
        List<Field> fs = new ArrayList<>();
        List<int[]> pages = oggPages(s);
        for (int p = 0; p < Math.min(pages.size(), 4); p++) {
            int at = pages.get(p)[0];
            fs.add(new Field("page " + p + " version", at + 4, 0, 8, false, at));
            fs.add(new Field("page " + p + " header type", at + 5, 0, 8, false, at));
            fs.add(new Field("page " + p + " granule position", at + 6, 0, 64, true, at));
            fs.add(new Field("page " + p + " serial number", at + 14, 0, 32, true, at));
            fs.add(new Field("page " + p + " sequence number", at + 18, 0, 32, true, at));
            fs.add(new Field("page " + p + " segment count", at + 26, 0, 8, false, at));
            fs.add(new Field("page " + p + " first lacing value", at + 27, 0, 8, false, at));
        }
        // Vorbis identification header: first page body, after "\x01vorbis" and the version
        int id = pages.get(0)[0] + 27 + (s[pages.get(0)[0] + 26] & 0xFF);
        fs.add(new Field("Vorbis channels", id + 11, 0, 8, false, 0));
        fs.add(new Field("Vorbis sample rate", id + 12, 0, 32, true, 0));
        fs.add(new Field("Vorbis block sizes", id + 28, 0, 8, false, 0));
        // comment header: the second packet; usually at the start of the second page's body
        if (pages.size() > 1) {
            int at = pages.get(1)[0];
            int c = at + 27 + (s[at + 26] & 0xFF);
            if (c + 15 < s.length && s[c] == 3) {
                fs.add(new Field("Vorbis comment vendor length", c + 7, 0, 32, true, at));
                long vendor = ByteBuffer.wrap(s, c + 7, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                long count = c + 11 + vendor;
                if (count + 8 < s.length) {
                    fs.add(new Field("Vorbis comment count", (int) count, 0, 32, true, at));
                    fs.add(new Field("Vorbis comment 0 length", (int) count + 4, 0, 32, true, at));
                }
                int setup = indexOf(s, new byte[] {5, 'v', 'o', 'r', 'b', 'i', 's'}, c);
                if (setup > 0 && setup + 18 < s.length) {
                    fs.add(new Field("Vorbis codebook count", setup + 7, 0, 8, false, at));
                    fs.add(new Field("Vorbis codebook 0 dimensions", setup + 11, 0, 16, true, at));
                    fs.add(new Field("Vorbis codebook 0 entries (low 16 bits)", setup + 13, 0, 16, true, at));
                    fs.add(new Field("Vorbis codebook 0 entries (high byte)", setup + 15, 0, 8, false, at));
                }
            }
        }
        return fs;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] shortenWav(byte[] b, Path f) throws AudioFormatException {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int align = 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, 12);
        while (pos + 8 <= b.length) {
            String id = new String(b, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long size = Integer.toUnsignedLong(bb.getInt(pos + 4));
            if (id.equals("fmt ")) {
                align = Math.max(1, bb.getShort(pos + 8 + 12) & 0xFFFF);
            }
            if (id.equals("data")) {
                int keep = (int) Math.min(size, Math.min(b.length - pos - 8L, WAV_BYTES / align * align));
                out.write(b, pos, 4);
                out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(keep).array());
                out.write(b, pos + 8, keep);
                byte[] s = out.toByteArray();
                ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putInt(4, s.length - 8);
                return s;
            }
            int next = (int) Math.min(b.length, pos + 8 + size + (size & 1));
            out.write(b, pos, next - pos);
            pos = next;
        }
        throw new AudioFormatException(f, "WAV seed has no data chunk");
    }

    private static byte[] floatWav(DecodedAudio a) {
        int nc = a.channels();
        int n = a.frames();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * n * nc).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(36 + 4 * n * nc)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(16)
                .putShort((short) 3).putShort((short) nc).putInt(a.sampleRate()).putInt(a.sampleRate() * 4 * nc)
                .putShort((short) (4 * nc)).putShort((short) 32)
                .put("data".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(4 * n * nc);
        for (float v : a.interleaved()) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static List<Field> wavFields(byte[] s) {
        List<Field> fs = new ArrayList<>();
        ByteBuffer bb = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        fs.add(new Field("RIFF size", 4, 0, 32, true, -1));
        int pos = 12;
        while (pos + 8 <= s.length) {
            String id = new String(s, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long size = Integer.toUnsignedLong(bb.getInt(pos + 4));
            fs.add(new Field("'" + id + "' chunk size", pos + 4, 0, 32, true, -1));
            if (id.equals("fmt ")) {
                int f = pos + 8;
                fs.add(new Field("format tag", f, 0, 16, true, -1));
                fs.add(new Field("channels", f + 2, 0, 16, true, -1));
                fs.add(new Field("sample rate", f + 4, 0, 32, true, -1));
                fs.add(new Field("byte rate", f + 8, 0, 32, true, -1));
                fs.add(new Field("block align", f + 12, 0, 16, true, -1));
                fs.add(new Field("bits per sample", f + 14, 0, 16, true, -1));
            }
            if (id.equals("data") && pos + 12 <= s.length) {
                // an extreme sample (for float data: NaN, infinity and huge values come out of these patterns)
                fs.add(new Field("first sample bytes", pos + 8, 0, 32, true, -1));
            }
            pos = (int) Math.min(s.length, pos + 8 + size + (size & 1));
        }
        return fs;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AudioMutator[%s, %d seeds]", format, seeds.size());
    }
}
