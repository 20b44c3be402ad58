package org.audiotag.features.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.audiotag.features.io.IoTestSupport.fmtBody;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.ResampleType;
import org.audiotag.features.Resampler;
import org.audiotag.features.internal.fuzz.AudioMutator;
import org.audiotag.features.internal.fuzz.DecoderFuzzer;
import org.audiotag.features.io.IoTestSupport.Riff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of the hostile-input report, one test each: each must end quickly in audio or an
 * {@link AudioFormatException} that names the file and the problem. Every decode runs on a daemon thread with a
 * generous timeout, only so that a regression fails this test instead of hanging the build; the decoders bound
 * their own work.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hostile-input-test");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    private static <T> T within(long seconds, Callable<T> work) throws Exception {
        Future<T> f = WORKER.submit(work);
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("still running after " + seconds + " s: the decoder does not bound its work");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw new AssertionError("decode failed with " + e.getCause(), e.getCause());
        }
    }

    private static Path shipped(String name) {
        return IoTestSupport.root().resolve(name);
    }

    /** Offset of the STREAMINFO body of a FLAC file that starts with {@code fLaC}. */
    private static final int STREAMINFO = 8;

    @Test
    void flacWithTwoFfBytesAppendedDecodesToTheOriginalSamples() throws Exception {
        Path orig = shipped("data/sonic-pi/audio/bd_boom.flac");
        byte[] b = Files.readAllBytes(orig);
        byte[] tail = Arrays.copyOf(b, b.length + 2);
        tail[b.length] = (byte) 0xFF;
        tail[b.length + 1] = (byte) 0xFF;
        Path f = Files.write(dir.resolve("ff.flac"), tail);
        DecodedAudio a = within(10, () -> AudioDecoder.decode(f));
        DecodedAudio want = AudioDecoder.decode(orig);
        assertThat(a.frames()).isEqualTo(75_600);
        assertThat(a.toArray()).isDeepEqualTo(want.toArray());
    }

    @Test
    void flacClaimingTwoBillionSamplesIsRejectedBeforeAllocating() throws Exception {
        byte[] b = Files.readAllBytes(shipped("data/sonic-pi/audio/bd_boom.flac"));
        setFlacTotal(b, 2_000_000_000L);
        Path f = Files.write(dir.resolve("2e9.flac"), b);
        assertThatThrownBy(() -> within(10, () -> AudioDecoder.decode(f))).isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith(f + ": FLAC STREAMINFO declares 2000000000 samples per channel x 2 channels");
        // a claim within the limit but far beyond the file: the frames run out, nothing is allocated from the claim
        setFlacTotal(b, 100_000_000L);
        Path g = Files.write(dir.resolve("1e8.flac"), b);
        assertThatThrownBy(() -> within(10, () -> AudioDecoder.decode(g))).isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith(g + ": FLAC stream truncated: STREAMINFO declares 100000000 samples, the"
                        + " frames hold 75600");
    }

    private static void setFlacTotal(byte[] b, long total) {
        // STREAMINFO bits 108..143: the low 4 bits of body byte 13, then bytes 14..17
        b[STREAMINFO + 13] = (byte) ((b[STREAMINFO + 13] & 0xF0) | (int) (total >>> 32));
        for (int i = 0; i < 4; i++) {
            b[STREAMINFO + 14 + i] = (byte) (total >>> (24 - 8 * i));
        }
    }

    @Test
    void flacWithACorruptVorbisCommentLength() throws Exception {
        Path orig = shipped("data/sonic-pi/audio/bd_boom.flac");
        byte[] b = Files.readAllBytes(orig);
        int block = metadataBlock(b, 4);
        assertThat(block).as("bd_boom.flac has a VORBIS_COMMENT block").isPositive();
        // the vendor string length inside the block claims 2 GB: the block is skipped by its own length, unread
        byte[] vendor = b.clone();
        ByteBuffer.wrap(vendor).order(ByteOrder.LITTLE_ENDIAN).putInt(block + 4, 0x7FFF_FFF0);
        Path f = Files.write(dir.resolve("vendor.flac"), vendor);
        assertThat(within(10, () -> AudioDecoder.decode(f)).toArray()).isDeepEqualTo(
                AudioDecoder.decode(orig).toArray());
        // the block's own length claims 16 MB: checked against the bytes present
        byte[] length = b.clone();
        length[block + 1] = (byte) 0xFF;
        Path g = Files.write(dir.resolve("length.flac"), length);
        assertThatThrownBy(() -> within(10, () -> AudioDecoder.decode(g))).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining(g + ": FLAC metadata block")
                .hasMessageContaining("(type 4) at byte " + block + " declares")
                .hasMessageContaining("remain in the file");
    }

    /** Offset of the first metadata block of {@code type}, or -1. */
    private static int metadataBlock(byte[] b, int type) {
        int pos = 4;
        while (pos + 4 <= b.length) {
            int len = ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            if ((b[pos] & 0x7F) == type) {
                return pos;
            }
            if ((b[pos] & 0x80) != 0) {
                return -1;
            }
            pos += 4 + len;
        }
        return -1;
    }

    @Test
    void decodingCorruptFlacPrintsNothing() throws Exception {
        Path f = shipped("data/sonic-pi/audio/bd_zum.flac");
        AudioMutator m = new AudioMutator(AudioDecoder.Format.FLAC, java.util.List.of(f),
                java.util.List.of(Files.readAllBytes(f)));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int failed = 0;
        try {
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            for (int i = 0; i < 300; i++) {
                try {
                    AudioDecoder.decode(m.mutant(99, i).bytes(), Path.of("corrupt.flac"));
                } catch (AudioFormatException e) {
                    failed++;
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(failed).isGreaterThan(100);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void floatWavWithNanOrInfinityNamesTheFrameAndChannel() throws Exception {
        float[] stereo = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, Float.NaN, 0.7f, Float.NEGATIVE_INFINITY};
        Path nan = new Riff().fmt(3, 2, 16000, 32).chunk("data", IoTestSupport.f32(stereo))
                .write(dir.resolve("nan.wav"));
        assertThatThrownBy(() -> AudioDecoder.decode(nan)).isInstanceOf(AudioFormatException.class)
                .hasMessage(nan + ": WAV float32 sample 2 of channel 1 is NaN (not finite)");
        Path inf = new Riff().fmt(3, 1, 16000, 64).chunk("data", IoTestSupport.f64(0.5, Double.POSITIVE_INFINITY))
                .write(dir.resolve("inf.wav"));
        assertThatThrownBy(() -> AudioDecoder.decode(inf)).isInstanceOf(AudioFormatException.class)
                .hasMessage(inf + ": WAV float64 sample 1 of channel 0 is Infinity (not finite)");
        // finite in float64 but beyond float32: it would become infinity
        Path huge = new Riff().fmt(3, 1, 16000, 64).chunk("data", IoTestSupport.f64(1e300, 0))
                .write(dir.resolve("huge.wav"));
        assertThatThrownBy(() -> AudioDecoder.decode(huge)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("sample 0 of channel 0 is Infinity");
        assertThatThrownBy(() -> AudioLoader.nativeRate().load(nan)).isInstanceOf(AudioFormatException.class);
    }

    @Test
    void aWavDeclaringOneHertzIsRejectedAndTheResamplerRefusesTheRatio() throws Exception {
        // 44 KB of 16-bit samples whose header says 1 Hz: resampled to 44.1 kHz this would be 970 million samples
        byte[] data = new byte[44_000];
        for (int i = 0; i < data.length; i += 2) {
            data[i] = (byte) i;
        }
        Path wav = new Riff().chunk("fmt ", fmtBody(1, 1, 1, 2, 16)).chunk("data", data).write(dir.resolve("1hz.wav"));
        assertThatThrownBy(() -> within(10, () -> AudioDecoder.decode(wav))).isInstanceOf(AudioFormatException.class)
                .hasMessage(wav + ": WAV header declares an invalid sample rate 1 Hz (allowed: [1000, 768000] Hz)");
        assertThatThrownBy(() -> AudioLoader.atRate(44_100).load(wav)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("invalid sample rate 1 Hz");
        // the same samples handed to the resampler directly: an IllegalArgumentException naming both rates
        float[] y = new float[22_000];
        for (ResampleType t : ResampleType.values()) {
            assertThatThrownBy(() -> within(10, () -> Resampler.resample(y, 1, 44_100, t)))
                    .as(t.name()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("orig_sr=1 Hz").hasMessageContaining("target_sr=44100 Hz");
        }
    }

    @Test
    void wavHeaderExtremesAreRejected() throws Exception {
        byte[] d = new byte[64];
        Path channels = new Riff().chunk("fmt ", fmtBody(1, 0xFFFF, 44100, 0xFFFE, 16)).chunk("data", d)
                .write(dir.resolve("ch.wav"));
        assertThatThrownBy(() -> AudioDecoder.decode(channels)).isInstanceOf(AudioFormatException.class)
                .hasMessage(channels + ": WAV header declares 65535 channels, outside [1, 255]");
        Path rate = new Riff().chunk("fmt ", fmtBody(1, 1, -1, 2, 16)).chunk("data", d).write(dir.resolve("r.wav"));
        assertThatThrownBy(() -> AudioDecoder.decode(rate)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("invalid sample rate 4294967295 Hz");
    }

    @Test
    void vorbisHeaderFieldsThatJorbisWouldTrustAreChecked() throws Exception {
        Path ogg = shipped("data/esc10/001 - Dog bark/1-100032-A.ogg");
        byte[] b = Files.readAllBytes(ogg);
        // comment header: a vendor string length of 2^31 - 1 (JOrbis allocates it); page CRC repaired
        int comment = indexOf(b, new byte[] {3, 'v', 'o', 'r', 'b', 'i', 's'});
        byte[] vendor = b.clone();
        ByteBuffer.wrap(vendor).order(ByteOrder.LITTLE_ENDIAN).putInt(comment + 7, Integer.MAX_VALUE);
        repairOggPage(vendor, comment);
        Path f = Files.write(dir.resolve("vendor.ogg"), vendor);
        assertThatThrownBy(() -> within(10, () -> AudioDecoder.decode(f))).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining(f + ": invalid Vorbis comment header: vendor string of 2147483647 bytes");
        // setup header: codebook 0 with 0 dimensions (JOrbis's maptype1_quantvals loops forever on it)
        int setup = indexOf(b, new byte[] {5, 'v', 'o', 'r', 'b', 'i', 's'});
        byte[] dims = b.clone();
        dims[setup + 11] = 0;
        dims[setup + 12] = 0;
        repairOggPage(dims, setup);
        Path g = Files.write(dir.resolve("dims.ogg"), dims);
        assertThatThrownBy(() -> within(10, () -> AudioDecoder.decode(g))).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining(g + ": invalid Vorbis setup header: codebook 0 has 0 dimensions");
        // identification header: 1 Hz
        int id = indexOf(b, new byte[] {1, 'v', 'o', 'r', 'b', 'i', 's'});
        byte[] rate = b.clone();
        ByteBuffer.wrap(rate).order(ByteOrder.LITTLE_ENDIAN).putInt(id + 12, 1);
        repairOggPage(rate, id);
        Path h = Files.write(dir.resolve("rate.ogg"), rate);
        assertThatThrownBy(() -> AudioDecoder.decode(h)).isInstanceOf(AudioFormatException.class)
                .hasMessage(h + ": Vorbis header declares an invalid sample rate 1 Hz (allowed: [1000, 768000] Hz)");
    }

    /** Recomputes the CRC of the Ogg page that contains byte {@code at}. */
    private static void repairOggPage(byte[] b, int at) {
        int pos = 0;
        while (pos < b.length) {
            int segments = b[pos + 26] & 0xFF;
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += b[pos + 27 + i] & 0xFF;
            }
            int end = pos + 27 + segments + body;
            if (at < end) {
                OggCrc.store(b, pos, end);
                return;
            }
            pos = end;
        }
        throw new AssertionError("byte " + at + " is in no page");
    }

    /** The Ogg page checksum, bit by bit (polynomial 0x04C11DB7, over the page with its CRC field zeroed). */
    private static final class OggCrc {
        static void store(byte[] b, int from, int to) {
            Arrays.fill(b, from + 22, from + 26, (byte) 0);
            int c = 0;
            for (int i = from; i < to; i++) {
                c ^= (b[i] & 0xFF) << 24;
                for (int k = 0; k < 8; k++) {
                    c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
                }
            }
            for (int i = 0; i < 4; i++) {
                b[from + 22 + i] = (byte) (c >>> (8 * i));
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void theDefaultFuzzSeedsAreShippedFiles() {
        for (AudioDecoder.Format format : AudioDecoder.Format.values()) {
            for (String s : DecoderFuzzer.defaultSeeds(format)) {
                assertThat(shipped(s)).as(s).isRegularFile();
            }
        }
    }
}
