package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiotag.eval.events.EventListFile;
import org.audiotag.eval.events.SoundEvent;
import org.audiotag.models.DetectedEvent;
import org.audiotag.models.EventDetector;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Detects sound events in audio files with an exported model
 * ({@code audiotag detect --model DIR --output EVENTS.tsv [detection options] FILE...}) and writes them in the DCASE
 * layout ({@code filename onset offset event_label}, tab-separated, under that header, seconds with three decimals,
 * {@code filename} the file's name, rows sorted by file then onset), which {@code audiotag evaluate-events} reads.
 * Prints one line per file, {@code FILE: N events}. The layout names a file by its name alone, so two files of one
 * name are refused before anything is scored.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Detect sound events (onset, offset, tag) in audio files; write a DCASE event list.")
final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Exported model (RUN_DIR/model); "
            + "repeat it to average the probabilities of several models with the same tags and features.")
    List<Path> models;

    @Option(names = "--output", required = true, paramLabel = "EVENTS.tsv",
            description = "Event list to write (DCASE layout: filename, onset, offset, event_label).")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (WAV, FLAC, Ogg Vorbis).")
    List<Path> files;

    @Mixin
    DetectionOptions detection = new DetectionOptions();

    /** Detects the events of every file and writes the list. Returns 0; unreadable input ends with 2. */
    @Override
    public Integer call() throws IOException {
        var config = detection.config(spec.commandLine(), models.get(0));
        Map<String, Path> byName = new HashMap<>();
        for (Path f : files) {
            Path first = byName.putIfAbsent(f.getFileName().toString(), f);
            if (first != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), InputFiles.shown(f)
                        + " has the same file name as " + InputFiles.shown(first) + "; the event list names files "
                        + "by name alone");
            }
            try {
                InputFiles.requireReadableFile(f);
            } catch (IOException e) {
                throw CliException.cannotRead(f, e);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        List<SoundEvent> all = new ArrayList<>();
        try (DetectionModels loaded = DetectionModels.load(models)) {
            EventDetector detector = loaded.detector(spec.commandLine(), config);
            for (Path f : files) {
                List<DetectedEvent> events;
                try {
                    events = detector.detect(f);
                } catch (IOException e) {
                    throw CliException.cannotRead(f, e);
                } catch (IllegalArgumentException e) {
                    throw CliException.badInput(f, e);
                }
                String name = f.getFileName().toString();
                List<SoundEvent> mine = new ArrayList<>();
                for (DetectedEvent e : events) {
                    mine.add(new SoundEvent(name, e.onset(), e.offset(), e.label()));
                }
                mine.sort(Comparator.comparingDouble(SoundEvent::onset).thenComparing(SoundEvent::label));
                all.addAll(mine);
                o.println(name + ": " + mine.size() + " events");
                o.flush();
            }
        }
        Path abs = output.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            EventListFile.write(abs, all);
        } catch (IOException e) {
            throw CliException.cannotWrite(output, e);
        }
        o.println("events: " + abs);
        o.flush();
        return 0;
    }
}
