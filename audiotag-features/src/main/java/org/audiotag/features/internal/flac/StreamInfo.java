package org.audiotag.features.internal.flac;

/**
 * The STREAMINFO metadata block of a FLAC stream (RFC 9639, section 8.2), as stored. Nothing here has been checked
 * beyond the ranges its bit widths allow, except what {@link FlacDecoder} documents; callers must not size
 * allocations from these fields.
 *
 * @param minBlockSize smallest block size in samples the stream declares (16-bit field)
 * @param maxBlockSize largest block size in samples the stream declares (16-bit field)
 * @param minFrameSize smallest frame in bytes, 0 if unknown
 * @param maxFrameSize largest frame in bytes, 0 if unknown
 * @param sampleRate sample rate in Hz (20-bit field; {@link FlacDecoder} rejects 0)
 * @param channels channel count, 1 to 8
 * @param bitsPerSample bits per sample, 4 to 32 ({@link FlacDecoder} rejects 1 to 3)
 * @param totalSamples samples per channel (inter-channel samples) in the stream, 0 if unknown; a 36-bit field, so at
 *     most about 6.9e10, and a claim only: nothing in the file guarantees it
 */
public record StreamInfo(int minBlockSize, int maxBlockSize, int minFrameSize, int maxFrameSize, int sampleRate,
        int channels, int bitsPerSample, long totalSamples) {
}
