package org.audiotag.models;

/**
 * Raw PCM sample encodings a {@link StreamingTagger} reads from bytes (interleaved channels, no header), named as
 * ffmpeg and sox name them.
 */
public enum PcmEncoding {
    /** Signed 16-bit little-endian integers, scaled by 1/32768 to [-1, 1). */
    S16LE(2),
    /** IEEE 754 32-bit little-endian floats, taken as they are (non-finite values are refused). */
    F32LE(4);

    private final int bytes;

    PcmEncoding(int bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns the size of one sample of one channel.
     *
     * @return bytes
     */
    public int bytesPerSample() {
        return bytes;
    }
}
