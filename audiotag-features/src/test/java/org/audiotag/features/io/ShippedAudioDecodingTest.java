package org.audiotag.features.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Decodes every WAV, FLAC and Ogg Vorbis file shipped in {@code data/} (412 files) and compares it with libsndfile
 * 1.2.2 (python-soundfile, float32, what {@code librosa.load} reads): frame count, channels and rate exactly, the
 * sum of squares, and the samples at 8 probe positions of the first and last channel. Tolerances: exact for WAV and
 * FLAC (lossless, same integer scaling); 1e-6 per sample for Vorbis (JOrbis and libvorbis both decode in float32;
 * a full comparison of all 318 clips found at most 6.6e-7) and 1e-5 relative on the sum of squares.
 */
class ShippedAudioDecodingTest {

    private record Ref(String path, int frames, int channels, int sr, String subtype, double sumsq, String probes) {
    }

    private static List<Ref> reference() throws Exception {
        List<Ref> refs = new ArrayList<>();
        try (var in = ShippedAudioDecodingTest.class.getResourceAsStream("/decoder-reference/reference.tsv")) {
            assertThat(in).as("reference.tsv on the test class path").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("path\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                refs.add(new Ref(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4],
                        Double.parseDouble(f[5]), f[6]));
            }
        }
        return refs;
    }

    @Test
    void everyShippedFileMatchesLibsndfile() throws Exception {
        Path root = IoTestSupport.root();
        List<Ref> refs = reference();
        assertThat(refs).hasSizeGreaterThanOrEqualTo(412);
        Map<String, Double> worst = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        // files are independent and the decoder is stateless: use both cores
        refs.parallelStream().forEach(ref -> {
            try {
                check(root, ref, worst, counts);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // the three kinds of shipped audio are all covered
        assertThat(counts).containsKeys("VORBIS", "PCM_16", "PCM_24");
        assertThat(counts.get("VORBIS")).isEqualTo(318);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "decoded " + refs.size()
                + " shipped files " + new TreeMap<>(counts) + "; worst probe difference " + new TreeMap<>(worst));
    }

    private static void check(Path root, Ref ref, Map<String, Double> worst, Map<String, Integer> counts)
            throws java.io.IOException {
        Path file = root.resolve(ref.path());
        DecodedAudio a = AudioDecoder.decode(file);
        boolean lossy = ref.subtype().equals("VORBIS");
        String kind = ref.subtype();
        counts.merge(kind, 1, Integer::sum);
        assertThat(a.frames()).as("frames of %s", ref.path()).isEqualTo(ref.frames());
        assertThat(a.channels()).as("channels of %s", ref.path()).isEqualTo(ref.channels());
        assertThat(a.sampleRate()).as("rate of %s", ref.path()).isEqualTo(ref.sr());
        double ss = 0;
        for (int c = 0; c < a.channels(); c++) {
            for (int i = 0; i < a.frames(); i++) {
                double v = a.sample(c, i);
                ss += v * v;
            }
        }
        assertThat(ss).as("sum of squares of %s", ref.path())
                .isCloseTo(ref.sumsq(), org.assertj.core.data.Offset.offset(
                        (lossy ? 1e-5 : 1e-9) * Math.max(1e-3, ref.sumsq())));
        double tol = lossy ? 1e-6 : 0.0;
        for (String probe : ref.probes().split(" ")) {
            String[] p = probe.split(":");
            int i = Integer.parseInt(p[0]);
            float first = Float.parseFloat(p[1]);
            float last = Float.parseFloat(p[2]);
            double d = Math.max(Math.abs(a.sample(0, i) - first), Math.abs(a.sample(a.channels() - 1, i) - last));
            worst.merge(kind, d, Math::max);
            assertThat(d).as("sample %d of %s", i, ref.path()).isLessThanOrEqualTo(tol);
        }
    }

    @Test
    void esc10ClipsDecodeEveryVorbisFrame() throws Exception {
        // ESC-10 clips are 5 s at 44.1 kHz = 220,500 samples; the Vorbis encoding yields 220,544 frames (the granule
        // position of the last page), which is what libvorbis returns and what we must return too. The javax.sound
        // SPI path stopped at 133,824 frames without an error; a rain clip has signal all the way to the end.
        Path clip = IoTestSupport.root().resolve("data/esc10/002 - Rain/1-17367-A.ogg");
        assertThat(AudioDecoder.detect(clip)).isEqualTo(AudioDecoder.Format.OGG_VORBIS);
        assertThat(AudioDecoder.detect(IoTestSupport.root().resolve("data/sonic-pi/audio/bd_boom.flac")))
                .isEqualTo(AudioDecoder.Format.FLAC);
        assertThat(AudioDecoder.detect(IoTestSupport.root().resolve("data/impulse-responses/rir_clap.wav")))
                .isEqualTo(AudioDecoder.Format.WAV);
        DecodedAudio a = AudioDecoder.decode(clip);
        assertThat(a.frames()).isEqualTo(220_544).isGreaterThanOrEqualTo(220_500);
        assertThat(a.sampleRate()).isEqualTo(44_100);
        assertThat(a.channels()).isEqualTo(1);
        double tail = 0;
        for (int i = 200_000; i < a.frames(); i++) {
            tail += (double) a.sample(0, i) * a.sample(0, i);
        }
        assertThat(Math.sqrt(tail / (a.frames() - 200_000))).as("RMS of the last 0.46 s").isGreaterThan(1e-3);
    }

    @Test
    void stereoWavsDownmixAsLibrosa() throws Exception {
        for (String name : List.of("data/freesound-clips/audio/typing.wav",
                "data/impulse-responses/basement_museum_clap_48k_stereo.wav")) {
            DecodedAudio a = AudioDecoder.decode(IoTestSupport.root().resolve(name));
            assertThat(a.channels()).isEqualTo(2);
            assertThat(a.sampleRate()).isEqualTo(48_000);
            float[] mono = a.toMono();
            float[] l = a.channel(0);
            float[] r = a.channel(1);
            for (int i = 0; i < mono.length; i += 97) {
                assertThat(mono[i]).isEqualTo((l[i] + r[i]) / 2f);
            }
        }
    }
}
