package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiotag.eval.io.TaggingCsv;
import org.audiotag.models.TagScore;
import org.audiotag.models.Tagger;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Tags audio files with an exported model
 * ({@code audiotag tag --model RUN_DIR/model FILE... [--scores-csv OUT.csv] [--top-k K]}): prints one line per file,
 * the file name then {@code tag:probability} pairs by decreasing probability; optionally writes every probability in
 * the Kaggle submission layout ({@code fname,<tag 1>,...,<tag n>}, tags in the model's vocabulary order), which
 * {@code audiotag evaluate --scores} reads. That layout names a clip by its file name alone, so with
 * {@code --scores-csv} two files of the same name ({@code a/x.ogg b/x.ogg}, or one file given twice) are refused
 * before anything is tagged: {@code evaluate} could not tell their rows apart.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag audio files with an exported model; optionally write a Kaggle-layout scores CSV.")
final class TagCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Exported model (RUN_DIR/model).")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (WAV, FLAC, Ogg Vorbis).")
    List<Path> files;

    @Option(names = "--scores-csv", paramLabel = "OUT.csv",
            description = "Write all probabilities (Kaggle layout; the files' names must differ).")
    Path scoresCsv;

    @Option(names = "--top-k", defaultValue = "3", paramLabel = "K",
            description = "Tags per line (default: ${DEFAULT-VALUE}).")
    int topK;

    /**
     * Tags every file, prints its top tags and optionally writes all scores as CSV. Returns exit code 0; a missing file
     * or model ends with 2.
     */
    @Override
    public Integer call() throws IOException {
        if (topK < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top-k must be >= 1, got " + topK);
        }
        if (scoresCsv != null) {
            requireDistinctNames();
        }
        PrintWriter o = spec.commandLine().getOut();
        Tagger tagger;
        try {
            tagger = Tagger.load(model);
        } catch (IOException e) {
            throw CliException.cannotRead(model, e);
        }
        try (tagger) {
            for (Path f : files) { // all before the first is tagged: a bad last file fails fast
                try {
                    InputFiles.requireReadableFile(f);
                } catch (IOException e) {
                    throw CliException.cannotRead(f, e);
                }
            }
            List<String> names = new ArrayList<>();
            List<float[]> scores = new ArrayList<>();
            for (Path f : files) {
                float[] s;
                try {
                    s = tagger.scores(f);
                } catch (IOException e) {
                    throw CliException.cannotRead(f, e);
                } catch (IllegalArgumentException e) {
                    throw CliException.badInput(f, e);
                }
                StringBuilder line = new StringBuilder(f.getFileName().toString());
                for (TagScore t : tagger.topK(s, topK)) {
                    line.append(String.format(Locale.ROOT, " %s:%.4f", t.tag(), t.probability()));
                }
                o.println(line);
                names.add(f.getFileName().toString());
                scores.add(s);
            }
            if (scoresCsv != null) {
                Path abs = scoresCsv.toAbsolutePath();
                try {
                    Files.createDirectories(abs.getParent());
                    // the Kaggle submission layout, written atomically by the same code that evaluate's reader mirrors
                    TaggingCsv.writeScores(abs, names, tagger.tags(), scores.toArray(new float[0][]));
                } catch (IOException e) {
                    throw CliException.cannotWrite(scoresCsv, e);
                }
                o.println("scores: " + abs);
            }
        }
        o.flush();
        return 0;
    }

    /** Refuses two files with one file name: the scores CSV's {@code fname} column could not tell them apart. */
    private void requireDistinctNames() {
        Map<String, Path> byName = new HashMap<>();
        for (Path f : files) {
            Path first = byName.putIfAbsent(f.getFileName().toString(), f);
            if (first != null) {
                String same = first.toAbsolutePath().normalize().equals(f.toAbsolutePath().normalize())
                        ? " is given twice" : " has the same file name as " + InputFiles.shown(first);
                throw new CommandLine.ParameterException(spec.commandLine(), InputFiles.shown(f) + same
                        + "; the scores CSV (--scores-csv) names clips by file name alone, so tag files of one name "
                        + "in separate runs or rename them");
            }
        }
    }
}
