package org.audiotag.features.io;

import java.nio.file.Path;
import java.util.Arrays;
import org.audiotag.features.internal.flac.FlacDecoder;
import org.audiotag.features.internal.flac.StreamInfo;

/**
 * FLAC files through this project's own {@link FlacDecoder}: STREAMINFO is checked against the limits of
 * {@link AudioDecoder} before anything is allocated, each frame's integer samples are scaled by
 * {@code 2^(bitsPerSample - 1)} (libsndfile's scaling, as {@code librosa.load} returns them), and decoding stops at
 * the first frame that cannot be decoded. When STREAMINFO states the total sample count, decoding stops once it is
 * reached (bytes after it, such as an appended tag, are ignored) and a stream that ends earlier is an error; when
 * the count is unknown (0), every byte up to the end of the file (or a trailing ID3v1 tag) must be a frame.
 */
final class FlacReader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FlacReader.class);

    private FlacReader() {
    }

    static DecodedAudio read(byte[] bytes, int offset, Path file) throws AudioFormatException {
        FlacDecoder decoder = new FlacDecoder(bytes, offset, file);
        StreamInfo info = decoder.streamInfo();
        int channels = info.channels();
        int bits = info.bitsPerSample();
        int rate = info.sampleRate();
        Limits.checkSampleRate(file, "FLAC STREAMINFO", rate);
        long total = info.totalSamples();
        long maxFrames = Limits.maxFrames(channels);
        if (total > maxFrames) {
            throw new AudioFormatException(file, "FLAC STREAMINFO declares " + total + " samples per channel x "
                    + channels + " channels, more than the " + AudioDecoder.MAX_SAMPLES + " samples this decoder"
                    + " accepts per file");
        }
        // the first allocation trusts STREAMINFO only as far as the file's size makes plausible
        long plausible = 8L * (bytes.length - decoder.audioStart()) / channels + 65_536;
        int capacity = (int) Math.min(Math.min(total > 0 ? total : 65_536, plausible), maxFrames);
        float[][] out = new float[channels][capacity];
        float scale = (float) (1.0 / (1L << (bits - 1)));
        int n = 0;
        while (total == 0 || n < total) {
            int bs = decoder.nextFrame();
            if (bs == 0) {
                break;
            }
            if (total > 0 && n + bs > total) {
                throw new AudioFormatException(file, "corrupt FLAC stream: the frame at byte " + decoder.frameStart()
                        + " ends at sample " + (n + bs) + ", beyond the " + total + " samples STREAMINFO declares");
            }
            if (n + bs > maxFrames) {
                throw new AudioFormatException(file, "FLAC stream holds more than " + maxFrames + " samples per"
                        + " channel x " + channels + " channels, more than the " + AudioDecoder.MAX_SAMPLES
                        + " samples this decoder accepts per file");
            }
            if (n + bs > out[0].length) {
                int cap = (int) Math.min(maxFrames, Math.max(n + bs, 2L * out[0].length));
                for (int c = 0; c < channels; c++) {
                    out[c] = Arrays.copyOf(out[c], cap);
                }
            }
            for (int c = 0; c < channels; c++) {
                long[] src = decoder.samples(c);
                float[] dst = out[c];
                for (int i = 0; i < bs; i++) {
                    dst[n + i] = (float) src[i] * scale;
                }
            }
            n += bs;
        }
        if (total > 0 && n < total) {
            throw new AudioFormatException(file, "FLAC stream truncated: STREAMINFO declares " + total
                    + " samples, the frames hold " + n + " (the file ends at byte " + bytes.length + ")");
        }
        if (n == 0) {
            throw new AudioFormatException(file, "FLAC stream contains no audio frames");
        }
        if (!decoder.atEnd()) {
            LOG.debug("{}: {} bytes after the last FLAC frame (byte {}) ignored", file,
                    bytes.length - decoder.frameEnd(), decoder.frameEnd());
        }
        if (out[0].length != n) {
            for (int c = 0; c < channels; c++) {
                out[c] = Arrays.copyOf(out[c], n);
            }
        }
        return new DecodedAudio(out, rate, file, true);
    }
}
