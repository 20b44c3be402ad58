package org.audiotag.features.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;

/**
 * FLAC decoder on JFLAC's {@link FLACDecoder}: each decoded frame's integer channel data is taken from the decoder
 * and scaled by {@code 2^(bitsPerSample - 1)} (libsndfile's scaling). Frames the library reports as bad, a sample
 * count that disagrees with STREAMINFO, or a changing channel layout raise {@link AudioFormatException}.
 */
final class FlacReader {

    private FlacReader() {
    }

    static DecodedAudio read(byte[] bytes, int offset, Path file) throws AudioFormatException {
        try {
            return decode(bytes, offset, file);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AudioFormatException(file, "corrupt FLAC stream (" + e + ")", e);
        }
    }

    private static DecodedAudio decode(byte[] bytes, int offset, Path file) throws IOException {
        FLACDecoder decoder = new FLACDecoder(new ByteArrayInputStream(bytes, offset, bytes.length - offset));
        decoder.readMetadata();
        StreamInfo info = decoder.getStreamInfo();
        if (info == null) {
            throw new AudioFormatException(file, "FLAC stream has no STREAMINFO block");
        }
        int channels = info.getChannels();
        int bits = info.getBitsPerSample();
        int rate = info.getSampleRate();
        if (channels <= 0 || bits <= 0 || rate <= 0) {
            throw new AudioFormatException(file, "FLAC STREAMINFO is invalid: " + channels + " channels, "
                    + bits + " bits, " + rate + " Hz");
        }
        long total = info.getTotalSamples();
        int capacity = total > 0 && total < Integer.MAX_VALUE ? (int) total : 1 << 16;
        float[][] out = new float[channels][capacity];
        int[] frames = {0};
        List<String> errors = new ArrayList<>();
        float scale = (float) (1.0 / (1L << (bits - 1)));
        decoder.addFrameListener(new FrameListener() {
            @Override
            public void processMetadata(Metadata metadata) {
                // metadata blocks other than STREAMINFO (tags, seek tables, pictures) are not needed
            }

            @Override
            public void processFrame(Frame frame) {
                int n = frame.header.blockSize;
                if (frame.header.channels != channels) {
                    errors.add("frame " + frame.header.frameNumber + " has " + frame.header.channels
                            + " channels, STREAMINFO says " + channels);
                    return;
                }
                if (frame.header.bitsPerSample != bits) {
                    errors.add("frame " + frame.header.frameNumber + " has " + frame.header.bitsPerSample
                            + " bits per sample, STREAMINFO says " + bits);
                    return;
                }
                ChannelData[] data = decoder.getChannelData();
                int f = frames[0];
                if (f + n > out[0].length) {
                    int cap = Math.max(f + n, out[0].length * 2);
                    for (int c = 0; c < channels; c++) {
                        out[c] = Arrays.copyOf(out[c], cap);
                    }
                }
                for (int c = 0; c < channels; c++) {
                    int[] src = data[c].getOutput();
                    float[] dst = out[c];
                    for (int i = 0; i < n; i++) {
                        dst[f + i] = src[i] * scale;
                    }
                }
                frames[0] = f + n;
            }

            @Override
            public void processError(String msg) {
                errors.add(msg);
            }
        });
        decoder.decodeFrames();
        if (!errors.isEmpty()) {
            throw new AudioFormatException(file, "corrupt FLAC stream: " + errors.get(0));
        }
        if (decoder.getBadFrames() > 0) {
            throw new AudioFormatException(file, "corrupt FLAC stream: " + decoder.getBadFrames()
                    + " undecodable frame(s)");
        }
        int n = frames[0];
        if (total > 0 && n != total) {
            throw new AudioFormatException(file, "FLAC stream truncated or corrupt: STREAMINFO declares " + total
                    + " samples, " + n + " decoded");
        }
        if (n == 0) {
            throw new AudioFormatException(file, "FLAC stream contains no audio frames");
        }
        float[][] result = new float[channels][];
        for (int c = 0; c < channels; c++) {
            result[c] = Arrays.copyOf(out[c], n);
        }
        return new DecodedAudio(result, rate, file, true);
    }
}
