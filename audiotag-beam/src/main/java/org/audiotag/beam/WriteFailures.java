package org.audiotag.beam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;

/**
 * Writes the dead letters of a corpus run as one CSV, header {@code path,error}, one row per failed file sorted by
 * path (the path relative to the corpus root), atomically; a run without failures writes the header alone, so a
 * stale file never survives a later run.
 */
public final class WriteFailures extends PTransform<PCollection<FailedFile>, PDone> {
    private static final long serialVersionUID = 1L;

    private final String file;

    private WriteFailures(String file) {
        this.file = file;
    }

    /**
     * Writes to {@code file}.
     *
     * @param file the CSV (parent folders created; replaced if it exists)
     * @return the sink
     */
    public static WriteFailures to(Path file) {
        Objects.requireNonNull(file, "file");
        return new WriteFailures(file.toAbsolutePath().normalize().toString());
    }

    @Override
    public PDone expand(PCollection<FailedFile> failures) {
        failures.apply("GatherFailures", Combine.globally(new SortedListFn<>(SerializableCoder.of(FailedFile.class))))
                .apply("WriteFailures", ParDo.of(new WriteFn(file)));
        return PDone.in(failures.getPipeline());
    }

    /** Writes the gathered rows. */
    static final class WriteFn extends DoFn<List<FailedFile>, Void> {
        private static final long serialVersionUID = 1L;
        private final String file;

        WriteFn(String file) {
            this.file = file;
        }

        @ProcessElement
        public void process(@Element List<FailedFile> rows) throws IOException {
            Path out = Path.of(file);
            Files.createDirectories(out.getParent());
            List<String> lines = new ArrayList<>();
            lines.add(Csv.line("path", "error").stripTrailing());
            for (FailedFile f : rows) {
                lines.add(Csv.line(f.path(), f.error()).stripTrailing());
            }
            AtomicFiles.writeLines(out, lines);
        }
    }
}
