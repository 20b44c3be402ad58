package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.DatasetFormatException;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import org.audiotag.train.data.Split;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a reproducible split of a dataset
 * ({@code audiotag split --data DIR_OR_CSV --out SPLIT.csv [--test-size F | --folds K] [--seed N]}), made by iterative
 * stratification of order 2 (Sechidis 2011, Szymański 2017; scikit-multilearn's {@code iterative_train_test_split}):
 * with {@code --test-size} fold 0 is validation and fold 1 training, with {@code --folds} K stratified folds. Writes
 * {@code path,fold} rows and prints per-fold clip and label counts. {@code audiotag train --split SPLIT.csv} reads it
 * back.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Write a seeded iterative-stratification split (train/validation or k folds) as path,fold.")
final class SplitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR_OR_CSV", description = "The dataset.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "SPLIT.csv", description = "Output file.")
    Path out;

    @Option(names = "--test-size", defaultValue = "0.1",
            description = "Validation fraction (default ${DEFAULT-VALUE}).")
    double testSize;

    @Option(names = "--folds", paramLabel = "K", description = "Make K stratified folds instead.")
    Integer folds;

    @Option(names = "--seed", defaultValue = "42", description = "Tie-breaking seed (default ${DEFAULT-VALUE}).")
    long seed;

    /**
     * Reads the dataset, splits it, writes the split file and prints the clip and label counts of each fold. Returns
     * exit code 0.
     */
    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        Dataset ds;
        try {
            ds = Datasets.open(data, LoadOptions.defaults());
        } catch (DatasetFormatException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        }
        Split s;
        try {
            s = folds != null ? Split.kFold(ds, folds, seed) : Split.trainValidation(ds, testSize, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            s.write(out, ds);
        } catch (IOException e) {
            throw CliException.cannotWrite(out, e);
        }
        boolean[][] y = ds.targetMatrix();
        for (int f = 0; f < s.numFolds(); f++) {
            int[] idx = s.indicesIn(f);
            long labels = 0;
            for (int i : idx) {
                for (boolean b : y[i]) {
                    labels += b ? 1 : 0;
                }
            }
            o.printf(Locale.ROOT, "fold %d: %d clips, %d labels%s%n", f, idx.length, labels,
                    folds == null ? (f == 0 ? " (validation)" : " (training)") : "");
        }
        o.printf(Locale.ROOT, "split: %s%n", out);
        o.flush();
        return 0;
    }
}
