package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiotag.models.DetectionConfig;
import org.audiotag.models.EventDetector;
import org.audiotag.models.IncompatibleModelsException;
import org.audiotag.models.Tagger;
import picocli.CommandLine;

/**
 * The models of {@code detect}, {@code listen} and {@code bench detect} ({@code --model}, repeatable): loaded together,
 * closed together, and made into one {@link EventDetector} that averages their probabilities when there are several.
 */
final class DetectionModels implements AutoCloseable {

    private final List<Path> dirs;
    private final List<Tagger> taggers;

    private DetectionModels(List<Path> dirs, List<Tagger> taggers) {
        this.dirs = dirs;
        this.taggers = taggers;
    }

    /**
     * Loads every model; if one cannot be read, closes those already loaded and fails naming it.
     *
     * @param dirs exported model folders, at least one
     * @return the loaded models
     */
    static DetectionModels load(List<Path> dirs) {
        List<Tagger> loaded = new ArrayList<>();
        for (Path d : dirs) {
            try {
                loaded.add(Tagger.load(d));
            } catch (IOException e) {
                loaded.forEach(Tagger::close);
                throw CliException.cannotRead(d, e);
            } catch (RuntimeException e) {
                loaded.forEach(Tagger::close);
                throw e;
            }
        }
        return new DetectionModels(List.copyOf(dirs), List.copyOf(loaded));
    }

    /**
     * The detector on these models with the given settings; settings the models reject are a usage error.
     *
     * @param cl the command line (for usage errors)
     * @param config the settings
     * @return the detector
     */
    EventDetector detector(CommandLine cl, DetectionConfig config) {
        try {
            return EventDetector.of(taggers, config);
        } catch (IncompatibleModelsException e) {
            throw new CommandLine.ParameterException(cl, "--model " + dirs + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "detection settings: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        taggers.forEach(Tagger::close);
    }
}
