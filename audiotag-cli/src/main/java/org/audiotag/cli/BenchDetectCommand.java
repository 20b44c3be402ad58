package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.audiotag.eval.events.EventBasedMetrics;
import org.audiotag.eval.events.EventListFile;
import org.audiotag.eval.events.SegmentBasedMetrics;
import org.audiotag.eval.events.SoundEvent;
import org.audiotag.models.DetectedEvent;
import org.audiotag.models.DetectionConfig;
import org.audiotag.models.EventDetector;
import org.audiotag.models.PcmEncoding;
import org.audiotag.models.StreamingTagger;
import org.audiotag.models.WindowScores;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LabeledClip;
import org.audiotag.train.data.LoadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures sound event detection on seeded recordings of clips a model never trained on
 * ({@code audiotag bench detect --model DIR [--fold 5] [--recordings N] [--seconds S] [--seed N] [--tune]
 * [--out DIR] [detection options]}).
 *
 * <p>The fold's clips (default ESC-10 fold 5, which the demo model does not train on) are split per class, by file
 * name order, into a validation half (even positions) and a test half (odd positions). From each half it builds
 * {@code N} recordings ({@link EventRecordings}: pink noise at -50 dBFS RMS ({@code --noise-dbfs}), 2 to 5 sounds,
 * each the 40-dB trimmed active region of a clip, at seeded random times without overlap). With {@code --tune} it
 * searches the detection settings (median 1-21 windows, onset 0.2-0.8, offset 0.1-onset, minimum duration 0-1 s, gap
 * 0-1 s, one tag at a time or not, at the hop given; only settings whose {@link EventDetector#reportDelaySeconds()} is
 * at most one window plus one hop) for the best micro segment F1 on the validation recordings, then per-tag thresholds
 * from there, prints both and measures both on the test recordings too (with {@code detect}, and whether
 * {@code listen} gives the same events). It chooses between the two by two-fold cross-validation on the validation
 * recordings (each half tunes both, scored on the other half), and {@code --save} writes the chosen settings, tuned on
 * all the validation recordings. On the test recordings it prints
 * the micro segment-based F1 and error rate (1-s segments) and the event-based F1 (200 ms onset collar) of
 * <ul>
 *   <li>{@code detect}: {@link EventDetector#detect(Path)} on the recordings written as 16-bit WAV files;</li>
 *   <li>{@code listen}: a {@link StreamingTagger} fed the same samples as s16le bytes in seeded random chunks of 1 to
 *       16384 bytes (as {@code audiotag listen} reads them), and whether its events equal detect's;</li>
 *   <li>{@code naive}: 2-s windows every 2 s thresholded at 0.5, no smoothing.</li>
 * </ul>
 * {@code --out DIR} keeps the recordings (with {@code --tune}, the validation ones too), their truth and the three
 * event lists (DCASE layout); without it the recordings are written to a temporary folder, deleted at the end.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Segment F1 of detect, listen and naive 2-s windows on seeded recordings of unseen clips.")
final class BenchDetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Exported model (RUN_DIR/model); "
            + "repeat it to average the probabilities of several models with the same tags and features.")
    List<Path> models;

    @Option(names = "--data", paramLabel = "DIR", description = "ESC-10 folder (default: the project's data/esc10).")
    Path data;

    @Option(names = "--fold", defaultValue = "5", description = "Fold of unseen clips (default: ${DEFAULT-VALUE}).")
    int fold;

    @Option(names = "--recordings", defaultValue = "10",
            description = "Recordings per half (default: ${DEFAULT-VALUE}).")
    int recordings;

    @Option(names = "--seconds", defaultValue = "40",
            description = "Length of a recording (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise-dbfs", defaultValue = "-50",
            description = "RMS level of the pink-noise background, dBFS (default: ${DEFAULT-VALUE}).")
    double noiseDbfs;

    @Option(names = "--validation-recordings", paramLabel = "N",
            description = "Recordings of the validation half for --tune (default: as --recordings).")
    Integer validationRecordings;

    @Option(names = "--tune", description = "Search the detection settings on the validation half; print the best.")
    boolean tune;

    @Option(names = "--save", description = "With --tune: write the tuned settings (global, or per tag when "
            + "cross-validation on the validation recordings prefers them) into the model's folder as "
            + "detection.properties, which detect and listen then start from.")
    boolean save;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Keep recordings (test, and validation with --tune), truth and event lists here.")
    Path out;

    @Mixin
    DetectionOptions detection = new DetectionOptions();

    /** Builds the recordings, optionally tunes, measures and prints. Returns 0. */
    @Override
    public Integer call() throws IOException {
        if (recordings < 1 || !(seconds >= 5)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recordings must be >= 1 and --seconds "
                    + ">= 5, got " + recordings + " and " + seconds);
        }
        if (save && !tune) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--save needs --tune (it saves the tuned "
                    + "settings)");
        }
        DetectionConfig config = detection.config(spec.commandLine(), models.get(0));
        PrintWriter o = spec.commandLine().getOut();
        Path esc = data != null ? data : DemoCommand.projectRoot().resolve("data/esc10");
        if (!Files.isRegularFile(esc.resolve("labels.csv"))) {
            throw new CliException(Main.EXIT_USAGE, esc + ": no ESC-10 labels.csv (use --data DIR)");
        }
        Dataset ds = Datasets.esc10(esc, LoadOptions.defaults());
        if (!ds.folds().contains(fold)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fold " + fold + ": the data's folds are "
                    + ds.folds());
        }
        Map<String, List<LabeledClip>> byClass = new TreeMap<>();
        for (int i : ds.indicesOfFolds(fold)) {
            LabeledClip c = ds.clip(i);
            byClass.computeIfAbsent(c.labels().get(0), k -> new ArrayList<>()).add(c);
        }
        List<EventRecordings.Source> validation = new ArrayList<>();
        List<EventRecordings.Source> test = new ArrayList<>();
        for (List<LabeledClip> clips : byClass.values()) {
            clips.sort(Comparator.comparing(c -> c.file().getFileName().toString()));
            for (int i = 0; i < clips.size(); i++) {
                (i % 2 == 0 ? validation : test).add(new EventRecordings.Source(clips.get(i).file(),
                        clips.get(i).labels().get(0)));
            }
        }
        if (!(noiseDbfs <= 0) || validationRecordings != null && validationRecordings < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--noise-dbfs must be <= 0 and "
                    + "--validation-recordings >= 1");
        }
        EventRecordings gen = new EventRecordings(44100, seconds, noiseDbfs, 40, 2, 5);
        List<EventRecordings.Recording> testRecs = gen.build("test", recordings, test, seed);
        // without --out the test recordings go to a temporary folder, deleted at the end (35 MB for 10 of 40 s)
        Path dir = out != null ? out : Files.createTempDirectory("audiotag-bench-detect");
        try {
            Files.createDirectories(dir);
            for (EventRecordings.Recording r : testRecs) {
                r.writeWav(dir.resolve(r.name()));
            }
            List<SoundEvent> truth = truthOf(testRecs);
            EventListFile.write(dir.resolve("test-truth.tsv"), truth);
            o.printf(Locale.ROOT, "fold %d: %d validation clips, %d test clips; %d test recordings of %.0f s, "
                    + "noise %.0f dBFS, seed %d%s%n", fold, validation.size(), test.size(), recordings, seconds,
                    noiseDbfs, seed, out != null ? "; files in " + dir : "");
            try (DetectionModels loaded = DetectionModels.load(models)) {
                EventDetector detector = loaded.detector(spec.commandLine(), config);
                Tuned tuned = null;
                if (tune) {
                    tuned = tuneAndSave(o, dir, detector, gen.build("validation",
                            validationRecordings != null ? validationRecordings : recordings, validation, seed + 1));
                }
                measure(o, dir, detector, testRecs, truth, tuned);
            }
        } finally {
            if (out == null) {
                AtomicFiles.deleteTree(dir);
            }
        }
        o.flush();
        return 0;
    }

    /**
     * Tunes on the validation recordings (kept in {@code dir} with {@code --out}) and, with {@code --save}, writes the
     * chosen settings into the first model's folder.
     */
    private Tuned tuneAndSave(PrintWriter o, Path dir, EventDetector detector,
            List<EventRecordings.Recording> valRecs) throws IOException {
        if (out != null) {
            for (EventRecordings.Recording r : valRecs) {
                r.writeWav(dir.resolve(r.name()));
            }
            EventListFile.write(dir.resolve("validation-truth.tsv"), truthOf(valRecs));
        }
        Tuned tuned = tune(o, detector, valRecs);
        if (save) {
            Path file = models.get(0).resolve(DetectionConfig.FILE_NAME);
            tuned.chosen().write(file, String.format(Locale.ROOT, "tuned by audiotag bench detect --tune on "
                    + "%d validation recordings (fold %d, seed %d, noise %.0f dBFS): segment F1 %.4f",
                    valRecs.size(), fold, seed + 1, noiseDbfs, tuned.chosenF1()));
            o.printf(Locale.ROOT, "saved %s to %s%n", tuned.chosen(), file);
        }
        return tuned;
    }

    /**
     * Measures {@code detect}, {@code listen} and naive windows on the test recordings (written in {@code dir}) with
     * the settings given, then, if tuned, with the tuned global and per-tag settings; prints each and writes the
     * event lists into {@code dir}.
     */
    private void measure(PrintWriter o, Path dir, EventDetector detector, List<EventRecordings.Recording> testRecs,
            List<SoundEvent> truth, Tuned tuned) throws IOException {
        List<SoundEvent> detected = new ArrayList<>();
        List<SoundEvent> listened = new ArrayList<>();
        List<SoundEvent> naive = new ArrayList<>();
        EventDetector naiveDetector = detector.withConfig(DetectionConfig.builder()
                .hopSeconds((double) detector.windowSamples() / detector.sampleRate()).medianFrames(1)
                .thresholds(0.5, 0.5).minDurationSeconds(0).maxGapSeconds(0).build());
        SplittableRandom chunks = new SplittableRandom(seed + 2);
        boolean same = true;
        // each test file is scored once: detect(file) = events(windowScores(file)) under every setting of this hop
        List<WindowScores> testScores = new ArrayList<>();
        for (EventRecordings.Recording r : testRecs) {
            testScores.add(detector.windowScores(dir.resolve(r.name())));
            List<DetectedEvent> d = detector.events(testScores.get(testScores.size() - 1));
            List<DetectedEvent> l = listen(detector, r, chunks);
            same &= d.equals(l);
            add(detected, r.name(), d);
            add(listened, r.name(), l);
            add(naive, r.name(), naiveDetector.detect(dir.resolve(r.name())));
        }
        EventListFile.write(dir.resolve("test-detect.tsv"), detected);
        EventListFile.write(dir.resolve("test-listen.tsv"), listened);
        EventListFile.write(dir.resolve("test-naive.tsv"), naive);
        o.printf(Locale.ROOT, "settings %s%n", detector.config());
        report(o, "detect", truth, detected);
        report(o, "listen", truth, listened);
        report(o, "naive", truth, naive);
        o.printf(Locale.ROOT, "listen events identical to detect: %s%n", same ? "yes" : "no");
        if (tuned != null) {
            String[] names = {"tuned", "tuned-per-tag"};
            DetectionConfig[] configs = {tuned.global(), tuned.perTag()};
            for (int i = 0; i < 2; i++) {
                EventDetector d = detector.withConfig(configs[i]);
                List<SoundEvent> t = new ArrayList<>();
                boolean streamed = true;
                for (int k = 0; k < testRecs.size(); k++) {
                    EventRecordings.Recording r = testRecs.get(k);
                    List<DetectedEvent> e = d.events(testScores.get(k));
                    streamed &= e.equals(listen(d, r, chunks));
                    add(t, r.name(), e);
                }
                report(o, names[i], truth, t);
                o.printf(Locale.ROOT, "%s: listen events identical to detect: %s%n", names[i],
                        streamed ? "yes" : "no");
            }
            o.printf(Locale.ROOT, "chosen on validation: %s%n", tuned.perTagChosen() ? names[1] : names[0]);
        }
    }

    /** The events of a {@link StreamingTagger} fed the recording as s16le bytes in random chunks of 1-16384 bytes. */
    private static List<DetectedEvent> listen(EventDetector detector, EventRecordings.Recording r,
            SplittableRandom chunks) {
        List<DetectedEvent> l = new ArrayList<>();
        StreamingTagger live = StreamingTagger.ofPcm(detector, r.sampleRate(), PcmEncoding.S16LE, 1, l::add);
        byte[] bytes = r.s16le();
        for (int p = 0; p < bytes.length; ) {
            int n = Math.min(bytes.length - p, 1 + chunks.nextInt(16384));
            live.accept(bytes, p, n);
            p += n;
        }
        live.finish();
        return l;
    }

    private static void add(List<SoundEvent> to, String name, List<DetectedEvent> events) {
        for (DetectedEvent e : events) {
            to.add(new SoundEvent(name, e.onset(), e.offset(), e.label()));
        }
    }

    private static void report(PrintWriter o, String what, List<SoundEvent> truth, List<SoundEvent> predicted) {
        var seg = SegmentBasedMetrics.evaluate(truth, predicted, 1.0);
        var ev = EventBasedMetrics.evaluate(truth, predicted);
        o.printf(Locale.ROOT, "%-7s segment_f1 %.4f segment_error_rate %.4f event_f1 %.4f events %d (truth %d)%n",
                what, seg.f1(), seg.errorRate(), ev.f1(), predicted.size(), truth.size());
        o.flush();
    }

    /**
     * Tunes the detection settings on the validation recordings ({@link #search}) and chooses between the best
     * global settings and the per-tag thresholds by two-fold cross-validation: the recordings at even and at odd
     * positions each tune both settings, which are scored on the other half; per-tag thresholds are chosen only if
     * their pooled held-out F1 is strictly higher. (Compared on the recordings they were tuned on, per-tag
     * thresholds always look better: they have ten times the freedom.)
     *
     * @return the settings tuned on all the validation recordings, their F1 there, and the cross-validated choice
     */
    private Tuned tune(PrintWriter o, EventDetector detector, List<EventRecordings.Recording> recs) {
        List<WindowScores> scores = new ArrayList<>();
        for (EventRecordings.Recording r : recs) {
            scores.add(detector.windowScores(r.samples(), r.sampleRate()));
        }
        Search all = search(detector, recs, scores);
        o.printf(Locale.ROOT, "tuned on %d validation recordings: %s segment_f1 %.4f%n", recs.size(), all.global(),
                all.globalF1());
        o.printf(Locale.ROOT, "tuned per tag on the same recordings: %s segment_f1 %.4f%n", all.perTag(),
                all.perTagF1());
        o.printf(Locale.ROOT, "validation with the settings given: segment_f1 %.4f%n",
                validationF1(detector, recs, scores, truthOf(recs)));
        if (recs.size() < 2) {
            o.printf(Locale.ROOT, "cross-validation needs 2 validation recordings or more; chosen: global%n");
            o.flush();
            return new Tuned(all, false);
        }
        // two-fold cross-validation of "global or per tag": tune on one half, score on the other, pool both
        List<SoundEvent> truth = new ArrayList<>();
        List<SoundEvent> heldOutGlobal = new ArrayList<>();
        List<SoundEvent> heldOutPerTag = new ArrayList<>();
        for (int fold = 0; fold < 2; fold++) {
            List<EventRecordings.Recording> fitRecs = new ArrayList<>();
            List<WindowScores> fitScores = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int i = 0; i < recs.size(); i++) {
                if (i % 2 == fold) {
                    heldOut.add(i);
                } else {
                    fitRecs.add(recs.get(i));
                    fitScores.add(scores.get(i));
                }
            }
            Search half = search(detector, fitRecs, fitScores);
            for (int i : heldOut) {
                truth.addAll(recs.get(i).truth());
                add(heldOutGlobal, recs.get(i).name(), detector.withConfig(half.global()).events(scores.get(i)));
                add(heldOutPerTag, recs.get(i).name(), detector.withConfig(half.perTag()).events(scores.get(i)));
            }
        }
        double cvGlobal = SegmentBasedMetrics.evaluate(truth, heldOutGlobal, 1.0).f1();
        double cvPerTag = SegmentBasedMetrics.evaluate(truth, heldOutPerTag, 1.0).f1();
        boolean perTag = cvPerTag > cvGlobal + 1e-12;
        o.printf(Locale.ROOT, "cross-validated (two halves, each tuned on the other): global segment_f1 %.4f, per tag "
                + "%.4f; chosen: %s%n", cvGlobal, cvPerTag, perTag ? "per tag" : "global");
        o.flush();
        return new Tuned(all, perTag);
    }

    /**
     * Grid search on validation recordings (scored once; only the post-processing varies), at the detector's hop and
     * from no other setting of it: the global settings first, then per-tag thresholds by coordinate ascent from the
     * best global ones (two passes over the tags). Ties keep the first setting in the search order (smaller median,
     * lower thresholds ...).
     *
     * @return the best global settings and the best with per-tag thresholds, with their F1 on these recordings
     */
    private static Search search(EventDetector detector, List<EventRecordings.Recording> recs,
            List<WindowScores> scores) {
        List<SoundEvent> truth = truthOf(recs);
        double best = -1;
        DetectionConfig bestConfig = null;
        // from scratch at the detector's hop: per-tag thresholds it was given (a saved file, --tag-threshold) would
        // otherwise stay in the "global" settings and be the per-tag search's starting point
        DetectionConfig base = DetectionConfig.builder().hopSeconds(detector.config().hopSeconds()).build();
        double maxDelay = (double) (detector.windowSamples() + detector.hopSamples()) / detector.sampleRate();
        for (int median = 1; median <= 21; median += 2) {
            for (int on = 2; on <= 8; on++) {
                for (int off = 1; off <= on; off++) {
                    for (double minDur : new double[] {0, 0.25, 0.5, 1.0}) {
                        for (double gap : new double[] {0, 0.5, 1.0}) {
                            for (boolean one : new boolean[] {false, true}) {
                                DetectionConfig c = base.toBuilder().medianFrames(median)
                                        .thresholds(on / 10.0, off / 10.0).minDurationSeconds(minDur)
                                        .maxGapSeconds(gap).oneTagAtATime(one).build();
                                EventDetector d = detector.withConfig(c);
                                if (d.reportDelaySeconds() > maxDelay + 1e-9) {
                                    continue; // streaming must report within one window plus one hop
                                }
                                double f1 = validationF1(d, recs, scores, truth);
                                if (f1 > best + 1e-12) {
                                    best = f1;
                                    bestConfig = c;
                                }
                            }
                        }
                    }
                }
            }
        }
        DetectionConfig perTag = bestConfig;
        double bestPerTag = best;
        for (int pass = 0; pass < 2; pass++) {
            for (String tag : detector.tagger().tags()) {
                for (int on = 2; on <= 9; on++) {
                    for (int off = 1; off <= on; off++) {
                        DetectionConfig c = perTag.toBuilder().classThresholds(tag, on / 10.0, off / 10.0).build();
                        double f1 = validationF1(detector.withConfig(c), recs, scores, truth);
                        if (f1 > bestPerTag + 1e-12) {
                            bestPerTag = f1;
                            perTag = c;
                        }
                    }
                }
            }
        }
        return new Search(bestConfig, best, perTag, bestPerTag);
    }

    /** The best settings of a {@link #search} and their F1 on the recordings searched. */
    private record Search(DetectionConfig global, double globalF1, DetectionConfig perTag, double perTagF1) {
    }

    /** The settings {@link #tune} found on all validation recordings, and whether cross-validation chose per tag. */
    private record Tuned(Search all, boolean perTagChosen) {

        DetectionConfig global() {
            return all.global();
        }

        DetectionConfig perTag() {
            return all.perTag();
        }

        /** The per-tag thresholds if cross-validation chose them, else the global settings. */
        DetectionConfig chosen() {
            return perTagChosen ? all.perTag() : all.global();
        }

        /** The validation F1 of {@link #chosen()} (on all the validation recordings). */
        double chosenF1() {
            return perTagChosen ? all.perTagF1() : all.globalF1();
        }
    }

    /** The micro segment F1 (1-s segments) of a detector on recordings whose window scores are given. */
    private static double validationF1(EventDetector d, List<EventRecordings.Recording> recs,
            List<WindowScores> scores, List<SoundEvent> truth) {
        List<SoundEvent> predicted = new ArrayList<>();
        for (int i = 0; i < recs.size(); i++) {
            add(predicted, recs.get(i).name(), d.events(scores.get(i)));
        }
        return SegmentBasedMetrics.evaluate(truth, predicted, 1.0).f1();
    }

    /** The true events of the recordings, in their order. */
    private static List<SoundEvent> truthOf(List<EventRecordings.Recording> recs) {
        List<SoundEvent> truth = new ArrayList<>();
        for (EventRecordings.Recording r : recs) {
            truth.addAll(r.truth());
        }
        return truth;
    }
}
