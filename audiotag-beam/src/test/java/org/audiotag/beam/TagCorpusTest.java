package org.audiotag.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.audiotag.models.ModelLoadException;
import org.audiotag.toolkit.Csv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCorpusTest {

    @TempDir
    static Path tmp;
    static Path model;
    static Path in;
    static List<Path> files;

    @BeforeAll
    static void exportModelAndCorpus() throws IOException {
        model = Corpora.exportTinyModel(tmp.resolve("model"));
        in = tmp.resolve("in");
        files = Corpora.copyTree(Corpora.esc10Files(3, 2), in);
        Corpora.truncatedCopy(files.get(0), in.resolve("broken/cut.ogg"));
    }

    @Test
    void corpusScoresEqualTagScoresCsvAndACorruptFileIsADeadLetter() throws IOException {
        Path scores = tmp.resolve("run1/scores.csv");
        Path failed = tmp.resolve("run1/failed.csv");
        TagCorpus tag = TagCorpus.withModel(model).batchSize(4);
        Pipeline p = Corpora.pipeline(2);
        PCollectionTuple out = p.apply(AudioCorpus.ofFolder(in).read()).apply(tag);
        out.get(TagCorpus.SCORES).apply(WriteScoresCsv.to(scores, tag.tags()));
        out.get(FailedFile.TAG).apply(WriteFailures.to(failed));
        PipelineResult result = p.run();
        result.waitUntilFinish();
        assertThat(CorpusCounts.of(result)).isEqualTo(new CorpusCounts(7, 6, 1));

        Path ref = tmp.resolve("run1/ref.csv");
        List<String> args = new ArrayList<>(List.of("tag", "--model", model.toString(), "--scores-csv",
                ref.toString()));
        files.forEach(f -> args.add(f.toString()));
        CliRun single = CliRun.audiotag(args.toArray(new String[0]));
        assertThat(single.exit()).as(single.err()).isZero();

        List<Csv.Row> mine = Csv.readAll(scores);
        List<Csv.Row> theirs = Csv.readAll(ref);
        assertThat(mine.get(0).fields()).isEqualTo(theirs.get(0).fields()); // fname,<tags> in model order
        assertThat(mine.get(0).fields()).containsExactly("fname", "Dog bark", "Rain", "Sea waves", "Baby cry",
                "Clock tick");
        Map<String, List<String>> byName = new HashMap<>();
        theirs.subList(1, theirs.size()).forEach(r -> byName.put(r.get(0), r.fields()));
        assertThat(mine).hasSize(files.size() + 1);
        List<String> names = new ArrayList<>();
        for (Csv.Row r : mine.subList(1, mine.size())) {
            names.add(r.get(0));
            assertThat(r.get(0)).contains("/"); // the path relative to the input root
            List<String> expected = byName.get(Path.of(r.get(0)).getFileName().toString());
            assertThat(expected).as(r.get(0)).isNotNull();
            for (int c = 1; c < r.size(); c++) {
                assertThat(Double.parseDouble(r.get(c))).as("%s column %d", r.get(0), c)
                        .isCloseTo(Double.parseDouble(expected.get(c)), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        assertThat(names).isSorted();
        List<String> dead = Files.readAllLines(failed);
        assertThat(dead).hasSize(2);
        assertThat(dead.get(1)).startsWith("broken/cut.ogg,").contains("truncated");
    }

    @Test
    void shardsPartitionTheCorpusAndTheirOutputsConcatenateToTheWhole() throws IOException {
        Path whole = tmp.resolve("shards/whole.csv");
        CliRun all = CliRun.corpus("tag", "--input", in.toString(), "--model", model.toString(), "--output",
                whole.toString(), "--batch", "3", "--workers", "2");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("read 7, tagged 6, failed 1");
        assertThat(tmp.resolve("shards/whole.failed.csv")).exists();
        List<String> wholeRows = Files.readAllLines(whole);
        List<String> joined = new ArrayList<>();
        int failedRows = 0;
        for (int i = 0; i < 2; i++) {
            Path part = tmp.resolve("shards/part" + i + ".csv");
            CliRun r = CliRun.corpus("tag", "--input", in.toString(), "--model", model.toString(), "--output",
                    part.toString(), "--shard", i + "/2", "--workers", "1");
            assertThat(r.exit()).as(r.err()).isZero();
            List<String> rows = Files.readAllLines(part);
            assertThat(rows.get(0)).isEqualTo(wholeRows.get(0));
            joined.addAll(rows.subList(1, rows.size()));
            failedRows += Files.readAllLines(tmp.resolve("shards/part" + i + ".failed.csv")).size() - 1;
        }
        assertThat(failedRows).isEqualTo(1);
        assertThat(joined).hasSize(wholeRows.size() - 1);
        joined.sort(null);
        assertThat(joined).containsExactlyElementsOf(wholeRows.subList(1, wholeRows.size()));
    }

    @Test
    void aMissingModelFolderIsOneClearErrorBeforeAnyWork() {
        Path missing = tmp.resolve("no-such-model");
        assertThatThrownBy(() -> TagCorpus.withModel(missing)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("no-such-model").hasMessageContaining("not a directory");
        Path out = tmp.resolve("missing/scores.csv");
        CliRun r = CliRun.corpus("tag", "--input", in.toString(), "--model", missing.toString(), "--output",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("audiotag: ").contains("no-such-model").contains("not a directory")
                .doesNotContain("\n");
        assertThat(r.out()).isEmpty();
        assertThat(out.getParent()).doesNotExist();
    }
}
