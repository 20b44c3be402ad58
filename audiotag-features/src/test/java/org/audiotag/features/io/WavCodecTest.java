package org.audiotag.features.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.audiotag.features.io.IoTestSupport.extensibleFmtBody;
import static org.audiotag.features.io.IoTestSupport.f32;
import static org.audiotag.features.io.IoTestSupport.f64;
import static org.audiotag.features.io.IoTestSupport.le16;
import static org.audiotag.features.io.IoTestSupport.le24;
import static org.audiotag.features.io.IoTestSupport.le32;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.audiotag.features.io.IoTestSupport.Riff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** WAV reading of hand-made files in every supported encoding, and WavWriter round trips. */
class WavCodecTest {

    @TempDir
    Path dir;

    @Test
    void readsHandMade16BitStereoWithLibrosaScaling() throws Exception {
        Path f = new Riff().fmt(1, 2, 44100, 16).chunk("data", le16(0, 32767, -32768, 16384, 1, -1))
                .write(dir.resolve("s16.wav"));
        DecodedAudio a = AudioDecoder.decode(f);
        assertThat(a.channels()).isEqualTo(2);
        assertThat(a.frames()).isEqualTo(3);
        assertThat(a.sampleRate()).isEqualTo(44100);
        assertThat(a.channel(0)).containsExactly(0f, -1f, 1f / 32768);
        assertThat(a.channel(1)).containsExactly(32767f / 32768, 0.5f, -1f / 32768);
        assertThat(a.toMono()).containsExactly(32767f / 65536, -0.25f, 0f);
        assertThat(a.source()).contains(f);
    }

    @Test
    void readsHandMadeUnsigned8Bit() throws Exception {
        Path f = new Riff().fmt(1, 1, 8000, 8).chunk("data", new byte[] {0, (byte) 128, (byte) 255, 64, 1})
                .write(dir.resolve("u8.wav"));
        DecodedAudio a = AudioDecoder.decode(f);
        assertThat(a.channel(0)).containsExactly(-1f, 0f, 127f / 128, -0.5f, -127f / 128);
        assertThat(a.sampleRate()).isEqualTo(8000);
    }

    @Test
    void readsHandMade24And32BitSigned() throws Exception {
        Path f24 = new Riff().fmt(1, 1, 48000, 24).chunk("data", le24(8388607, -8388608, 1, -1, 4194304))
                .write(dir.resolve("s24.wav"));
        assertThat(AudioDecoder.decode(f24).channel(0))
                .containsExactly(8388607f / 8388608, -1f, 1f / 8388608, -1f / 8388608, 0.5f);
        Path f32 = new Riff().fmt(1, 1, 48000, 32).chunk("data", le32(Integer.MAX_VALUE, Integer.MIN_VALUE,
                1 << 30, -(1 << 29))).write(dir.resolve("s32.wav"));
        assertThat(AudioDecoder.decode(f32).channel(0))
                .containsExactly((float) (Integer.MAX_VALUE / 2147483648.0), -1f, 0.5f, -0.25f);
    }

    @Test
    void readsHandMadeFloat32And64KeepingOutOfRangeValues() throws Exception {
        Path a = new Riff().chunk("fmt ", new byte[] {3, 0, 1, 0, 0x44, (byte) 0xAC, 0, 0, 0x10, (byte) 0xB1, 2,
                        0, 4, 0, 32, 0, 0, 0})  // 18-byte fmt with cbSize 0
                .chunk("fact", le32(3)).chunk("data", f32(0.25f, -1.5f, 1e-8f)).write(dir.resolve("f32.wav"));
        assertThat(AudioDecoder.decode(a).channel(0)).containsExactly(0.25f, -1.5f, 1e-8f);
        Path b = new Riff().fmt(3, 2, 22050, 64).chunk("data", f64(0.1, -0.2, 2.0, 1.0 / 3))
                .write(dir.resolve("f64.wav"));
        DecodedAudio d = AudioDecoder.decode(b);
        assertThat(d.channel(0)).containsExactly(0.1f, 2.0f);
        assertThat(d.channel(1)).containsExactly(-0.2f, (float) (1.0 / 3));
    }

    @Test
    void readsWaveFormatExtensiblePcmAndFloatWithSixChannels() throws Exception {
        int[] codes = new int[12];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (i - 6) * 100_000;
        }
        Path pcm = new Riff().chunk("fmt ", extensibleFmtBody(1, 6, 48000, 24, 20, 0x3F))
                .chunk("data", le24(codes)).write(dir.resolve("ext24.wav"));
        DecodedAudio a = AudioDecoder.decode(pcm);
        assertThat(a.channels()).isEqualTo(6);
        assertThat(a.frames()).isEqualTo(2);
        for (int c = 0; c < 6; c++) {
            assertThat(a.sample(c, 1)).isEqualTo(codes[6 + c] / 8388608f);
        }
        Path flt = new Riff().chunk("fmt ", extensibleFmtBody(3, 1, 16000, 32, 32, 4))
                .chunk("data", f32(0.5f, -0.75f)).write(dir.resolve("extf.wav"));
        assertThat(AudioDecoder.decode(flt).channel(0)).containsExactly(0.5f, -0.75f);
    }

    @Test
    void skipsListAndOddSizedChunksWithPadding() throws Exception {
        byte[] odd = "odd".getBytes(java.nio.charset.StandardCharsets.US_ASCII); // 3 bytes + 1 pad byte
        Path f = new Riff().chunk("LIST", "INFOISFT\u0005\0\0\0abcd\0\0".getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .fmt(1, 1, 44100, 16).chunk("junk", odd).chunk("data", le16(1000, -1000, 3))
                .chunk("id3 ", new byte[] {1, 2, 3, 4, 5}).write(dir.resolve("chunks.wav"));
        assertThat(AudioDecoder.decode(f).channel(0)).containsExactly(1000 / 32768f, -1000 / 32768f, 3 / 32768f);
        // an odd-length 8-bit data chunk followed by a pad byte and another chunk
        Path g = new Riff().fmt(1, 1, 8000, 8).chunk("data", new byte[] {(byte) 200, 10, (byte) 128})
                .chunk("cue ", new byte[4]).write(dir.resolve("odd8.wav"));
        assertThat(AudioDecoder.decode(g).channel(0)).containsExactly(72 / 128f, -118 / 128f, 0f);
    }

    @Test
    void dataChunkOfUnknownSizeRunsToTheEndOfTheFile() throws Exception {
        // 0xFFFFFFFF = "unknown length" (streamed WAV); 7 bytes follow: 3 whole 16-bit frames, the odd byte ignored
        byte[] body = java.util.Arrays.copyOf(le16(100, -200, 300, 9), 7);
        Path f = new Riff().riffSize(0xFFFFFFFFL).fmt(1, 1, 8000, 16).chunk("data", body, 0xFFFFFFFFL, false)
                .write(dir.resolve("stream.wav"));
        assertThat(AudioDecoder.decode(f).channel(0)).containsExactly(100 / 32768f, -200 / 32768f, 300 / 32768f);
    }

    @Test
    void detectsByContentNotExtension() throws Exception {
        Path f = new Riff().fmt(1, 1, 8000, 16).chunk("data", le16(1, 2)).write(dir.resolve("really-a-wav.ogg"));
        assertThat(AudioDecoder.detect(f)).isEqualTo(AudioDecoder.Format.WAV);
        assertThat(AudioDecoder.decode(f).frames()).isEqualTo(2);
    }

    static Stream<Arguments> encodings() {
        return Stream.of(WavWriter.Encoding.values()).flatMap(e -> Stream.of(1, 2, 5).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} x {1} channels")
    @MethodSource("encodings")
    void writerRoundTripsEveryEncodingAndChannelCount(WavWriter.Encoding enc, int channels) throws Exception {
        SplittableRandom rnd = new SplittableRandom(42 + channels);
        int frames = 1001; // odd, so 8-bit mono needs a pad byte
        float[][] x = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                x[c][i] = (float) (rnd.nextDouble() * 1.8 - 0.9);
            }
        }
        Path f = dir.resolve(enc + "-" + channels + ".wav");
        WavWriter.write(f, x, 32000, enc);
        DecodedAudio a = AudioDecoder.decode(f);
        assertThat(a.channels()).isEqualTo(channels);
        assertThat(a.frames()).isEqualTo(frames);
        assertThat(a.sampleRate()).isEqualTo(32000);
        double step = enc.isFloat() ? 0 : Math.pow(2, -(enc.bitsPerSample() - 1));
        double maxErr = 0;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                maxErr = Math.max(maxErr, Math.abs(a.sample(c, i) - x[c][i]));
            }
        }
        // half a quantisation step (plus float32 rounding of the decoded value)
        assertThat(maxErr).isLessThanOrEqualTo(step / 2 + 1e-7);
        if (enc.isFloat()) {
            assertThat(maxErr).isZero();
        }
        int bytesPer = enc.bitsPerSample() / 8;
        long dataBytes = (long) frames * channels * bytesPer;
        long expectedSize = 12 + 8 + (enc.isFloat() ? 18 + 12 : 16) + 8 + dataBytes + (dataBytes & 1);
        assertThat(Files.size(f)).isEqualTo(expectedSize);
    }

    @Test
    void pcm16WritesExactCodesAndClips() throws Exception {
        Path f = dir.resolve("clip.wav");
        float[] y = {0f, 0.5f, -0.5f, 1f, -1f, 1.7f, -3f, 32767f / 32768, 1f / 32768, 0.49999f / 32768};
        WavWriter.write(f, y, 16000, WavWriter.Encoding.PCM_16);
        byte[] b = Files.readAllBytes(f);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b, 44, b.length - 44)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        short[] codes = new short[y.length];
        for (int i = 0; i < y.length; i++) {
            codes[i] = bb.getShort();
        }
        assertThat(codes).containsExactly((short) 0, (short) 16384, (short) -16384, (short) 32767,
                (short) -32768, (short) 32767, (short) -32768, (short) 32767, (short) 1, (short) 0);
        assertThat(AudioDecoder.decode(f).channel(0)).containsExactly(0f, 0.5f, -0.5f, 32767f / 32768, -1f,
                32767f / 32768, -1f, 32767f / 32768, 1f / 32768, 0f);
    }

    @Test
    void writerIsAtomicAndRejectsBadInput() throws Exception {
        Path f = dir.resolve("keep.wav");
        WavWriter.write(f, new float[] {0.1f, 0.2f}, 8000, WavWriter.Encoding.FLOAT_32);
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> WavWriter.write(f, new float[] {0.1f, Float.NaN}, 8000,
                WavWriter.Encoding.PCM_16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample 1 of channel 0")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> WavWriter.write(f, new float[] {0.1f}, 0, WavWriter.Encoding.PCM_16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleRate");
        assertThatThrownBy(() -> WavWriter.write(f, new float[][] {{1f, 2f}, {1f}}, 8000,
                WavWriter.Encoding.PCM_16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel 1 has 1 frames");
        assertThatThrownBy(() -> WavWriter.write(f, new float[0][], 8000, WavWriter.Encoding.PCM_16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
        assertThatThrownBy(() -> WavWriter.write(dir.resolve("missing/x.wav"), new float[] {0f}, 8000,
                WavWriter.Encoding.PCM_16))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("does not exist");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.wav");
        }
    }

    @Test
    void writesEmptySignalAsValidFile() throws Exception {
        Path f = dir.resolve("empty.wav");
        WavWriter.write(f, new float[0], 8000, WavWriter.Encoding.PCM_16);
        DecodedAudio a = AudioDecoder.decode(f);
        assertThat(a.frames()).isZero();
        assertThat(a.channels()).isEqualTo(1);
    }

    @Test
    void decodedAudioValidatesAndCopies() {
        float[][] ch = {{1f, 2f}, {3f, 5f}};
        DecodedAudio a = new DecodedAudio(ch, 100, null);
        ch[0][0] = 99f;
        assertThat(a.sample(0, 0)).isEqualTo(1f);
        a.channel(0)[1] = 42f;
        assertThat(a.sample(0, 1)).isEqualTo(2f);
        assertThat(a.interleaved()).containsExactly(1f, 3f, 2f, 5f);
        assertThat(a.toMono()).containsExactly(2f, 3.5f);
        assertThat(a.durationSeconds()).isEqualTo(0.02);
        assertThatThrownBy(() -> new DecodedAudio(new float[0][], 100, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one channel");
        assertThatThrownBy(() -> new DecodedAudio(new float[][] {{1f}}, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleRate");
    }
}
