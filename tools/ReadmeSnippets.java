import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the code blocks of a Markdown file identical to the files they show.
 *
 * <p>A block is tied to a file by an HTML comment on the line before its opening fence:
 * {@code <!-- snippet: examples/quickstart/src/main/java/quickstart/Features.java -->}. The path is relative to the
 * Markdown file's folder. {@code check} exits with status 1 and names every block that differs from its file (or
 * whose file is missing); {@code sync} rewrites the blocks from the files. Run it as a single-file program:
 * {@code java tools/ReadmeSnippets.java check README.md}.
 */
public final class ReadmeSnippets {

    private static final Pattern MARKER = Pattern.compile("^<!--\\s*snippet:\\s*(\\S+)\\s*-->\\s*$");

    private ReadmeSnippets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[0].equals("check") || args[0].equals("sync"))) {
            System.err.println("usage: java tools/ReadmeSnippets.java check|sync FILE.md");
            System.exit(2);
        }
        boolean sync = args[0].equals("sync");
        Path md = Path.of(args[1]);
        Path base = md.toAbsolutePath().getParent();
        List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int blocks = 0;
        int problems = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            Matcher m = MARKER.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                System.err.println(md + ":" + (i + 1) + ": snippet marker not followed by a code fence");
                problems++;
                continue;
            }
            int open = i + 1;
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).equals("```")) {
                close++;
            }
            if (close >= lines.size()) {
                System.err.println(md + ":" + (open + 1) + ": code fence never closed");
                System.exit(1);
            }
            blocks++;
            List<String> shown = lines.subList(open + 1, close);
            Path file = base.resolve(m.group(1)).normalize();
            List<String> actual;
            if (!Files.isRegularFile(file)) {
                System.err.println(md + ":" + (i + 1) + ": " + m.group(1) + ": no such file");
                problems++;
                actual = shown;
            } else {
                actual = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!actual.equals(shown)) {
                    if (!sync) {
                        System.err.println(md + ":" + (open + 2) + ": block differs from " + m.group(1)
                                + " (run: java tools/ReadmeSnippets.java sync " + md + ")");
                    }
                    problems += sync ? 0 : 1;
                }
            }
            out.add(lines.get(open));
            out.addAll(sync ? actual : shown);
            out.add(lines.get(close));
            i = close;
        }
        if (sync) {
            Files.write(md, out, StandardCharsets.UTF_8);
        }
        if (blocks == 0) {
            System.err.println(md + ": no snippet blocks found");
            System.exit(1);
        }
        if (problems > 0) {
            System.exit(1);
        }
        System.err.println(md + ": " + blocks + " snippet blocks " + (sync ? "synced" : "match their files"));
    }
}
