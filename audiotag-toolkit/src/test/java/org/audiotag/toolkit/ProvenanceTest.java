package org.audiotag.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    static final Map<String, String> TRICKY = new LinkedHashMap<>();

    static {
        TRICKY.put(Provenance.VERSION, Version.get());
        TRICKY.put(Provenance.ARCHITECTURE, "dcnn");
        TRICKY.put(Provenance.SEED, "42");
        TRICKY.put("features.config", "sr=44100, n_fft=2048: mel #1 !x");
        TRICKY.put("multi\nline key", "a\\b\tc\r\nd\fe\u0001");
        TRICKY.put("spaces", "  leading and trailing  ");
        TRICKY.put("key with = and :", "ü € \uD83D\uDE00");
        TRICKY.put("empty", "");
        TRICKY.put("trailing backslash", "C:\\dir\\");
    }

    @Test
    void writeThenReadKeepsEveryEntryInOrder(@TempDir Path dir) throws IOException {
        Provenance p = Provenance.of(TRICKY);
        Path f = dir.resolve("p.properties");
        p.write(f, "audiotag test\nprovenance");
        Provenance back = Provenance.read(f);
        assertThat(back).isEqualTo(p);
        assertThat(List.copyOf(back.asMap().keySet())).isEqualTo(List.copyOf(TRICKY.keySet()));
        assertThat(Files.readString(f)).startsWith("# audiotag test provenance\naudiotag.version=" + Version.get());
        // java.util.Properties reads the same entries (with a UTF-8 reader)
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        assertThat(props).hasSize(TRICKY.size());
        TRICKY.forEach((k, v) -> assertThat(props.getProperty(k)).as(k).isEqualTo(v));
    }

    @Test
    void readsWhatPropertiesStoreWrote(@TempDir Path dir) throws IOException {
        Properties props = new Properties();
        TRICKY.forEach(props::setProperty);
        Path f = dir.resolve("stored.properties");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            props.store(w, "stored by java.util.Properties");
        }
        assertThat(Provenance.read(f).asMap()).isEqualTo(TRICKY);
        // hand-written variants: ':' separator, spaces around '=', continuation lines, '!' comments
        Path g = Files.writeString(dir.resolve("hand.properties"),
                "! comment\n  a : 1\nb = 2\\\n    3\n\n# done\nc=\\u0041\n");
        assertThat(Provenance.read(g).asMap()).containsExactly(Map.entry("a", "1"), Map.entry("b", "23"),
                Map.entry("c", "A"));
    }

    @Test
    void badLinesAreNamedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path noSep = Files.writeString(dir.resolve("a.properties"), "# c\nx=1\njust text\n");
        assertThatThrownBy(() -> Provenance.read(noSep)).hasMessage(noSep + ":3: no '=' between key and value in "
                + "'just text'");
        Path twice = Files.writeString(dir.resolve("b.properties"), "x=1\ny=2\nx=3\n");
        assertThatThrownBy(() -> Provenance.read(twice)).hasMessage(twice + ":3: key 'x' repeated (first on line 1)");
        Path badU = Files.writeString(dir.resolve("c.properties"), "x=\\u12\n");
        assertThatThrownBy(() -> Provenance.read(badU)).hasMessageStartingWith(badU + ":1: malformed \\uXXXX escape");
        Path badHex = Files.writeString(dir.resolve("d.properties"), "\n\nx=\\uZZZZ\n");
        assertThatThrownBy(() -> Provenance.read(badHex)).hasMessageStartingWith(badHex + ":3: malformed");
        Path empty = Files.writeString(dir.resolve("e.properties"), "=1\n");
        assertThatThrownBy(() -> Provenance.read(empty)).hasMessage(empty + ":1: empty key");
        Path latin1 = Files.write(dir.resolve("f.properties"), new byte[] {'x', '=', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Provenance.read(latin1)).hasMessage(latin1 + ": not UTF-8 text");
    }

    @Test
    void withReplacesInPlaceOrAppends() {
        Provenance p = Provenance.builder().put("a", "1").put("b", "2").build();
        Provenance q = p.with("a", "9").with("c", "3");
        assertThat(List.copyOf(q.asMap().entrySet())).containsExactly(Map.entry("a", "9"), Map.entry("b", "2"),
                Map.entry("c", "3"));
        assertThat(p.get("a")).isEqualTo("1");
        assertThat(q.get("zz")).isNull();
        assertThat(q.size()).isEqualTo(3);
        assertThat(Provenance.empty().size()).isZero();
        assertThat(p).isNotEqualTo(Provenance.builder().put("b", "2").put("a", "1").build());
        assertThatThrownBy(() -> p.with("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.with("k", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'k'");
        assertThatThrownBy(() -> q.asMap().put("d", "4")).isInstanceOf(UnsupportedOperationException.class);
    }
}
