package org.audiotag.augment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shipped data and reads raw fixture files and WAV impulse responses for the tests. */
final class TestData {
    private TestData() {
    }

    static Path root() {
        String r = System.getProperty("audiotag.root");
        if (r == null || r.isBlank()) {
            return Paths.get("..").toAbsolutePath().normalize();
        }
        return Paths.get(r);
    }

    static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }

    static double[] readF64(Path p) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bb.remaining() / 8];
        bb.asDoubleBuffer().get(out);
        return out;
    }

    static float[] readF32(Path p) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bb.remaining() / 4];
        bb.asFloatBuffer().get(out);
        return out;
    }

    /** A decoded WAV file: mono mixdown (channel mean) and its sample rate. */
    record Wav(float[] samples, int sampleRate) {
    }

    /**
     * Reads a PCM (16/24/32-bit) or IEEE-float WAV file, including WAVE_FORMAT_EXTENSIBLE, averaging channels.
     * Test helper only: the library itself takes decoded samples.
     */
    static Wav readWav(Path p) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getInt(0) != 0x46464952 || bb.getInt(8) != 0x45564157) {
            throw new IOException(p + ": not a RIFF/WAVE file");
        }
        int pos = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= bb.limit()) {
            int id = bb.getInt(pos);
            int size = bb.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                format = bb.getShort(body) & 0xffff;
                channels = bb.getShort(body + 2);
                rate = bb.getInt(body + 4);
                bits = bb.getShort(body + 14);
                if (format == 0xFFFE) {
                    format = bb.getShort(body + 24) & 0xffff;
                }
            } else if (id == 0x61746164) { // "data"
                int bytes = bits / 8;
                int frames = Math.min(size, bb.limit() - body) / (bytes * channels);
                float[] out = new float[frames];
                for (int f = 0; f < frames; f++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        int o = body + (f * channels + c) * bytes;
                        double v;
                        if (format == 3 && bits == 32) {
                            v = bb.getFloat(o);
                        } else if (format == 3 && bits == 64) {
                            v = bb.getDouble(o);
                        } else if (bits == 16) {
                            v = bb.getShort(o) / 32768.0;
                        } else if (bits == 24) {
                            int s = (bb.get(o) & 0xff) | ((bb.get(o + 1) & 0xff) << 8) | (bb.get(o + 2) << 16);
                            v = s / 8388608.0;
                        } else if (bits == 32) {
                            v = bb.getInt(o) / 2147483648.0;
                        } else {
                            throw new IOException(p + ": unsupported WAV sample format " + format + "/" + bits);
                        }
                        sum += v;
                    }
                    out[f] = (float) (sum / channels);
                }
                return new Wav(out, rate);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException(p + ": no data chunk");
    }
}
