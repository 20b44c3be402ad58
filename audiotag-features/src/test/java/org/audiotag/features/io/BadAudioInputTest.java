package org.audiotag.features.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.audiotag.features.io.IoTestSupport.fmtBody;
import static org.audiotag.features.io.IoTestSupport.le16;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.api.AbstractThrowableAssert;
import org.audiotag.features.io.IoTestSupport.Riff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empty, truncated, garbage, wrong-magic and lying files (made here in a temp dir, WAV ones by hand, Ogg and FLAC ones
 * by damaging copies of the shipped audio) all raise {@link AudioFormatException} whose message starts with the file
 * and names the problem.
 */
class BadAudioInputTest {

    @TempDir
    Path dir;

    private static final Path OGG = IoTestSupport.root().resolve("data/esc10/001 - Dog bark/1-100032-A.ogg");
    private static final Path FLAC = IoTestSupport.root().resolve("data/sonic-pi/audio/bd_boom.flac");

    private AbstractThrowableAssert<?, ? extends Throwable> assertBad(Path f, String problem) {
        return assertThatThrownBy(() -> AudioDecoder.decode(f))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((AudioFormatException) e).file()).isEqualTo(f.toString()));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void emptyFile() throws Exception {
        assertBad(write("empty.wav", new byte[0]), "file is empty");
        assertThatThrownBy(() -> AudioDecoder.decodeRawFloat32(dir.resolve("empty.wav"), 16000, 1))
                .isInstanceOf(AudioFormatException.class).hasMessageContaining("file is empty");
    }

    @Test
    void garbageAndWrongMagic() throws Exception {
        byte[] garbage = new byte[4096];
        new SplittableRandom(7).nextBytes(garbage);
        garbage[0] = 'X';
        assertBad(write("garbage.wav", garbage), "unrecognised audio format");
        assertBad(write("text.flac", "hello, this is not audio\n".getBytes()), "unrecognised audio format");
        assertBad(new Riff().form("AVI ").fmt(1, 1, 8000, 16).chunk("data", le16(1)).write(dir.resolve("avi.wav")),
                "RIFF file is not WAVE");
        assertBad(new Riff().magic("RIFX").fmt(1, 1, 8000, 16).chunk("data", le16(1)).write(dir.resolve("x.wav")),
                "unsupported WAV variant 'RIFX'");
        assertBad(write("short.wav", "RIFF\0\0".getBytes()), "too short for a RIFF header");
        assertBad(write("oggs.ogg", "OggS and then nothing useful".getBytes()), "Ogg");
    }

    @Test
    void missingOrBrokenChunks() throws Exception {
        assertBad(new Riff().chunk("data", le16(1, 2)).write(dir.resolve("nofmt.wav")), "no fmt chunk");
        assertBad(new Riff().fmt(1, 1, 8000, 16).write(dir.resolve("nodata.wav")), "no data chunk");
        assertBad(new Riff().chunk("fmt ", new byte[10]).chunk("data", le16(1)).write(dir.resolve("f10.wav")),
                "fmt chunk too short");
        assertBad(new Riff().fmt(1, 0, 8000, 16).chunk("data", le16(1)).write(dir.resolve("zero.wav")),
                "0 channels");
        assertBad(new Riff().fmt(1, 1, 0, 16).chunk("data", le16(1)).write(dir.resolve("rate0.wav")),
                "invalid sample rate 0");
        assertBad(new Riff().fmt(1, 1, 8000, 16).fmt(1, 1, 8000, 16).chunk("data", le16(1))
                .write(dir.resolve("twofmt.wav")), "more than one fmt chunk");
    }

    @Test
    void unsupportedCodecsAndSampleSizes() throws Exception {
        Path adpcm = new Riff().chunk("fmt ", fmtBody(2, 1, 22050, 256, 4)).chunk("data", new byte[256])
                .write(dir.resolve("adpcm.wav"));
        assertBad(adpcm, "unsupported WAV codec 0x0002 (MS ADPCM)");
        assertBad(new Riff().chunk("fmt ", fmtBody(0x11, 1, 22050, 256, 4)).chunk("data", new byte[256])
                .write(dir.resolve("ima.wav")), "0x0011 (IMA ADPCM)");
        assertBad(new Riff().chunk("fmt ", fmtBody(7, 1, 8000, 1, 8)).chunk("data", new byte[8])
                .write(dir.resolve("ulaw.wav")), "mu-law");
        assertBad(new Riff().chunk("fmt ", IoTestSupport.extensibleFmtBody(0x55, 1, 8000, 16, 16, 4))
                .chunk("data", new byte[8]).write(dir.resolve("extmp3.wav")), "extensible sub-format 0x0055");
        assertBad(new Riff().chunk("fmt ", fmtBody(1, 1, 8000, 2, 12)).chunk("data", new byte[8])
                .write(dir.resolve("pcm12.wav")), "unsupported PCM sample size 12 bits");
        assertBad(new Riff().chunk("fmt ", fmtBody(3, 1, 8000, 2, 16)).chunk("data", new byte[8])
                .write(dir.resolve("float16.wav")), "unsupported IEEE float sample size 16 bits");
    }

    @Test
    void truncatedDataChunkAndHeaderLies() throws Exception {
        // data chunk says 2000 bytes, 6 are there (a download cut short)
        assertBad(new Riff().fmt(1, 1, 8000, 16).chunk("data", le16(1, 2, 3), 2000, false)
                .write(dir.resolve("trunc.wav")), "WAV data chunk truncated: header says 2000 bytes, 6 present");
        // a real file cut in half
        Path ir = IoTestSupport.root().resolve("data/impulse-responses/rir_clap.wav");
        byte[] whole = Files.readAllBytes(ir);
        assertBad(write("half.wav", Arrays.copyOf(whole, whole.length / 2)), "WAV data chunk truncated");
        // cut inside the data chunk's own 8-byte header
        assertBad(write("cuthead.wav", Arrays.copyOf(whole, 40)),
                "no data chunk (file truncated inside a chunk header at byte 36)");
        // block align that contradicts channels x bits
        assertBad(new Riff().chunk("fmt ", fmtBody(1, 2, 8000, 2, 16)).chunk("data", le16(1, 2))
                .write(dir.resolve("align.wav")), "block align 2 bytes, but 2 channels x 16 bits need 4");
        // data size not a whole number of frames
        assertBad(new Riff().fmt(1, 2, 8000, 16).chunk("data", le16(1, 2, 3)).write(dir.resolve("partial.wav")),
                "not a whole number of frames");
        // a LIST chunk before the data that claims to run past the end of the file
        assertBad(new Riff().fmt(1, 1, 8000, 16).chunk("LIST", new byte[4], 1 << 20, false)
                .chunk("data", le16(1)).write(dir.resolve("listlie.wav")), "chunk 'LIST' truncated");
    }

    @Test
    void truncatedOggVorbis() throws Exception {
        byte[] whole = Files.readAllBytes(OGG);
        assertBad(write("half.ogg", Arrays.copyOf(whole, whole.length / 2)), "no end-of-stream page");
        assertBad(write("head.ogg", Arrays.copyOf(whole, 100)), "truncated inside its headers");
    }

    @Test
    void corruptOggVorbisPages() throws Exception {
        byte[] b = Files.readAllBytes(OGG);
        // overwrite 64 bytes in the middle of the audio: the page CRC no longer matches, sync is lost
        for (int i = 0; i < 64; i++) {
            b[b.length / 2 + i] ^= (byte) 0x5A;
        }
        assertBad(write("corrupt.ogg", b), "corrupt or missing data in the Ogg stream");
    }

    @Test
    void oggWithoutVorbis() throws Exception {
        byte[] b = Files.readAllBytes(OGG);
        // rename the codec in the identification header: "\x01vorbis" -> "\x01vorbiX" and fix nothing else
        int at = indexOf(b, "vorbis".getBytes());
        b[at + 5] = 'X';
        // the page CRC now fails, so JOrbis sees no valid first page or no Vorbis header: either way, rejected
        assertThatThrownBy(() -> AudioDecoder.decode(write("notvorbis.ogg", b)))
                .isInstanceOf(AudioFormatException.class).hasMessageContaining("notvorbis.ogg: ");
    }

    @Test
    void truncatedFlac() throws Exception {
        byte[] whole = Files.readAllBytes(FLAC);
        assertBad(write("half.flac", Arrays.copyOf(whole, whole.length / 2)), "FLAC");
        assertBad(write("head.flac", Arrays.copyOf(whole, 30)), "FLAC");
    }

    @Test
    void corruptFlacFrames() throws Exception {
        byte[] b = Files.readAllBytes(FLAC);
        for (int i = 0; i < 64; i++) {
            b[b.length / 2 + i] ^= (byte) 0x5A;
        }
        assertBad(write("corrupt.flac", b), "FLAC");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.wav");
        assertThatThrownBy(() -> AudioDecoder.decode(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.wav");
        assertThatThrownBy(() -> AudioDecoder.decode(dir)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void rawFloat32() throws Exception {
        Path raw = write("x.f32", IoTestSupport.f32(0.5f, -0.25f, 0.125f, 1.5f));
        DecodedAudio mono = AudioDecoder.decodeRawFloat32(raw, 16000, 1);
        assertThat(mono.channel(0)).containsExactly(0.5f, -0.25f, 0.125f, 1.5f);
        assertThat(mono.sampleRate()).isEqualTo(16000);
        DecodedAudio stereo = AudioDecoder.decodeRawFloat32(raw, 8000, 2);
        assertThat(stereo.channel(1)).containsExactly(-0.25f, 1.5f);
        assertThatThrownBy(() -> AudioDecoder.decodeRawFloat32(raw, 8000, 3))
                .isInstanceOf(AudioFormatException.class).hasMessageContaining("not a whole number of 3-channel");
        assertThatThrownBy(() -> AudioDecoder.decodeRawFloat32(raw, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleRate");
        Path nan = write("nan.f32", IoTestSupport.f32(0f, Float.NaN));
        assertThatThrownBy(() -> AudioDecoder.decodeRawFloat32(nan, 8000, 1))
                .isInstanceOf(AudioFormatException.class).hasMessageContaining("sample 1 of channel 0 is NaN");
        Path odd = write("odd.f32", new byte[7]);
        assertThatThrownBy(() -> AudioDecoder.decodeRawFloat32(odd, 8000, 1))
                .isInstanceOf(AudioFormatException.class).hasMessageContaining("7 bytes");
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
}
