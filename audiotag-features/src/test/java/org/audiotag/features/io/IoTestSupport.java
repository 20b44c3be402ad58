package org.audiotag.features.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers of the I/O tests: the project root, and a builder for hand-made RIFF files. */
final class IoTestSupport {

    private IoTestSupport() {
    }

    /** Project root: system property {@code audiotag.root} (set by Surefire), else the parent of the module. */
    static Path root() {
        String p = System.getProperty("audiotag.root");
        Path r = p != null && !p.isBlank() ? Path.of(p) : Path.of("..");
        if (!Files.isDirectory(r.resolve("data"))) {
            throw new IllegalStateException("project root " + r.toAbsolutePath() + " has no data/ folder");
        }
        return r;
    }

    /** Builds RIFF files chunk by chunk, with full control over every header field (including wrong ones). */
    static final class Riff {
        private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        private String magic = "RIFF";
        private String form = "WAVE";
        private Long riffSize;

        Riff magic(String m) {
            this.magic = m;
            return this;
        }

        Riff form(String f) {
            this.form = f;
            return this;
        }

        Riff riffSize(long s) {
            this.riffSize = s;
            return this;
        }

        /** A chunk with its true size, padded to even length. */
        Riff chunk(String id, byte[] body) {
            return chunk(id, body, body.length, true);
        }

        /** A chunk whose size field says {@code declared} (which may lie), optionally padded. */
        Riff chunk(String id, byte[] body, long declared, boolean pad) {
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            h.put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt((int) declared);
            chunks.writeBytes(h.array());
            chunks.writeBytes(body);
            if (pad && (body.length & 1) == 1) {
                chunks.write(0);
            }
            return this;
        }

        Riff fmt(int tag, int channels, int rate, int bits) {
            return chunk("fmt ", fmtBody(tag, channels, rate, channels * (bits / 8), bits));
        }

        byte[] bytes() {
            byte[] body = chunks.toByteArray();
            ByteBuffer b = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put(magic.getBytes(StandardCharsets.ISO_8859_1));
            b.putInt((int) (riffSize != null ? riffSize : 4 + body.length));
            b.put(form.getBytes(StandardCharsets.ISO_8859_1));
            b.put(body);
            return b.array();
        }

        Path write(Path file) throws java.io.IOException {
            Files.write(file, bytes());
            return file;
        }
    }

    static byte[] fmtBody(int tag, int channels, int rate, int blockAlign, int bits) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return b.array();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt body whose sub-format GUID starts with {@code subTag}. */
    static byte[] extensibleFmtBody(int subTag, int channels, int rate, int bits, int validBits, int mask) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * bits / 8;
        b.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        b.putShort((short) 22).putShort((short) validBits).putInt(mask);
        // KSDATAFORMAT_SUBTYPE_xxx = {0000xxxx-0000-0010-8000-00aa00389b71}
        b.putShort((short) subTag).putShort((short) 0).putShort((short) 0).putShort((short) 0x0010);
        b.put(new byte[] {(byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return b.array();
    }

    static byte[] le16(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    static byte[] le24(int... v) {
        byte[] b = new byte[3 * v.length];
        for (int i = 0; i < v.length; i++) {
            b[3 * i] = (byte) v[i];
            b[3 * i + 1] = (byte) (v[i] >> 8);
            b[3 * i + 2] = (byte) (v[i] >> 16);
        }
        return b;
    }

    static byte[] le32(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    static byte[] f32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    static byte[] f64(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }
}
