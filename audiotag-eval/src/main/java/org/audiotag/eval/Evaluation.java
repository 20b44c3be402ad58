package org.audiotag.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.audiotag.toolkit.Json;

/**
 * Every metric of one evaluation set, computed once: {@link Lwlrap} (with per-class scores and weights),
 * {@link Lrap}, per-class {@link AveragePrecision} with macro and micro mAP, per-class and macro {@link RocAuc},
 * d' of the macro AUC, and {@link Top1Accuracy} when every sample has exactly one label. Immutable.
 *
 * <p>{@link #toText} and {@link #toJson} render the numbers for the command line; text lines are
 * {@code <name> <value>} with 8 decimals ({@code nan} where undefined, {@code Infinity} for the d' of a perfect
 * AUC), JSON carries the same values at full double precision ({@code null} where a value is undefined or
 * infinite).
 *
 * <p>Evaluating a score file in the Kaggle submission layout against a truth file:
 * {@snippet :
 * LabeledPredictions data = TaggingCsv.read(Path.of("data/esc10/fold5-truth.csv"), Path.of("scores.csv"));
 * Evaluation evaluation = Evaluation.of(data.predictions(), data.classNames(), TieRule.REFERENCE);
 * double lwlrap = evaluation.lwlrap().lwlrap();   // the competition metric
 * double mAP = evaluation.mapMacro();             // sklearn average_precision_score(average="macro")
 * String text = evaluation.toText(true);          // "samples 80", ..., "lwlrap 0.xxxxxxxx", ...; per-class table
 * String json = evaluation.toJson(false);
 * }
 */
public final class Evaluation {
    private final List<String> classNames;
    private final int nSamples;
    private final LwlrapResult lwlrap;
    private final double lrap;
    private final double[] apPerClass;
    private final double mapMacro;
    private final double mapMicro;
    private final double[] aucPerClass;
    private final double aucMacro;
    private final double dPrime;
    private final double top1;

    private Evaluation(List<String> classNames, int nSamples, LwlrapResult lwlrap, double lrap, double[] apPerClass,
            double mapMacro, double mapMicro, double[] aucPerClass, double aucMacro, double top1) {
        this.classNames = classNames;
        this.nSamples = nSamples;
        this.lwlrap = lwlrap;
        this.lrap = lrap;
        this.apPerClass = apPerClass;
        this.mapMacro = mapMacro;
        this.mapMicro = mapMicro;
        this.aucPerClass = aucPerClass;
        this.aucMacro = aucMacro;
        this.dPrime = RocAuc.dPrime(aucMacro);
        this.top1 = top1;
    }

    /**
     * Computes every metric of one evaluation set (the per-class AP and ROC-AUC share one sort per class).
     *
     * @param predictions truth and scores
     * @param classNames the class names in column order, one per class
     * @param tieRule the tie rule for lwlrap and LRAP
     * @return the evaluation
     * @throws IllegalArgumentException if no sample has a label, or the number of names differs from the classes
     */
    public static Evaluation of(Predictions predictions, List<String> classNames, TieRule tieRule) {
        if (classNames.size() != predictions.nClasses()) {
            throw new IllegalArgumentException("classNames has " + classNames.size() + " names for "
                    + predictions.nClasses() + " classes");
        }
        LwlrapResult lw = Lwlrap.compute(predictions, tieRule);
        double[][] apAuc = AveragePrecision.apAndAucPerClass(predictions);
        double[] ap = apAuc[0];
        double[] auc = apAuc[1];
        double aucMacro = Double.NaN;
        for (double a : auc) {
            if (!Double.isNaN(a)) {
                aucMacro = AveragePrecision.meanDefined(auc, "ROC-AUC");
                break;
            }
        }
        return new Evaluation(List.copyOf(classNames), predictions.nSamples(), lw, Lrap.compute(predictions, tieRule),
                ap, AveragePrecision.meanDefined(ap, "mAP"), AveragePrecision.micro(predictions), auc, aucMacro,
                Top1Accuracy.isSingleLabel(predictions) ? Top1Accuracy.compute(predictions) : Double.NaN);
    }

    /**
     * Returns the class names in column order.
     *
     * @return an unmodifiable list, one name per class
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Returns the number of samples evaluated, with or without labels.
     *
     * @return the number of samples n
     */
    public int nSamples() {
        return nSamples;
    }

    /**
     * Returns lwlrap with its per-class decomposition (see {@link Lwlrap}).
     *
     * @return the lwlrap result, computed with this evaluation's tie rule
     */
    public LwlrapResult lwlrap() {
        return lwlrap;
    }

    /**
     * Returns the label-ranking average precision over the labelled samples (see {@link Lrap}).
     *
     * @return LRAP in [0, 1]
     */
    public double lrap() {
        return lrap;
    }

    /**
     * Returns the average precision of each class ({@code average_precision_score(average=None)}).
     *
     * @return a copy, one AP in [0, 1] per class in column order; NaN for classes without positives
     */
    public double[] apPerClass() {
        return apPerClass.clone();
    }

    /**
     * Returns macro mAP: the unweighted mean of the per-class AP over classes with a positive.
     *
     * @return macro mAP in [0, 1]
     */
    public double mapMacro() {
        return mapMacro;
    }

    /**
     * Returns micro mAP: the AP of all (sample, class) pairs as one binary problem.
     *
     * @return micro mAP in [0, 1]
     */
    public double mapMicro() {
        return mapMicro;
    }

    /**
     * Returns the ROC-AUC of each class ({@code roc_auc_score(average=None)}).
     *
     * @return a copy, one AUC in [0, 1] per class in column order; NaN for classes without positives or negatives
     */
    public double[] aucPerClass() {
        return aucPerClass.clone();
    }

    /**
     * Returns macro ROC-AUC: the unweighted mean of the per-class AUC where it is defined.
     *
     * @return macro AUC in [0, 1], NaN when no class has both positives and negatives
     */
    public double aucMacro() {
        return aucMacro;
    }

    /**
     * Returns the sensitivity index of the macro AUC, d' = sqrt(2) Phi^-1(AUC) (see {@link RocAuc#dPrime}).
     *
     * @return d', +Infinity for a perfect AUC, NaN when the AUC is
     */
    public double dPrime() {
        return dPrime;
    }

    /**
     * Returns top-1 accuracy for single-label data (see {@link Top1Accuracy}).
     *
     * @return accuracy in [0, 1], NaN unless every sample has exactly one label
     */
    public double top1Accuracy() {
        return top1;
    }

    /**
     * Returns the per-class table: class, support, AP, ROC-AUC, lwlrap weight and lwlrap score, in column order.
     *
     * @return a new report
     */
    public PerClassReport perClassReport() {
        List<PerClassReport.Row> rows = new ArrayList<>();
        int[] support = lwlrap.support();
        double[] w = lwlrap.classWeights();
        double[] s = lwlrap.classScores();
        for (int c = 0; c < classNames.size(); c++) {
            rows.add(new PerClassReport.Row(classNames.get(c), support[c], apPerClass[c], aucPerClass[c], w[c], s[c]));
        }
        return new PerClassReport(rows);
    }

    /**
     * Renders the numbers as {@code name value} lines: samples, labelled_samples, classes, tie_rule, lwlrap, lrap,
     * map_macro, map_micro, roc_auc_macro, d_prime, top1_accuracy (only for single-label data), then with
     * {@code perClass} the per-class Markdown table.
     *
     * @param perClass whether to append the per-class table
     * @return the text, lines ending in '\n'
     */
    public String toText(boolean perClass) {
        StringBuilder sb = new StringBuilder();
        sb.append("samples ").append(nSamples).append('\n');
        sb.append("labelled_samples ").append(lwlrap.nLabeledSamples()).append('\n');
        sb.append("classes ").append(classNames.size()).append('\n');
        sb.append("tie_rule ").append(lwlrap.tieRule().name().toLowerCase(Locale.ROOT)).append('\n');
        line(sb, "lwlrap", lwlrap.lwlrap());
        line(sb, "lrap", lrap);
        line(sb, "map_macro", mapMacro);
        line(sb, "map_micro", mapMicro);
        line(sb, "roc_auc_macro", aucMacro);
        line(sb, "d_prime", dPrime);
        if (!Double.isNaN(top1)) {
            line(sb, "top1_accuracy", top1);
        }
        if (perClass) {
            sb.append('\n').append(perClassReport().toMarkdown());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, double v) {
        sb.append(name).append(' ').append(Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.8f", v))
                .append('\n');
    }

    /**
     * Renders the same numbers as one JSON object (keys as in {@link #toText}; with {@code perClass} a
     * {@code per_class} array of objects class, support, ap, roc_auc, lwlrap_weight, lwlrap_score).
     *
     * @param perClass whether to include the per-class array
     * @return the JSON text, ending in '\n'
     */
    public String toJson(boolean perClass) {
        return toJson(perClass, null, null);
    }

    /**
     * Renders the same numbers as {@link #toJson(boolean)}, followed by bootstrap intervals when given: objects
     * {@code lwlrap_ci} and {@code map_macro_ci} with members lower, upper, level and resamples.
     *
     * @param perClass whether to include the per-class array
     * @param lwlrapInterval the interval of lwlrap, or null to leave {@code lwlrap_ci} out
     * @param mapMacroInterval the interval of macro mAP, or null to leave {@code map_macro_ci} out
     * @return the JSON text, ending in '\n'
     */
    public String toJson(boolean perClass, ConfidenceInterval lwlrapInterval, ConfidenceInterval mapMacroInterval) {
        return Json.toText(w -> {
            w.beginObject();
            w.field("samples", nSamples);
            w.field("labelled_samples", lwlrap.nLabeledSamples());
            w.field("classes", classNames.size());
            w.field("tie_rule", lwlrap.tieRule().name().toLowerCase(Locale.ROOT));
            w.field("lwlrap", lwlrap.lwlrap());
            w.field("lrap", lrap);
            w.field("map_macro", mapMacro);
            w.field("map_micro", mapMicro);
            w.field("roc_auc_macro", aucMacro);
            w.field("d_prime", dPrime);
            w.field("top1_accuracy", top1);
            if (perClass) {
                w.name("per_class").beginArray();
                for (PerClassReport.Row r : perClassReport().rows()) {
                    w.beginObject().field("class", r.className()).field("support", r.support())
                            .field("ap", r.averagePrecision()).field("roc_auc", r.rocAuc())
                            .field("lwlrap_weight", r.lwlrapWeight()).field("lwlrap_score", r.lwlrapScore())
                            .endObject();
                }
                w.endArray();
            }
            interval(w, "lwlrap_ci", lwlrapInterval);
            interval(w, "map_macro_ci", mapMacroInterval);
            w.endObject();
        });
    }

    private static void interval(Json.Writer w, String name, ConfidenceInterval ci) throws IOException {
        if (ci != null) {
            w.name(name).beginObject().field("lower", ci.lower()).field("upper", ci.upper())
                    .field("level", ci.level()).field("resamples", ci.resamples()).endObject();
        }
    }
}
