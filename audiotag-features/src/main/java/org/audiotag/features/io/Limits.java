package org.audiotag.features.io;

import java.nio.file.Path;

/**
 * The checks behind the documented limits of {@link AudioDecoder} ({@link AudioDecoder#MIN_SAMPLE_RATE},
 * {@link AudioDecoder#MAX_SAMPLE_RATE}, {@link AudioDecoder#MAX_CHANNELS}, {@link AudioDecoder#MAX_SAMPLES}), shared
 * by the readers so that every format reports them with the same words.
 */
final class Limits {

    private Limits() {
    }

    /**
     * Rejects a sample rate a file declares outside [{@link AudioDecoder#MIN_SAMPLE_RATE},
     * {@link AudioDecoder#MAX_SAMPLE_RATE}].
     *
     * @param file the file
     * @param where which header declares it, e.g. {@code "WAV header"}
     * @param rate the declared rate in Hz (a long so that unsigned 32-bit fields arrive unchanged)
     * @throws AudioFormatException if the rate is outside the range
     */
    static void checkSampleRate(Path file, String where, long rate) throws AudioFormatException {
        if (rate < AudioDecoder.MIN_SAMPLE_RATE || rate > AudioDecoder.MAX_SAMPLE_RATE) {
            throw new AudioFormatException(file, where + " declares an invalid sample rate " + rate + " Hz (allowed: ["
                    + AudioDecoder.MIN_SAMPLE_RATE + ", " + AudioDecoder.MAX_SAMPLE_RATE + "] Hz)");
        }
    }

    /**
     * Rejects a channel count outside [1, {@link AudioDecoder#MAX_CHANNELS}].
     *
     * @param file the file
     * @param where which header declares it
     * @param channels the declared count
     * @throws AudioFormatException if the count is outside the range
     */
    static void checkChannels(Path file, String where, long channels) throws AudioFormatException {
        if (channels < 1 || channels > AudioDecoder.MAX_CHANNELS) {
            throw new AudioFormatException(file, where + " declares " + channels + " channels, outside [1, "
                    + AudioDecoder.MAX_CHANNELS + "]");
        }
    }

    /**
     * Largest frame count (samples per channel) a file with {@code channels} channels may decode to.
     *
     * @param channels channel count, positive
     * @return {@code MAX_SAMPLES / channels}
     */
    static int maxFrames(int channels) {
        return AudioDecoder.MAX_SAMPLES / channels;
    }

    /**
     * Rejects a decoded size above {@link AudioDecoder#MAX_SAMPLES}.
     *
     * @param file the file
     * @param what the format, e.g. {@code "WAV data chunk"}
     * @param frames frames the file holds or declares
     * @param channels its channel count
     * @throws AudioFormatException if {@code frames * channels > MAX_SAMPLES}
     */
    static void checkSize(Path file, String what, long frames, int channels) throws AudioFormatException {
        if (frames > maxFrames(channels)) {
            throw new AudioFormatException(file, what + " holds " + frames + " frames x " + channels
                    + " channels, more than the " + AudioDecoder.MAX_SAMPLES + " samples a file may decode to");
        }
    }

    /**
     * Rejects a non-finite sample.
     *
     * @param file the file
     * @param format the format, for the message
     * @param channels the decoded channels
     * @param from first frame to check
     * @param to one past the last frame to check
     * @throws AudioFormatException naming the first NaN or infinite sample in file order: {@code "<format> sample
     *     <frame> of channel <channel> is NaN (not finite)"}, the wording of the raw float32 reader
     */
    static void checkFinite(Path file, String format, float[][] channels, int from, int to)
            throws AudioFormatException {
        boolean bad = false;
        for (float[] ch : channels) {
            for (int i = from; i < to; i++) {
                if (!Float.isFinite(ch[i])) {
                    bad = true;
                    break;
                }
            }
        }
        if (!bad) {
            return;
        }
        // locate the first bad sample in file order (frame, then channel)
        for (int i = from; i < to; i++) {
            for (int c = 0; c < channels.length; c++) {
                float v = channels[c][i];
                if (!Float.isFinite(v)) {
                    throw new AudioFormatException(file, format + " sample " + i + " of channel " + c
                            + " is " + v + " (not finite)");
                }
            }
        }
    }
}
