package org.audiotag.example.tagging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.audiotag.models.TagScore;
import org.audiotag.models.Tagger;

/** Prints the top tags of audio files according to a model exported by audiotag (a {@code RUN_DIR/model} folder). */
public final class TagApp {

    private TagApp() {
    }

    /**
     * Tags files with one model; the model is loaded once and closed at the end.
     *
     * @param modelDir the exported model folder
     * @param files audio files (WAV, FLAC or Ogg Vorbis, any sample rate)
     * @param k how many tags per file
     * @return one line per file: its name, then {@code tag:probability} pairs by decreasing probability
     * @throws IOException if the model cannot be loaded or a file cannot be decoded (the message names it)
     */
    public static List<String> tag(Path modelDir, List<Path> files, int k) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Tagger tagger = Tagger.load(modelDir)) {
            for (Path f : files) {
                StringBuilder line = new StringBuilder(f.getFileName().toString());
                for (TagScore s : tagger.tag(f, k)) {
                    line.append(String.format(Locale.ROOT, " %s:%.4f", s.tag(), s.probability()));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /**
     * Command-line entry: {@code MODEL_DIR FILE...}; prints the top 3 tags of each file.
     *
     * @param args the model folder, then the audio files
     * @throws IOException if the model or a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TagApp MODEL_DIR FILE...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        tag(Path.of(args[0]), files, 3).forEach(System.out::println);
    }
}
