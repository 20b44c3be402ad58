package org.audiotag.features.internal.flac;

/**
 * The two checksums of a FLAC frame (RFC 9639, section 9.1.8 and 9.3): CRC-8 with polynomial
 * {@code x^8 + x^2 + x + 1} over the frame header, and CRC-16 with polynomial {@code x^16 + x^15 + x^2 + 1} over the
 * whole frame up to its last two bytes; both start at 0, unreflected, with no final XOR.
 */
public final class Crc {

    private static final int[] CRC8 = new int[256];
    private static final int[] CRC16 = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int b = 0; b < 8; b++) {
                c = (c & 0x80) != 0 ? ((c << 1) ^ 0x07) & 0xFF : (c << 1) & 0xFF;
            }
            CRC8[i] = c;
            int d = i << 8;
            for (int b = 0; b < 8; b++) {
                d = (d & 0x8000) != 0 ? ((d << 1) ^ 0x8005) & 0xFFFF : (d << 1) & 0xFFFF;
            }
            CRC16[i] = d;
        }
    }

    private Crc() {
    }

    /**
     * CRC-8 of {@code b[from, to)}.
     *
     * @param b data
     * @param from first byte
     * @param to one past the last byte
     * @return the checksum, 0 to 255
     */
    public static int crc8(byte[] b, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            c = CRC8[c ^ (b[i] & 0xFF)];
        }
        return c;
    }

    /**
     * CRC-16 of {@code b[from, to)}.
     *
     * @param b data
     * @param from first byte
     * @param to one past the last byte
     * @return the checksum, 0 to 65535
     */
    public static int crc16(byte[] b, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            c = ((c << 8) & 0xFFFF) ^ CRC16[(c >>> 8) ^ (b[i] & 0xFF)];
        }
        return c;
    }
}
