package org.audiotag.beam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audiotag.features.io.NpyArray;
import org.audiotag.features.io.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractFeaturesTest {

    @Test
    void corpusFeaturesEqualTheSingleFileCommandAndACorruptFileIsADeadLetter(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        List<Path> files = Corpora.copyTree(Corpora.esc10Files(2, 2), in);
        Corpora.truncatedCopy(files.get(0), in.resolve("broken/cut.ogg"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.corpus("features", "--input", in.toString(), "--output", out.toString(), "--workers", "2",
                "--hop-length", "1024", "--n-mels", "64", "--fmin", "20");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 5, written 4, failed 1");
        for (Path f : files) {
            String rel = in.relativize(f).toString();
            Path mine = out.resolve(rel.replace(".ogg", ".npy"));
            Path ref = tmp.resolve("ref.npy");
            CliRun single = CliRun.audiotag("features", "--input", f.toString(), "--output", ref.toString(),
                    "--hop-length", "1024", "--n-mels", "64", "--fmin", "20");
            assertThat(single.exit()).as(single.err()).isZero();
            NpyArray a = NpyFile.read(mine);
            NpyArray b = NpyFile.read(ref);
            assertThat(a.shape()).as(rel).containsExactly(b.shape());
            float[] x = a.toFloatArray();
            float[] y = b.toFloatArray();
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(x[i] - y[i]));
            }
            assertThat(worst).as("largest difference of %s, dB", rel).isLessThanOrEqualTo(1e-4);
        }
        List<String> failed = Files.readAllLines(out.resolve("failed.csv"));
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0)).isEqualTo("path,error");
        assertThat(failed.get(1)).startsWith("broken/cut.ogg,").contains("truncated");
        assertThat(out.resolve("broken/cut.npy")).doesNotExist();
    }

    @ParameterizedTest(name = "--kind {0}")
    @ValueSource(strings = {"stft", "mel", "mfcc"})
    void everyKindEqualsTheSingleFileCommand(String kind, @TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        List<Path> files = Corpora.copyTree(Corpora.esc10Files(2, 1), in);
        Path out = tmp.resolve("out");
        String[] options = {"--kind", kind, "--n-fft", "1024", "--hop-length", "1024", "--n-mels", "40", "--fmin",
            "20", "--n-mfcc", "13"};
        CliRun r = CliRun.corpus(concat(new String[] {"features", "--input", in.toString(), "--output",
            out.toString(), "--workers", "2"}, options));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 2, written 2, failed 0");
        int rows = switch (kind) {
            case "stft" -> 513;
            case "mel" -> 40;
            default -> 13;
        };
        for (Path f : files) {
            String rel = in.relativize(f).toString();
            Path ref = tmp.resolve("ref.npy");
            CliRun single = CliRun.audiotag(concat(new String[] {"features", "--input", f.toString(), "--output",
                ref.toString()}, options));
            assertThat(single.exit()).as(single.err()).isZero();
            NpyArray a = NpyFile.read(out.resolve(rel.replace(".ogg", ".npy")));
            NpyArray b = NpyFile.read(ref);
            assertThat(a.shape()).as(rel).containsExactly(b.shape());
            assertThat(a.shape()[0]).as(rel).isEqualTo(rows);
            float[] x = a.toFloatArray();
            float[] y = b.toFloatArray();
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(x[i] - y[i]));
            }
            assertThat(worst).as("largest difference of %s, --kind %s", rel, kind).isLessThanOrEqualTo(1e-4);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void anUnknownKindOrABadOptionIsOneLineBeforeAnyWork(@TempDir Path tmp) {
        CliRun r = CliRun.corpus("features", "--input", Corpora.esc10().toString(), "--output",
                tmp.resolve("o").toString(), "--kind", "cqt");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("audiotag: ").contains("--kind", "cqt", "stft, mel, logmel, mfcc")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("o")).doesNotExist();
        CliRun s = CliRun.corpus("features", "--input", Corpora.esc10().toString(), "--output",
                tmp.resolve("o").toString(), "--shard", "3/3");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("[0, 2]");
        CliRun m = CliRun.corpus("features", "--input", Corpora.esc10().toString(), "--output",
                tmp.resolve("o").toString(), "--kind", "mfcc", "--n-mels", "16", "--n-mfcc", "20");
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).startsWith("audiotag: n_mfcc must be in [1, n_mels=16], got 20");
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
