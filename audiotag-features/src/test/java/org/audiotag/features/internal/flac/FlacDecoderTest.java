package org.audiotag.features.internal.flac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.audiotag.features.internal.flac.FlacTestEncoder.Sub;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.DecodedAudio;
import org.junit.jupiter.api.Test;

/**
 * The FLAC decoder on streams written by {@link FlacTestEncoder} with every coding choice made explicitly: each
 * subframe type, both Rice parameter widths, escape-coded partitions, wasted bits, the three stereo decorrelations,
 * sample sizes from 4 to 32 bits, variable block sizes with 7-byte coded numbers, and the header variants. The
 * decoded integers must be exactly the encoded ones, and {@link AudioDecoder} must scale them by 2^(bits-1).
 */
class FlacDecoderTest {

    private static final Path FILE = Path.of("test.flac");

    /** A smooth signal with some noise, within {@code bits}-bit range, distinct per channel. */
    private static long[][] signal(int channels, int n, int bits, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double amp = (Math.pow(2, bits - 1) - 1) * 0.8;
        long[][] x = new long[channels][n];
        for (int c = 0; c < channels; c++) {
            double f1 = 0.01 + 0.02 * c;
            for (int i = 0; i < n; i++) {
                double v = 0.6 * Math.sin(f1 * i) + 0.3 * Math.sin(0.137 * i + c) + 0.05 * (r.nextDouble() - 0.5);
                x[c][i] = Math.round(v * amp);
            }
        }
        return x;
    }

    private static long[][] slice(long[][] x, int from, int to) {
        long[][] s = new long[x.length][];
        for (int c = 0; c < x.length; c++) {
            s[c] = Arrays.copyOfRange(x[c], from, to);
        }
        return s;
    }

    /** Decodes with {@link FlacDecoder} and returns all samples per channel. */
    private static long[][] decode(byte[] b) throws AudioFormatException {
        FlacDecoder d = new FlacDecoder(b, 0, FILE);
        int ch = d.streamInfo().channels();
        List<List<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < ch; c++) {
            parts.add(new ArrayList<>());
        }
        int n;
        while ((n = d.nextFrame()) > 0) {
            for (int c = 0; c < ch; c++) {
                parts.get(c).add(Arrays.copyOf(d.samples(c), n));
            }
        }
        long[][] out = new long[ch][];
        for (int c = 0; c < ch; c++) {
            out[c] = parts.get(c).stream().flatMapToLong(Arrays::stream).toArray();
        }
        return out;
    }

    private static void assertScaled(byte[] b, long[][] x, int bits) throws AudioFormatException {
        DecodedAudio a = AudioDecoder.decode(b, FILE);
        assertThat(a.channels()).isEqualTo(x.length);
        assertThat(a.frames()).isEqualTo(x[0].length);
        float scale = (float) (1.0 / (1L << (bits - 1)));
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[c].length; i++) {
                if (a.sample(c, i) != (float) x[c][i] * scale) {
                    throw new AssertionError("channel " + c + " sample " + i + ": " + a.sample(c, i) + " != "
                            + x[c][i] + " / 2^" + (bits - 1));
                }
            }
        }
    }

    @Test
    void everySubframeTypeAtEverySampleSizeDecodesExactly() throws Exception {
        for (int bits : new int[] {4, 8, 12, 16, 20, 24, 32}) {
            int n = 1152;
            long[][] x = signal(1, 6 * n, bits, bits);
            // frame 2 is silence at the most negative value (CONSTANT)
            Arrays.fill(x[0], 2 * n, 3 * n, -(1L << (bits - 1)));
            int p = Math.min(13, bits - 1);
            FlacTestEncoder e = new FlacTestEncoder(1, bits, 44100);
            e.frame(slice(x, 0, n), 0, new Sub[] {Sub.verbatim()}, false, false);
            e.frame(slice(x, n, 2 * n), 0, new Sub[] {Sub.fixed(0).residual(1, 0)}, false, true);
            e.frame(slice(x, 2 * n, 3 * n), 0, new Sub[] {Sub.constant()}, false, false);
            e.frame(slice(x, 3 * n, 4 * n), 0, new Sub[] {Sub.fixed(2).residual(0, 3)}, false, false);
            e.frame(slice(x, 4 * n, 5 * n), 0, new Sub[] {Sub.fixed(4).residual(1, 2)}, false, false);
            e.frame(slice(x, 5 * n, 6 * n), 0, new Sub[] {Sub.lpc(15, p, 2L << (p - 1), -(1L << (p - 1)))
                    .residual(bits > 16 ? 1 : 0, 4)}, false, true);
            byte[] b = e.bytes();
            assertThat(decode(b)).as("%d-bit", bits).isDeepEqualTo(x);
            assertScaled(b, x, bits);
        }
    }

    @Test
    void fixedPredictorsOfEveryOrderAndLpcUpToOrder32() throws Exception {
        int n = 4096;
        long[][] x = signal(1, 5 * n + 33 * n, 16, 3);
        FlacTestEncoder e = new FlacTestEncoder(1, 16, 48000);
        for (int order = 0; order <= 4; order++) {
            e.frame(slice(x, order * n, (order + 1) * n), 0, new Sub[] {Sub.fixed(order).residual(0, order)},
                    false, false);
        }
        SplittableRandom r = new SplittableRandom(5);
        for (int order = 1; order <= 32; order++) {
            long[] q = new long[order];
            q[0] = 1 << 12; // a crude predictor plus small random taps: any coefficients must decode exactly
            for (int j = 1; j < order; j++) {
                q[j] = r.nextInt(-300, 300);
            }
            int from = 5 * n + (order - 1) * n;
            e.frame(slice(x, from, from + n), 0, new Sub[] {Sub.lpc(14, 12, q).residual(order % 2, 2)}, false,
                    false);
        }
        long[][] want = slice(x, 0, 37 * n);
        assertThat(decode(e.bytes())).isDeepEqualTo(want);
    }

    @Test
    void lpcOn32BitAudioNeeds64BitAccumulation() throws Exception {
        // near full scale 32-bit samples with a second-order predictor 2x[i-1] - x[i-2] in 15-bit coefficients:
        // each product is about 2^44, far beyond 32 bits, while the residual stays small
        int n = 4096;
        long[][] x = new long[2][n];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                x[c][i] = Math.round(Math.sin(0.001 * i + c) * 2_000_000_000.0);
            }
        }
        FlacTestEncoder e = new FlacTestEncoder(2, 32, 96000);
        // left/side: the side channel has 33 bits
        e.frame(x, 8, new Sub[] {Sub.lpc(15, 12, 8192, -4096).residual(1, 4),
            Sub.lpc(15, 12, 8192, -4096).residual(1, 4)}, false, true);
        long[][] got = decode(e.bytes());
        assertThat(got).isDeepEqualTo(x);
        assertScaled(e.bytes(), x, 32);
    }

    @Test
    void allStereoDecorrelationsAndEightIndependentChannels() throws Exception {
        int n = 2048;
        long[][] x = signal(2, 3 * n, 24, 11);
        FlacTestEncoder e = new FlacTestEncoder(2, 24, 44100);
        e.frame(slice(x, 0, n), 8, new Sub[] {Sub.fixed(2), Sub.fixed(1)}, false, false);
        e.frame(slice(x, n, 2 * n), 9, new Sub[] {Sub.fixed(3), Sub.verbatim()}, false, false);
        e.frame(slice(x, 2 * n, 3 * n), 10, new Sub[] {Sub.fixed(2).residual(1, 3), Sub.fixed(2)}, false,
                true);
        assertThat(decode(e.bytes())).isDeepEqualTo(x);
        assertScaled(e.bytes(), x, 24);

        long[][] y = signal(8, 576, 16, 12);
        Sub[] subs = new Sub[8];
        for (int c = 0; c < 8; c++) {
            subs[c] = c % 2 == 0 ? Sub.fixed(c % 5) : Sub.verbatim();
        }
        byte[] b = new FlacTestEncoder(8, 16, 22050).frame(y, 7, subs, false, true).bytes();
        assertThat(decode(b)).isDeepEqualTo(y);
    }

    @Test
    void escapeCodedPartitionsAndWastedBitsWithoutPrintingAnything() throws Exception {
        int n = 4096;
        long[][] x = signal(1, 3 * n, 16, 21);
        // a block whose samples all have 3 low zero bits (wasted bits), and one that is all zero (escape, 0 bits)
        for (int i = n; i < 2 * n; i++) {
            x[0][i] &= ~7L;
        }
        Arrays.fill(x[0], 2 * n, 3 * n, 0L);
        FlacTestEncoder e = new FlacTestEncoder(1, 16, 44100);
        e.frame(slice(x, 0, n), 0, new Sub[] {Sub.fixed(0).escape(16).residual(0, 2)}, false, false);
        e.frame(slice(x, n, 2 * n), 0, new Sub[] {Sub.fixed(1).wasted(3).escape(17).residual(1, 3)}, false,
                false);
        e.frame(slice(x, 2 * n, 3 * n), 0, new Sub[] {Sub.fixed(0).escape(0).residual(0, 5)}, false, false);
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(decode(e.bytes())).isDeepEqualTo(x);
        } finally {
            System.setOut(out);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void largeRiceParametersAndLongUnaryRuns() throws Exception {
        int n = 1024;
        long[][] x = signal(1, 2 * n, 24, 31);
        FlacTestEncoder e = new FlacTestEncoder(1, 24, 44100);
        e.frame(slice(x, 0, n), 0, new Sub[] {Sub.fixed(0).residual(1, 0).rice(29)}, false, false);
        // parameter 0 on a noisy signal: quotients of thousands of zero bits
        long[][] small = new long[1][n];
        for (int i = 0; i < n; i++) {
            small[0][i] = (i * 7919L % 5000) - 2500;
        }
        e.frame(small, 0, new Sub[] {Sub.fixed(0).rice(0)}, false, false);
        long[][] want = {concat(x[0], 0, n, small[0])};
        assertThat(decode(e.bytes())).isDeepEqualTo(want);
    }

    private static long[] concat(long[] a, int from, int to, long[] b) {
        long[] out = Arrays.copyOf(Arrays.copyOfRange(a, from, to), to - from + b.length);
        System.arraycopy(b, 0, out, to - from, b.length);
        return out;
    }

    @Test
    void variableBlockSizesOddSizesAndLongCodedNumbers() throws Exception {
        long[][] x = signal(2, 100 + 4000 + 17 + 65535, 16, 41);
        FlacTestEncoder e = new FlacTestEncoder(2, 16, 32000);
        int[] sizes = {100, 4000, 17, 65535};
        int at = 0;
        long[] numbers = {0, 100, 0x7FFFFFFFFL, 0x80000000L};
        for (int k = 0; k < sizes.length; k++) {
            e.frame(slice(x, at, at + sizes[k]), 10, new Sub[] {Sub.fixed(2).residual(1, 0),
                Sub.fixed(1).residual(1, 0)}, true, k % 2 == 1, numbers[k]);
            at += sizes[k];
        }
        assertThat(decode(e.bytes())).isDeepEqualTo(x);
    }

    @Test
    void metadataBlocksAreSkippedByLengthAndAnId3TagIsTolerated() throws Exception {
        long[][] x = signal(1, 1152, 16, 51);
        byte[] comment = new byte[40];
        // a Vorbis comment whose vendor length claims 4 GB: never read, the block is skipped by its own length
        comment[0] = comment[1] = comment[2] = comment[3] = (byte) 0xFF;
        byte[] b = new FlacTestEncoder(1, 16, 44100).block(1, new byte[100]).block(4, comment)
                .block(2, "appl".getBytes(StandardCharsets.US_ASCII))
                .frame(x, 0, new Sub[] {Sub.fixed(2)}, false, false).bytes();
        assertThat(decode(b)).isDeepEqualTo(x);
        byte[] id3 = new byte[10 + 300];
        id3[0] = 'I';
        id3[1] = 'D';
        id3[2] = '3';
        id3[3] = 4;
        id3[8] = 2; // size 2 * 128 + 44 = 300 (syncsafe)
        id3[9] = 44;
        byte[] tagged = Arrays.copyOf(id3, id3.length + b.length);
        System.arraycopy(b, 0, tagged, id3.length, b.length);
        assertThat(AudioDecoder.decode(tagged, FILE).frames()).isEqualTo(1152);
    }

    @Test
    void unknownTotalDecodesToTheEndAndToleratesOnlyAnId3v1Tag() throws Exception {
        long[][] x = signal(1, 2 * 576, 16, 61);
        FlacTestEncoder e = new FlacTestEncoder(1, 16, 44100).unknownTotal();
        e.frame(slice(x, 0, 576), 0, new Sub[] {Sub.fixed(1)}, false, false);
        e.frame(slice(x, 576, 1152), 0, new Sub[] {Sub.fixed(1)}, false, false);
        byte[] b = e.bytes();
        assertThat(AudioDecoder.decode(b, FILE).frames()).isEqualTo(1152);
        byte[] tag = new byte[128];
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        assertThat(AudioDecoder.decode(join(b, tag), FILE).frames()).isEqualTo(1152);
        assertThatThrownBy(() -> AudioDecoder.decode(join(b, new byte[] {(byte) 0xFF, (byte) 0xFF}), FILE))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("corrupt FLAC frame at byte " + b.length)
                .hasMessageContaining("no frame sync code");
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aFrameThatFailsItsCrcNamesItsByteOffset() throws Exception {
        long[][] x = signal(1, 3 * 1152, 16, 71);
        FlacTestEncoder e = new FlacTestEncoder(1, 16, 44100);
        byte[] one = new FlacTestEncoder(1, 16, 44100).frame(slice(x, 0, 1152), 0, new Sub[] {Sub.fixed(2)}, false,
                false).bytes();
        for (int k = 0; k < 3; k++) {
            e.frame(slice(x, k * 1152, (k + 1) * 1152), 0, new Sub[] {Sub.verbatim()}, false, false);
        }
        byte[] b = e.bytes();
        FlacDecoder d = new FlacDecoder(b, 0, FILE);
        d.nextFrame();
        int second = d.frameEnd();
        d.nextFrame();
        int end = d.frameEnd();
        // flip one bit of a verbatim sample in the second frame: only the CRC-16 can notice
        b[second + 100] ^= 0x10;
        int stored = ((b[end - 2] & 0xFF) << 8) | (b[end - 1] & 0xFF);
        assertThatThrownBy(() -> AudioDecoder.decode(b, FILE)).isInstanceOf(AudioFormatException.class)
                .hasMessage(FILE + ": corrupt FLAC frame at byte " + second + " (frame 1): CRC-16 mismatch"
                        + " (stored 0x%04X, computed 0x%04X): corrupt data", stored, Crc.crc16(b, second, end - 2));
        // a damaged header byte fails the CRC-8
        byte[] c = one.clone();
        int frame = new FlacDecoder(c, 0, FILE).audioStart();
        c[frame + 3] ^= 0x01;
        assertThatThrownBy(() -> AudioDecoder.decode(c, FILE)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("corrupt FLAC frame at byte " + frame + " (frame 0)")
                .hasMessageContaining("CRC-8 mismatch");
    }

    @Test
    void crcTablesAgreeWithTheBitwiseDefinitions() {
        byte[] b = new byte[4096];
        new SplittableRandom(81).nextBytes(b);
        for (int len : new int[] {0, 1, 2, 7, 100, 4096}) {
            byte[] part = Arrays.copyOf(b, len);
            assertThat(Crc.crc8(b, 0, len)).isEqualTo(FlacTestEncoder.crc8(part));
            assertThat(Crc.crc16(b, 0, len)).isEqualTo(FlacTestEncoder.crc16(part));
        }
    }

    @Test
    void headerLiesAreRejectedBeforeAnythingIsAllocated() throws Exception {
        long[][] x = signal(1, 1152, 16, 91);
        byte[] good = new FlacTestEncoder(1, 16, 44100).frame(x, 0, new Sub[] {Sub.fixed(2)}, false, false).bytes();
        // metadata block length beyond the file
        byte[] longBlock = good.clone();
        longBlock[5] = (byte) 0x7F;
        assertThatThrownBy(() -> new FlacDecoder(longBlock, 0, FILE)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("metadata block 0 (type 0) at byte 4 declares")
                .hasMessageContaining("remain in the file");
        // 3 bits per sample
        byte[] bits3 = good.clone();
        // STREAMINFO bits 103..107 hold bits per sample - 1: set them to 2
        bits3[8 + 12] = (byte) (bits3[8 + 12] & 0xFE);
        bits3[8 + 13] = (byte) ((bits3[8 + 13] & 0x0F) | 0x20);
        assertThatThrownBy(() -> new FlacDecoder(bits3, 0, FILE)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("3 bits per sample");
        // a frame whose channel count differs from STREAMINFO (the header CRC is recomputed: a deliberate lie)
        byte[] stereo = new FlacTestEncoder(2, 16, 44100).frame(signal(2, 1152, 16, 92), 1,
                new Sub[] {Sub.fixed(1), Sub.fixed(1)}, false, false).bytes();
        byte[] lie = new FlacTestEncoder(1, 16, 44100).bytes();
        byte[] mixed = join(lie, Arrays.copyOfRange(stereo, new FlacDecoder(stereo, 0, FILE).audioStart(),
                stereo.length));
        assertThatThrownBy(() -> AudioDecoder.decode(mixed, FILE)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("frame has 2 channels, STREAMINFO says 1");
    }
}
