package org.audiotag.beam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.audiotag.beam.internal.SortedListFn;
import org.audiotag.eval.io.TaggingCsv;

/**
 * Writes the scores of a corpus as one CSV in the Kaggle submission layout, {@code fname,<tag 1>,...,<tag n>}, rows
 * sorted by {@code fname}, through the same writer as {@code audiotag tag --scores-csv} ({@link
 * TaggingCsv#writeScores(Path, List, List, float[][])}, atomically), so {@code audiotag evaluate} reads it. An empty
 * corpus gives the header alone. The rows are gathered on one worker: the file is written where that worker runs
 * (on the embedded runners, this machine).
 */
public final class WriteScoresCsv extends PTransform<PCollection<ClipScores>, PDone> {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final List<String> tags;

    private WriteScoresCsv(String file, List<String> tags) {
        this.file = file;
        this.tags = List.copyOf(tags);
    }

    /**
     * Writes to {@code file} with the given columns.
     *
     * @param file the CSV (parent folders created; replaced if it exists)
     * @param tags the tag names, in score order ({@link TagCorpus#tags()})
     * @return the sink
     */
    public static WriteScoresCsv to(Path file, List<String> tags) {
        Objects.requireNonNull(file, "file");
        return new WriteScoresCsv(file.toAbsolutePath().normalize().toString(), tags);
    }

    @Override
    public PDone expand(PCollection<ClipScores> scores) {
        scores.apply("GatherScores", Combine.globally(new SortedListFn<>(SerializableCoder.of(ClipScores.class))))
                .apply("WriteScoresCsv", ParDo.of(new WriteFn(file, tags)));
        return PDone.in(scores.getPipeline());
    }

    /** Writes the gathered rows. */
    static final class WriteFn extends DoFn<List<ClipScores>, Void> {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final List<String> tags;

        WriteFn(String file, List<String> tags) {
            this.file = file;
            this.tags = tags;
        }

        @ProcessElement
        public void process(@Element List<ClipScores> rows) throws IOException {
            Path out = Path.of(file);
            Files.createDirectories(out.getParent());
            TaggingCsv.writeScores(out, rows.stream().map(ClipScores::fname).toList(), tags,
                    rows.stream().map(ClipScores::scores).toArray(float[][]::new));
        }
    }
}
