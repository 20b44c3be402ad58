package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.audiotag.eval.events.ClassResult;
import org.audiotag.eval.events.EventBasedMetrics;
import org.audiotag.eval.events.EventListFile;
import org.audiotag.eval.events.SegmentBasedMetrics;
import org.audiotag.eval.events.SoundEvent;
import org.audiotag.eval.events.SoundEventScores;
import org.audiotag.eval.io.EvalInputException;
import org.audiotag.toolkit.InputFiles;
import org.audiotag.toolkit.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores detected sound events against reference events ({@code audiotag evaluate-events --truth T.tsv --predicted
 * P.tsv [--segment-length 1.0] [--collar 0.2] [--evaluate-offset] [--json OUT.json]}) with sed_eval's segment-based
 * and event-based metrics ({@link SegmentBasedMetrics}, {@link EventBasedMetrics}); both files in the DCASE layout
 * read by {@link EventListFile}.
 *
 * <p>Standard output has one {@code <name> <value>} line per overall score ({@code segment_f1 0.8000},
 * {@code event_error_rate 0.4000}, ...), then a per-class Markdown table. {@code --json} also writes every count
 * and score, overall and per class, to a file. Bad input ends with exit code 2 and one line naming the file and
 * line.
 */
@Command(name = "evaluate-events", mixinStandardHelpOptions = true,
        description = "Score detected sound events (DCASE TSV) with sed_eval's segment-based and event-based"
                + " F1 and error rate.")
final class EvaluateEventsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "T.tsv",
            description = "Reference events: tab-separated 'filename onset offset event_label' (seconds).")
    Path truth;

    @Option(names = "--predicted", required = true, paramLabel = "P.tsv",
            description = "Detected events, the same layout (e.g. the output of 'audiotag detect').")
    Path predicted;

    @Option(names = "--segment-length", defaultValue = "1.0", paramLabel = "SECONDS",
            description = "Segment length of the segment-based metrics (default: ${DEFAULT-VALUE}).")
    double segmentLength;

    @Option(names = "--collar", defaultValue = "0.2", paramLabel = "SECONDS",
            description = "Onset (and offset) collar of the event-based metrics (default: ${DEFAULT-VALUE}).")
    double collar;

    @Option(names = "--evaluate-offset", description = "Event-based: offsets must match too, within max(collar,"
            + " half the reference event's length) (default: onsets only).")
    boolean evaluateOffset;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write all counts and scores as JSON.")
    Path json;

    /**
     * Reads both event lists, evaluates them and prints the report; returns exit code 0, or ends with 2 on bad
     * arguments or input.
     */
    @Override
    public Integer call() {
        if (!(segmentLength > 0) || !Double.isFinite(segmentLength)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--segment-length must be a finite number of seconds > 0, got " + segmentLength);
        }
        if (!(collar >= 0) || !Double.isFinite(collar)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--collar must be a finite number of seconds >= 0, got " + collar);
        }
        List<SoundEvent> t = read(truth);
        List<SoundEvent> p = read(predicted);
        SegmentBasedMetrics.Result seg;
        try {
            seg = SegmentBasedMetrics.evaluate(t, p, segmentLength);
        } catch (IllegalArgumentException e) {
            throw new CliException(Main.EXIT_USAGE, InputFiles.shown(truth) + ", " + InputFiles.shown(predicted)
                    + ": " + e.getMessage(), e);
        }
        EventBasedMetrics.Result ev = EventBasedMetrics.evaluate(t, p, collar, evaluateOffset,
                EventBasedMetrics.DEFAULT_PERCENTAGE_OF_LENGTH);
        if (json != null) {
            try {
                Json.write(json, w -> writeJson(w, seg, ev));
            } catch (IOException e) {
                throw CliException.cannotWrite(json, e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text(seg, ev));
        out.flush();
        return 0;
    }

    private static List<SoundEvent> read(Path file) {
        try {
            InputFiles.requireReadableFile(file);
            return EventListFile.read(file);
        } catch (EvalInputException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.cannotRead(file, e);
        }
    }

    /** The report: overall scores as {@code name value} lines, then the per-class table. */
    String text(SegmentBasedMetrics.Result seg, EventBasedMetrics.Result ev) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "files %d%n", seg.files()));
        sb.append(String.format(Locale.ROOT, "segment_length %.3f%n", seg.segmentSeconds()));
        overall(sb, "segment", seg);
        sb.append(String.format(Locale.ROOT, "event_collar %.3f%n", ev.tCollar()));
        sb.append("event_offsets ").append(ev.evaluateOffset() ? "evaluated" : "ignored")
                .append(System.lineSeparator());
        overall(sb, "event", ev);
        sb.append(System.lineSeparator());
        sb.append("| class | segment Nref | segment Nsys | segment F1 | segment ER | event Nref | event Nsys | event F1"
                + " | event ER |").append(System.lineSeparator());
        sb.append("|---|---|---|---|---|---|---|---|---|").append(System.lineSeparator());
        for (String label : labels(seg, ev)) {
            ClassResult s = seg.perClass().get(label);
            ClassResult e = ev.perClass().get(label);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %d | %d | %s | %s |%n", label, s.nRef(),
                    s.nSys(), num(s.f1()), num(s.errorRate()), e.nRef(), e.nSys(), num(e.f1()), num(e.errorRate())));
        }
        return sb.toString();
    }

    private static void overall(StringBuilder sb, String prefix, SoundEventScores r) {
        line(sb, prefix + "_f1", r.f1());
        line(sb, prefix + "_precision", r.precision());
        line(sb, prefix + "_recall", r.recall());
        line(sb, prefix + "_error_rate", r.errorRate());
        line(sb, prefix + "_substitution_rate", r.substitutionRate());
        line(sb, prefix + "_deletion_rate", r.deletionRate());
        line(sb, prefix + "_insertion_rate", r.insertionRate());
        line(sb, prefix + "_macro_f1", r.macroF1());
        line(sb, prefix + "_macro_error_rate", r.macroErrorRate());
    }

    private static void line(StringBuilder sb, String name, double v) {
        sb.append(name).append(' ').append(num(v)).append(System.lineSeparator());
    }

    /** Four decimals; {@code nan} for an undefined score (an error rate with no reference activity). */
    private static String num(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static TreeSet<String> labels(SegmentBasedMetrics.Result seg, EventBasedMetrics.Result ev) {
        TreeSet<String> labels = new TreeSet<>(seg.perClass().keySet());
        labels.addAll(ev.perClass().keySet());
        return labels;
    }

    private void writeJson(Json.Writer w, SegmentBasedMetrics.Result seg, EventBasedMetrics.Result ev)
            throws IOException {
        w.beginObject();
        w.field("truth", truth.toString()).field("predicted", predicted.toString()).field("files", seg.files());
        w.name("segment_based").beginObject().field("segment_length", seg.segmentSeconds())
                .field("segments", seg.segments());
        scores(w, seg);
        w.endObject();
        w.name("event_based").beginObject().field("t_collar", ev.tCollar())
                .field("evaluated", ev.evaluateOffset() ? "onset and offset" : "onset")
                .field("percentage_of_length", ev.percentageOfLength())
                .field("matching", ev.matching().name().toLowerCase(Locale.ROOT));
        scores(w, ev);
        w.endObject();
        w.name("per_class").beginArray();
        for (String label : labels(seg, ev)) {
            w.beginObject().field("label", label);
            w.name("segment_based");
            classScores(w, seg.perClass().get(label));
            w.name("event_based");
            classScores(w, ev.perClass().get(label));
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void scores(Json.Writer w, SoundEventScores r) throws IOException {
        w.field("f1", r.f1()).field("precision", r.precision()).field("recall", r.recall())
                .field("error_rate", r.errorRate()).field("substitution_rate", r.substitutionRate())
                .field("deletion_rate", r.deletionRate()).field("insertion_rate", r.insertionRate())
                .field("macro_f1", r.macroF1()).field("macro_error_rate", r.macroErrorRate())
                .field("nref", r.nRef()).field("nsys", r.nSys()).field("tp", r.truePositives())
                .field("substitutions", r.substitutions()).field("deletions", r.deletions())
                .field("insertions", r.insertions());
    }

    private static void classScores(Json.Writer w, ClassResult c) throws IOException {
        w.beginObject().field("nref", c.nRef()).field("nsys", c.nSys()).field("tp", c.truePositives())
                .field("f1", c.f1()).field("precision", c.precision()).field("recall", c.recall())
                .field("error_rate", c.errorRate()).field("deletion_rate", c.deletionRate())
                .field("insertion_rate", c.insertionRate()).endObject();
    }
}
