package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.DecodedAudio;
import org.audiotag.features.io.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code librosa.load} equivalence of {@link AudioLoader} on the shipped audio, and its validation. */
class AudioLoaderTest {

    @TempDir
    Path dir;

    static Path root() {
        String r = System.getProperty("audiotag.root");
        return r == null || r.isBlank() ? Path.of("..") : Path.of(r);
    }

    @Test
    void matchesLibrosaLoadWithPolyphaseOnShippedFiles() throws Exception {
        // reference: soundfile -> np.mean(axis=0) -> scipy.signal.resample_poly -> fix_length -> float32
        // (librosa.load(path, sr=target, res_type='polyphase')), see load-reference.tsv
        int checked = 0;
        try (var in = getClass().getResourceAsStream("/decoder-reference/load-reference.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                int target = Integer.parseInt(f[1]);
                AudioClip clip = AudioLoader.builder().sr(target).resType(ResampleType.POLYPHASE).build()
                        .load(root().resolve(f[0]));
                assertThat(clip.sampleRate()).isEqualTo(target);
                assertThat(clip.length()).as(f[0]).isEqualTo(Integer.parseInt(f[2]));
                double ss = 0;
                for (int i = 0; i < clip.length(); i++) {
                    ss += (double) clip.sample(i) * clip.sample(i);
                }
                double refSs = Double.parseDouble(f[3]);
                assertThat(Math.abs(ss - refSs)).as("sum of squares of %s", f[0]).isLessThan(1e-5 * refSs);
                for (String p : f[4].split(" ")) {
                    String[] iv = p.split(":");
                    assertThat((double) clip.sample(Integer.parseInt(iv[0])))
                            .as("%s sample %s", f[0], iv[0]).isCloseTo(Double.parseDouble(iv[1]),
                                    org.assertj.core.data.Offset.offset(1e-6));
                }
                assertThat(clip.source()).contains(root().resolve(f[0]).toString());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void defaultsFollowLibrosaLoad() throws Exception {
        AudioLoader def = AudioLoader.builder().build();
        assertThat(def.sr()).isEqualTo(22050);
        assertThat(def.resType()).isEqualTo(ResampleType.KAISER_BEST);
        assertThat(def.offset()).isZero();
        assertThat(def.duration()).isNaN();
        Path ogg = root().resolve("data/esc10/002 - Rain/1-17367-A.ogg");
        AudioClip c = def.load(ogg);
        DecodedAudio raw = AudioDecoder.decode(ogg);
        assertThat(c.sampleRate()).isEqualTo(22050);
        assertThat(c.length()).isEqualTo(Resampler.outputLength(raw.frames(), 44100, 22050));
        assertThat(c.samples()).isEqualTo(Resampler.resample(raw.toMono(), 44100, 22050,
                ResampleType.KAISER_BEST));
        AudioClip nat = AudioLoader.nativeRate().load(ogg);
        assertThat(nat.sampleRate()).isEqualTo(44100);
        assertThat(nat.samples()).isEqualTo(raw.toMono());
        assertThat(AudioLoader.atRate(44100).load(ogg).samples()).isEqualTo(raw.toMono());
    }

    @Test
    void offsetAndDurationCutInNativeFrames() throws Exception {
        Path wav = root().resolve("data/freesound-clips/audio/typing.wav");
        float[] all = AudioDecoder.decode(wav).toMono();
        AudioClip part = AudioLoader.builder().nativeSr().offset(1.0).duration(0.5).build().load(wav);
        assertThat(part.length()).isEqualTo(24000);
        assertThat(part.samples()).isEqualTo(java.util.Arrays.copyOfRange(all, 48000, 72000));
        AudioClip tail = AudioLoader.builder().nativeSr().offset(100).build().load(wav);
        assertThat(tail.length()).isZero();
        AudioClip resampled = AudioLoader.builder().sr(16000).offset(1.0).duration(0.5).build().load(wav);
        assertThat(resampled.length()).isEqualTo(8000);
    }

    @Test
    void rawFloat32AndDecodedInput() throws Exception {
        Path raw = dir.resolve("x.f32");
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(4 * 8000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8000; i++) {
            bb.putFloat((float) Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        Files.write(raw, bb.array());
        AudioClip c = AudioLoader.atRate(16000).loadRawFloat32(raw, 8000, 1);
        assertThat(c.length()).isEqualTo(16000);
        assertThat(c.sampleRate()).isEqualTo(16000);
        assertThat((double) c.sample(8001)).isCloseTo(Math.sin(2 * Math.PI * 440 * 8001 / 16000.0),
                org.assertj.core.data.Offset.offset(1e-3));
        // a stereo WAV we write ourselves: mono is the channel mean
        Path wav = dir.resolve("st.wav");
        WavWriter.write(wav, new float[][] {{0.5f, 0.25f}, {-0.5f, 0.75f}}, 8000, WavWriter.Encoding.FLOAT_32);
        assertThat(AudioLoader.nativeRate().load(wav).samples()).containsExactly(0f, 0.5f);
    }

    @Test
    void errorsNameTheFileAndTheParameter() {
        Path bad = dir.resolve("bad.wav");
        assertThatThrownBy(() -> {
            Files.write(bad, new byte[] {1, 2, 3});
            AudioLoader.nativeRate().load(bad);
        }).isInstanceOf(AudioFormatException.class).hasMessageStartingWith(bad + ": ");
        assertThatThrownBy(() -> AudioLoader.builder().sr(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sr: must be > 0");
        assertThatThrownBy(() -> AudioLoader.builder().offset(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> AudioLoader.builder().duration(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> AudioLoader.builder().duration(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
    }

    @Test
    void audioClipIsImmutable() {
        float[] y = {1f, 2f, 3f};
        AudioClip c = AudioClip.of(y, 100, "x");
        y[0] = 9f;
        c.samples()[1] = 9f;
        assertThat(c.samples()).containsExactly(1f, 2f, 3f);
        assertThat(c.durationSeconds()).isEqualTo(0.03);
        assertThat(c.source()).contains("x");
        float[] dest = new float[2];
        c.copyTo(1, dest, 0, 2);
        assertThat(dest).containsExactly(2f, 3f);
        assertThat(c.withSamples(new float[] {4f}).sampleRate()).isEqualTo(100);
        assertThatThrownBy(() -> AudioClip.of(new float[1], 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sampleRate");
    }

    @Test
    void sourceNamePrintsThePathOrNameNotAnOptional() throws Exception {
        Path file = root().resolve("data/esc10/001 - Dog bark/1-100032-A.ogg");
        AudioClip loaded = AudioLoader.atRate(22050).load(file);
        assertThat(loaded.sourceName()).isEqualTo(file.toString());
        assertThat("clip " + loaded.sourceName()).doesNotContain("Optional").endsWith("1-100032-A.ogg");
        assertThat(loaded.toString()).contains(file.toString()).doesNotContain("Optional");
        assertThat(AudioClip.of(new float[] {0f}, 8000, "siren").sourceName()).isEqualTo("siren");
        AudioClip unnamed = AudioClip.of(new float[] {0f}, 8000);
        assertThat(unnamed.sourceName()).isEqualTo(AudioClip.UNNAMED).isEqualTo("(unnamed)");
        assertThat(unnamed.source()).isEmpty();
        // messages that name a clip use the name as it is
        assertThatThrownBy(() -> FeatureExtractor.of(FeatureConfig.modern()).extract(loaded))
                .hasMessageContaining("clip " + file + " has sample rate 22050").hasMessageNotContaining("Optional");
    }
}
