package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.audiotag.eval.Bootstrap;
import org.audiotag.eval.ConfidenceInterval;
import org.audiotag.eval.Evaluation;
import org.audiotag.eval.TieRule;
import org.audiotag.eval.io.EvalInputException;
import org.audiotag.eval.io.LabeledPredictions;
import org.audiotag.eval.io.TaggingCsv;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores a submission-layout score file ({@code audiotag evaluate --truth TRUTH.csv --scores SCORES.csv
 * [--per-class] [--format text|json]}) against FSDKaggle2019-layout ground truth with lwlrap (the competition metric),
 * LRAP, mAP, ROC-AUC, d' and, for single-label data, top-1 accuracy; optionally with seeded bootstrap intervals.
 * Text output has one {@code <name> <value>} line per metric ({@code lwlrap 0.12345678}); JSON has the same numbers.
 * Bad input ends with exit code 2 and one line naming the file and line.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score predictions: lwlrap (FSDKaggle2019 reference), LRAP, mAP, ROC-AUC, d', top-1.")
final class EvaluateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    /** Tie rules as spelled on the command line. */
    enum Ties { reference, sklearn }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "TRUTH.csv",
            description = "Ground truth, header 'fname,labels', labels comma-separated in one quoted field.")
    Path truth;

    @Option(names = "--scores", required = true, paramLabel = "SCORES.csv",
            description = "Scores, header 'fname,<class 1>,...', one row per clip (Kaggle submission layout).")
    Path scores;

    @Option(names = "--per-class", description = "Also print the per-class table (class, support, AP, ROC-AUC,"
            + " lwlrap weight and score).")
    boolean perClass;

    @Option(names = "--per-class-csv", paramLabel = "FILE",
            description = "Also write the per-class table as CSV to FILE (written atomically).")
    Path perClassCsv;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--tie-rule", defaultValue = "reference",
            description = "Ranking of equal scores for lwlrap/LRAP: reference (DCASE2019 code: higher class index"
                    + " first) or sklearn (pessimistic). Default: ${DEFAULT-VALUE}.")
    Ties tieRule;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Bootstrap resamples for 95%% intervals of lwlrap and mAP (0 = none, the default).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * Reads truth and scores, computes the metrics and prints them as text or JSON. Returns exit code 0; unreadable or
     * inconsistent input ends with 2.
     */
    @Override
    public Integer call() {
        if (bootstrap < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be >= 0, got " + bootstrap);
        }
        LabeledPredictions data;
        try {
            InputFiles.requireReadableFile(truth);
            InputFiles.requireReadableFile(scores);
            data = TaggingCsv.read(truth, scores);
        } catch (EvalInputException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(Main.EXIT_USAGE, InputFiles.describe(e), e);
        }
        TieRule rule = tieRule == Ties.sklearn ? TieRule.SKLEARN : TieRule.REFERENCE;
        Evaluation ev;
        ConfidenceInterval lwCi = null;
        ConfidenceInterval mapCi = null;
        try {
            ev = Evaluation.of(data.predictions(), data.classNames(), rule);
            if (bootstrap > 0) {
                Bootstrap b = Bootstrap.of(bootstrap, Bootstrap.DEFAULT_LEVEL);
                SplittableRandom rng = new SplittableRandom(seed);
                lwCi = b.lwlrap(data.predictions(), rule, rng);
                mapCi = b.meanAveragePrecision(data.predictions(), rng);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(Main.EXIT_USAGE, truth + ": " + e.getMessage(), e);
        }
        if (perClassCsv != null) {
            try {
                ev.perClassReport().writeCsv(perClassCsv);
            } catch (IOException e) {
                throw CliException.cannotWrite(perClassCsv, e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(ev.toJson(perClass, lwCi, mapCi));
        } else {
            String text = ev.toText(false);
            out.print(text);
            if (lwCi != null) {
                out.print(ciText("lwlrap_ci", lwCi));
                out.print(ciText("map_macro_ci", mapCi));
            }
            if (perClass) {
                out.println();
                out.print(ev.perClassReport().toMarkdown());
            }
        }
        out.flush();
        return 0;
    }

    private static String ciText(String name, ConfidenceInterval ci) {
        return String.format(Locale.ROOT, "%s %.8f %.8f (%.0f%%, %d resamples)%n", name, ci.lower(), ci.upper(),
                100 * ci.level(), ci.resamples());
    }
}
