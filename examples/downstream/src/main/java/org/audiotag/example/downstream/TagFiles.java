package org.audiotag.example.downstream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.audiotag.models.TagScore;
import org.audiotag.models.Tagger;

/**
 * Example application: {@code java -m org.audiotag.example.downstream/org.audiotag.example.downstream.TagFiles
 * MODEL_DIR FILE...} prints the three most probable tags of each file. Tagging needs only audiotag-models (which
 * brings audiotag-features and TensorFlow with it).
 */
public final class TagFiles {

    private TagFiles() {
    }

    /**
     * Tags each file with the model and returns one line per file.
     *
     * @param model an exported model directory ({@code RUN_DIR/model} of {@code audiotag train})
     * @param files audio files
     * @param k tags per file
     * @return lines {@code name tag:probability ...}
     * @throws IOException if the model or a file cannot be read
     */
    public static List<String> tag(Path model, List<Path> files, int k) throws IOException {
        try (Tagger tagger = Tagger.load(model)) {
            List<String> out = new java.util.ArrayList<>();
            for (Path f : files) {
                List<TagScore> top = tagger.tag(f, k);
                out.add(f.getFileName() + " " + top.stream()
                        .map(t -> String.format(java.util.Locale.ROOT, "%s:%.3f", t.tag(), t.probability()))
                        .collect(Collectors.joining(" ")));
            }
            return out;
        }
    }

    /**
     * @param args model directory then audio files
     * @throws IOException if the model or a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TagFiles MODEL_DIR FILE...");
            System.exit(2);
        }
        List<Path> files = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
        tag(Path.of(args[0]), files, 3).forEach(System.out::println);
    }
}
