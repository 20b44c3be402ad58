package org.audiotag.features.internal.flac;

/**
 * Big-endian (most significant bit first) bit reader over a byte array, the bit order of FLAC. Reading past the end
 * of the array throws {@link EndOfData}; nothing is allocated while reading, and every call consumes at least the
 * bits it returns, so the work of a caller that only reads is bounded by the size of the input.
 *
 * <p>The unread bits are kept left-aligned in a 64-bit cache that holds at most 63 bits (so that every shift is
 * smaller than 64); bits below the valid ones are always zero.
 */
final class BitReader {

    /** Thrown when a read needs more bits than the input has left. */
    static final class EndOfData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndOfData() {
            super("end of data", null, false, false);
        }
    }

    private final byte[] buf;
    private final int end;
    /** Index of the next byte to move into the cache. */
    private int next;
    private long cache;
    private int bits;

    /**
     * Reads {@code buf[from, end)}.
     *
     * @param buf the data (not copied; must not change while reading)
     * @param from first byte to read
     * @param end one past the last byte
     */
    BitReader(byte[] buf, int from, int end) {
        this.buf = buf;
        this.next = from;
        this.end = end;
    }

    private void refill() {
        while (bits <= 55 && next < end) {
            cache |= (long) (buf[next++] & 0xFF) << (56 - bits);
            bits += 8;
        }
    }

    /**
     * Reads an unsigned number.
     *
     * @param n bit count, 0 to 56
     * @return the number
     * @throws EndOfData if fewer than {@code n} bits are left
     */
    long readBits(int n) {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            refill();
            if (bits < n) {
                throw new EndOfData();
            }
        }
        long v = cache >>> (64 - n);
        cache <<= n;
        bits -= n;
        return v;
    }

    /**
     * Reads an unsigned number of at most 31 bits as an int.
     *
     * @param n bit count, 0 to 31
     * @return the number
     */
    int readUInt(int n) {
        return (int) readBits(n);
    }

    /**
     * Reads a two's complement number.
     *
     * @param n bit count, 0 to 56 (0 reads nothing and returns 0)
     * @return the sign-extended number
     */
    long readSigned(int n) {
        if (n == 0) {
            return 0;
        }
        long v = readBits(n);
        return (v << (64 - n)) >> (64 - n);
    }

    /**
     * Reads a unary number: the count of 0 bits before the next 1 bit (which is consumed too).
     *
     * @param limit largest count accepted
     * @return the count, at most {@code limit}
     * @throws EndOfData if the input ends first
     * @throws IllegalStateException if more than {@code limit} zeros come first (bounded, the caller reports it)
     */
    long readUnary(long limit) {
        long q = 0;
        while (true) {
            if (bits == 0) {
                refill();
                if (bits == 0) {
                    throw new EndOfData();
                }
            }
            if (cache == 0) {
                q += bits;
                bits = 0;
                if (q > limit) {
                    throw new IllegalStateException("unary run longer than " + limit);
                }
                continue;
            }
            int lz = Long.numberOfLeadingZeros(cache);
            // cache != 0 and the bits below the valid ones are zero, so lz < bits
            q += lz;
            cache <<= lz + 1;
            bits -= lz + 1;
            if (q > limit) {
                throw new IllegalStateException("unary run longer than " + limit);
            }
            return q;
        }
    }

    /**
     * Reads {@code count} Rice-coded residuals with parameter {@code k} into {@code dst[from, from + count)}: a unary
     * quotient, {@code k} low bits, then the zigzag fold {@code (u >>> 1) ^ -(u & 1)}. Folded values must fit in 32
     * bits (the residual range of FLAC), which bounds the quotient to {@code (2^32 - 1) >> k}.
     *
     * @param dst destination
     * @param from first index written
     * @param count number of residuals
     * @param k Rice parameter, 0 to 30
     * @return -1 on success, else the index of the residual whose folded value does not fit in 32 bits
     */
    int readRice(long[] dst, int from, int count, int k) {
        final long qLimit = 0xFFFFFFFFL >>> k;
        for (int i = from, stop = from + count; i < stop; i++) {
            long q;
            // fast path: the quotient's terminating 1 is in the cache
            if (cache != 0) {
                int lz = Long.numberOfLeadingZeros(cache);
                q = lz;
                cache <<= lz + 1;
                bits -= lz + 1;
            } else {
                try {
                    q = readUnary(qLimit);
                } catch (IllegalStateException e) {
                    return i;
                }
            }
            if (q > qLimit) {
                return i;
            }
            long u;
            if (k == 0) {
                u = q;
            } else {
                if (bits < k) {
                    refill();
                    if (bits < k) {
                        throw new EndOfData();
                    }
                }
                u = (q << k) | (cache >>> (64 - k));
                cache <<= k;
                bits -= k;
            }
            dst[i] = (u >>> 1) ^ -(u & 1);
        }
        return -1;
    }

    /** Skips to the next byte boundary. */
    void alignToByte() {
        int r = bits & 7;
        cache <<= r;
        bits -= r;
    }

    /**
     * Whether the reader is at a byte boundary.
     *
     * @return true if the next bit is the first of a byte
     */
    boolean isByteAligned() {
        return (bits & 7) == 0;
    }

    /**
     * Index of the byte that holds the next unread bit (at a byte boundary: the next byte to read).
     *
     * @return the byte index
     */
    int bytePosition() {
        return next - (bits + 7) / 8;
    }

    /**
     * Restarts reading at a byte index, dropping the cache.
     *
     * @param pos index of the next byte to read
     */
    void seek(int pos) {
        next = pos;
        cache = 0;
        bits = 0;
    }
}
