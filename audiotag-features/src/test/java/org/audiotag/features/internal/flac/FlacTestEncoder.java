package org.audiotag.features.internal.flac;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A FLAC writer for tests, written from RFC 9639 independently of the decoder (bitwise CRCs, its own bit packing):
 * every coding choice is explicit, so a test can produce each subframe type, residual coding, stereo mode, wasted
 * bit count, sample size and header variant on known integer samples and check that the decoder returns exactly
 * those samples.
 */
final class FlacTestEncoder {

    /** How one subframe is coded. */
    record Sub(Type type, int order, int precision, int shift, long[] coefs, int wasted, int method,
            int partitionOrder, int escapeBits, int riceParam) {

        static Sub constant() {
            return new Sub(Type.CONSTANT, 0, 0, 0, null, 0, 0, 0, -1, -1);
        }

        static Sub verbatim() {
            return new Sub(Type.VERBATIM, 0, 0, 0, null, 0, 0, 0, -1, -1);
        }

        static Sub fixed(int order) {
            return new Sub(Type.FIXED, order, 0, 0, null, 0, 0, 0, -1, -1);
        }

        static Sub lpc(int precision, int shift, long... coefs) {
            return new Sub(Type.LPC, coefs.length, precision, shift, coefs, 0, 0, 0, -1, -1);
        }

        /** Residual coding: method 0 (4-bit parameters) or 1 (5-bit), partition order. */
        Sub residual(int m, int porder) {
            return new Sub(type, order, precision, shift, coefs, wasted, m, porder, escapeBits, riceParam);
        }

        /** Every partition escape-coded with this many raw bits per residual (0: all residuals zero). */
        Sub escape(int bits) {
            return new Sub(type, order, precision, shift, coefs, wasted, method, partitionOrder, bits, riceParam);
        }

        /** Every partition Rice-coded with this parameter (else chosen per partition). */
        Sub rice(int k) {
            return new Sub(type, order, precision, shift, coefs, wasted, method, partitionOrder, escapeBits, k);
        }

        Sub wasted(int w) {
            return new Sub(type, order, precision, shift, coefs, w, method, partitionOrder, escapeBits, riceParam);
        }
    }

    enum Type { CONSTANT, VERBATIM, FIXED, LPC }

    /** MSB-first bit writer. */
    static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int n;

        void put(long v, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = (acc << 1) | ((v >>> i) & 1);
                if (++n == 8) {
                    out.write((int) acc);
                    acc = 0;
                    n = 0;
                }
            }
        }

        void unary(long zeros) {
            for (long i = 0; i < zeros; i++) {
                put(0, 1);
            }
            put(1, 1);
        }

        void align() {
            while (n != 0) {
                put(0, 1);
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private final int channels;
    private final int bits;
    private final int rate;
    private final ByteArrayOutputStream frames = new ByteArrayOutputStream();
    private final List<byte[]> extraBlocks = new ArrayList<>();
    private long frameNumber;
    private long sampleNumber;
    private long total;
    private boolean writeTotal = true;

    FlacTestEncoder(int channels, int bits, int rate) {
        this.channels = channels;
        this.bits = bits;
        this.rate = rate;
    }

    /** Adds a metadata block (type, body) after STREAMINFO. */
    FlacTestEncoder block(int type, byte[] body) {
        byte[] b = new byte[4 + body.length];
        b[0] = (byte) type;
        b[1] = (byte) (body.length >>> 16);
        b[2] = (byte) (body.length >>> 8);
        b[3] = (byte) body.length;
        System.arraycopy(body, 0, b, 4, body.length);
        extraBlocks.add(b);
        return this;
    }

    /** STREAMINFO's total sample count is written as 0 ("unknown"). */
    FlacTestEncoder unknownTotal() {
        writeTotal = false;
        return this;
    }

    /**
     * Appends a frame.
     *
     * @param x samples, {@code x[channel][i]}, all channels of the same length (the block size)
     * @param assignment channel assignment code: 0-7 independent, 8 left/side, 9 side/right, 10 mid/side
     * @param subs one coding per coded channel
     * @param variable whether the frame carries a sample number (variable block size) instead of a frame number
     * @param explicitHeader whether the header states the sample rate and size instead of referring to STREAMINFO
     */
    FlacTestEncoder frame(long[][] x, int assignment, Sub[] subs, boolean variable, boolean explicitHeader) {
        return frame(x, assignment, subs, variable, explicitHeader, variable ? sampleNumber : frameNumber);
    }

    FlacTestEncoder frame(long[][] x, int assignment, Sub[] subs, boolean variable, boolean explicitHeader,
            long number) {
        int n = x[0].length;
        Bits w = new Bits();
        w.put(0x7FFC, 15);
        w.put(variable ? 1 : 0, 1);
        int bsCode;
        int bsExtra = 0;
        if (n == 192) {
            bsCode = 1;
        } else if (n == 576 || n == 1152 || n == 2304 || n == 4608) {
            bsCode = 2 + Integer.numberOfTrailingZeros(n / 576);
        } else if (Integer.bitCount(n) == 1 && n >= 256 && n <= 32768) {
            bsCode = 8 + Integer.numberOfTrailingZeros(n / 256);
        } else if (n <= 256) {
            bsCode = 6;
            bsExtra = 8;
        } else {
            bsCode = 7;
            bsExtra = 16;
        }
        w.put(bsCode, 4);
        int srCode;
        int srExtra = 0;
        long srValue = 0;
        if (!explicitHeader) {
            srCode = 0;
        } else if (rate == 44100) {
            srCode = 9;
        } else if (rate % 1000 == 0 && rate / 1000 < 256) {
            srCode = 12;
            srExtra = 8;
            srValue = rate / 1000;
        } else if (rate < 65536) {
            srCode = 13;
            srExtra = 16;
            srValue = rate;
        } else {
            srCode = 14;
            srExtra = 16;
            srValue = rate / 10;
        }
        w.put(srCode, 4);
        w.put(assignment, 4);
        int ssCode = 0;
        if (explicitHeader) {
            ssCode = switch (bits) {
                case 8 -> 1;
                case 12 -> 2;
                case 16 -> 4;
                case 20 -> 5;
                case 24 -> 6;
                case 32 -> 7;
                default -> 0;
            };
        }
        w.put(ssCode, 3);
        w.put(0, 1);
        writeCoded(w, number);
        if (bsExtra > 0) {
            w.put(n - 1, bsExtra);
        }
        if (srExtra > 0) {
            w.put(srValue, srExtra);
        }
        byte[] head = w.bytes();
        w.put(crc8(head), 8);
        // decorrelate
        long[][] coded = new long[x.length][];
        int[] sbits = new int[x.length];
        for (int c = 0; c < x.length; c++) {
            coded[c] = x[c].clone();
            sbits[c] = bits;
        }
        if (assignment == 8) {
            for (int i = 0; i < n; i++) {
                coded[1][i] = x[0][i] - x[1][i];
            }
            sbits[1]++;
        } else if (assignment == 9) {
            for (int i = 0; i < n; i++) {
                coded[0][i] = x[0][i] - x[1][i];
            }
            sbits[0]++;
        } else if (assignment == 10) {
            for (int i = 0; i < n; i++) {
                coded[0][i] = (x[0][i] + x[1][i]) >> 1;
                coded[1][i] = x[0][i] - x[1][i];
            }
            sbits[1]++;
        }
        for (int c = 0; c < x.length; c++) {
            subframe(w, coded[c], sbits[c], subs[c]);
        }
        w.align();
        byte[] body = w.bytes();
        int crc = crc16(body);
        frames.writeBytes(body);
        frames.write(crc >>> 8);
        frames.write(crc & 0xFF);
        frameNumber++;
        sampleNumber += n;
        total += n;
        return this;
    }

    private static void writeCoded(Bits w, long v) {
        if (v < 0x80) {
            w.put(v, 8);
            return;
        }
        int extra = v < 0x800 ? 1 : v < 0x10000 ? 2 : v < 0x200000 ? 3 : v < 0x4000000 ? 4 : v < 0x80000000L ? 5 : 6;
        int firstBits = 6 - extra; // payload bits of the first byte (0 for the 7-byte form)
        int lead = (0xFF00 >> (extra + 1)) & 0xFF;
        w.put(lead | (extra == 6 ? 0 : (v >>> (6 * extra)) & ((1 << firstBits) - 1)), 8);
        for (int i = extra - 1; i >= 0; i--) {
            w.put(0x80 | ((v >>> (6 * i)) & 0x3F), 8);
        }
    }

    private static void subframe(Bits w, long[] x, int bits, Sub s) {
        int n = x.length;
        int typeCode = switch (s.type()) {
            case CONSTANT -> 0;
            case VERBATIM -> 1;
            case FIXED -> 8 + s.order();
            case LPC -> 31 + s.order();
        };
        w.put(0, 1);
        w.put(typeCode, 6);
        long[] y = x;
        int eb = bits;
        if (s.wasted() > 0) {
            w.put(1, 1);
            w.unary(s.wasted() - 1);
            y = new long[n];
            for (int i = 0; i < n; i++) {
                if ((x[i] & ((1L << s.wasted()) - 1)) != 0) {
                    throw new IllegalArgumentException("sample " + i + " has no " + s.wasted() + " wasted bits");
                }
                y[i] = x[i] >> s.wasted();
            }
            eb = bits - s.wasted();
        } else {
            w.put(0, 1);
        }
        switch (s.type()) {
            case CONSTANT -> w.put(y[0], eb);
            case VERBATIM -> {
                for (long v : y) {
                    w.put(v, eb);
                }
            }
            case FIXED -> {
                for (int i = 0; i < s.order(); i++) {
                    w.put(y[i], eb);
                }
                long[] r = new long[n];
                for (int i = s.order(); i < n; i++) {
                    long p = switch (s.order()) {
                        case 0 -> 0;
                        case 1 -> y[i - 1];
                        case 2 -> 2 * y[i - 1] - y[i - 2];
                        case 3 -> 3 * y[i - 1] - 3 * y[i - 2] + y[i - 3];
                        default -> 4 * y[i - 1] - 6 * y[i - 2] + 4 * y[i - 3] - y[i - 4];
                    };
                    r[i] = y[i] - p;
                }
                residual(w, r, s);
            }
            case LPC -> {
                for (int i = 0; i < s.order(); i++) {
                    w.put(y[i], eb);
                }
                w.put(s.precision() - 1, 4);
                w.put(s.shift(), 5);
                for (long c : s.coefs()) {
                    if (c < -(1L << (s.precision() - 1)) || c >= 1L << (s.precision() - 1)) {
                        throw new IllegalArgumentException("coefficient " + c + " needs more than " + s.precision()
                                + " bits");
                    }
                    w.put(c, s.precision());
                }
                long[] r = new long[n];
                for (int i = s.order(); i < n; i++) {
                    long sum = 0;
                    for (int j = 0; j < s.order(); j++) {
                        sum += s.coefs()[j] * y[i - 1 - j];
                    }
                    r[i] = y[i] - (sum >> s.shift());
                }
                residual(w, r, s);
            }
        }
    }

    private static void residual(Bits w, long[] r, Sub s) {
        int n = r.length;
        w.put(s.method(), 2);
        w.put(s.partitionOrder(), 4);
        int parts = 1 << s.partitionOrder();
        int per = n >> s.partitionOrder();
        int paramBits = s.method() == 0 ? 4 : 5;
        int escape = s.method() == 0 ? 15 : 31;
        for (int p = 0; p < parts; p++) {
            int from = p == 0 ? s.order() : p * per;
            int to = (p + 1) * per;
            if (s.escapeBits() >= 0) {
                w.put(escape, paramBits);
                w.put(s.escapeBits(), 5);
                for (int i = from; i < to; i++) {
                    if (s.escapeBits() > 0) {
                        w.put(r[i], s.escapeBits());
                    } else if (r[i] != 0) {
                        throw new IllegalArgumentException("escape with 0 bits needs zero residuals");
                    }
                }
                continue;
            }
            int k = s.riceParam();
            if (k < 0) {
                double mean = 0;
                for (int i = from; i < to; i++) {
                    mean += Math.abs(r[i]);
                }
                mean /= Math.max(1, to - from);
                k = mean < 1 ? 0 : Math.min(escape - 1, (int) Math.floor(Math.log(mean) / Math.log(2)));
            }
            w.put(k, paramBits);
            for (int i = from; i < to; i++) {
                long u = (r[i] << 1) ^ (r[i] >> 63);
                w.unary(u >>> k);
                if (k > 0) {
                    w.put(u & ((1L << k) - 1), k);
                }
            }
        }
    }

    /** The complete stream: {@code fLaC}, STREAMINFO, the extra blocks, the frames. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'f', 'L', 'a', 'C'});
        Bits si = new Bits();
        si.put(extraBlocks.isEmpty() ? 0x80 : 0, 8);
        si.put(34, 24);
        si.put(16, 16);
        si.put(65535, 16);
        si.put(0, 24);
        si.put(0, 24);
        si.put(rate, 20);
        si.put(channels - 1, 3);
        si.put(bits - 1, 5);
        si.put(writeTotal ? total : 0, 36);
        si.put(0, 64);
        si.put(0, 64);
        out.writeBytes(si.bytes());
        for (int i = 0; i < extraBlocks.size(); i++) {
            byte[] b = extraBlocks.get(i).clone();
            if (i == extraBlocks.size() - 1) {
                b[0] |= (byte) 0x80;
            }
            out.writeBytes(b);
        }
        out.writeBytes(frames.toByteArray());
        return out.toByteArray();
    }

    /** CRC-8, polynomial 0x07, bit by bit. */
    static int crc8(byte[] b) {
        int c = 0;
        for (byte x : b) {
            c ^= x & 0xFF;
            for (int i = 0; i < 8; i++) {
                c = (c & 0x80) != 0 ? ((c << 1) ^ 0x07) & 0xFF : (c << 1) & 0xFF;
            }
        }
        return c;
    }

    /** CRC-16, polynomial 0x8005, bit by bit. */
    static int crc16(byte[] b) {
        int c = 0;
        for (byte x : b) {
            c ^= (x & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                c = (c & 0x8000) != 0 ? ((c << 1) ^ 0x8005) & 0xFFFF : (c << 1) & 0xFFFF;
            }
        }
        return c;
    }
}
