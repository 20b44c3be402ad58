package org.audiotag.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    static List<Csv.Row> parse(String text) throws IOException {
        try (Csv.Reader r = Csv.reader(new StringReader(text), "T.csv")) {
            return r.readAll();
        }
    }

    static Csv.MalformedException malformed(String text) {
        try {
            parse(text);
        } catch (Csv.MalformedException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void quotingRoundTripsCommasQuotesAndLineBreaks() throws IOException {
        List<String> tricky = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rlf\r\n", "\"", ",", "ü €",
                "", " lead", "trail ", "#hash", "!bang");
        StringBuilder text = new StringBuilder(Csv.line("k", "v"));
        for (String t : tricky) {
            text.append(Csv.line(t, t + "|" + t, 1.5, null));
        }
        List<Csv.Row> rows = parse(text.toString());
        assertThat(rows).hasSize(tricky.size() + 1);
        for (int i = 0; i < tricky.size(); i++) {
            String t = tricky.get(i);
            // the header is 2 wide: the trailing empty 4th field (null) is dropped as a trailing empty field
            assertThat(rows.get(i + 1).fields()).containsExactly(t, t + "|" + t, "1.5");
        }
        assertThat(Csv.line("a", "b,c", "d\"e", "f\ng")).isEqualTo("a,\"b,c\",\"d\"\"e\",\"f\ng\"\n");
        assertThat(Csv.line(List.of("x", 2))).isEqualTo("x,2\n");
    }

    @Test
    void recordsKnowTheLineTheyStartOn() throws IOException {
        String text = "\uFEFFfname,labels\r\na.wav,\"Bark,Dog\"\r\n\"b,\"\"q\"\".wav\",\"line\nbreak\"\n\n"
                + "   \nc.wav,\rd.wav,x\r\n\"e\r\n\r\nf\",y\nlast,z";
        List<Csv.Row> rows = parse(text);
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1L, 2L, 3L, 7L, 8L, 9L, 12L);
        assertThat(rows.get(0).fields()).containsExactly("fname", "labels");
        assertThat(rows.get(1).fields()).containsExactly("a.wav", "Bark,Dog");
        assertThat(rows.get(2).fields()).containsExactly("b,\"q\".wav", "line\nbreak");
        assertThat(rows.get(3).fields()).containsExactly("c.wav", "");
        assertThat(rows.get(4).fields()).containsExactly("d.wav", "x");
        assertThat(rows.get(5).fields()).containsExactly("e\r\n\r\nf", "y");
        assertThat(rows.get(6).fields()).containsExactly("last", "z");
    }

    @Test
    void quotingErrorsNameTheLine() {
        Csv.MalformedException stray = malformed("a,b\nx,y\nx,y\"z\nok,ok\n");
        assertThat(stray.line()).isEqualTo(3);
        assertThat(stray).hasMessage("T.csv:3: double quote inside an unquoted field");
        assertThat(stray.problem()).isEqualTo("double quote inside an unquoted field");
        assertThat(stray.source()).isEqualTo("T.csv");
        assertThat(malformed("a,b\nx,\"y\"z\n")).hasMessage("T.csv:2: unexpected character 'z' after a closing quote");
        assertThat(malformed("a,b\nx,\"y\" ,z\n")).hasMessage(
                "T.csv:2: unexpected character U+0020 after a closing quote");
        assertThat(malformed("a,b\nx,y\nx,\"open\nmore\n")).hasMessage(
                "T.csv:3: quoted field opened on line 3 is not closed before the end of the file");
        assertThat(malformed(" \"a\",b\n").line()).isEqualTo(1);
    }

    @Test
    void recordsBeforeAnErrorAreStillDelivered() throws IOException {
        StringBuilder sb = new StringBuilder("h1,h2\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("row").append(i).append(",v\n"); // far more than one read-ahead buffer
        }
        sb.append("bad,x\"y\n");
        List<Csv.Row> seen = new ArrayList<>();
        try (Csv.Reader r = Csv.reader(new StringReader(sb.toString()), "big.csv")) {
            assertThatThrownBy(() -> {
                Csv.Row row;
                while ((row = r.next()) != null) {
                    seen.add(row);
                }
            }).isInstanceOf(Csv.MalformedException.class).hasMessage("big.csv:5002: double quote inside an "
                    + "unquoted field");
        }
        assertThat(seen).hasSize(5001);
        assertThat(seen.get(5000).line()).isEqualTo(5001);
    }

    @Test
    void trailingEmptyFieldsBeyondTheFirstRecordAreDropped() throws IOException {
        List<Csv.Row> rows = parse("a,b\n1,2,\n3,,\n4,5,,,\n6,7,8\n9,\n");
        assertThat(rows.get(1).fields()).containsExactly("1", "2");
        assertThat(rows.get(2).fields()).containsExactly("3", "");
        assertThat(rows.get(3).fields()).containsExactly("4", "5");
        assertThat(rows.get(4).fields()).containsExactly("6", "7", "8");
        assertThat(rows.get(5).fields()).containsExactly("9", "");
    }

    @Test
    void filesAreStrictUtf8(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("ok.csv"), "\uFEFFa,b\nü,€\n");
        assertThat(Csv.readAll(ok)).extracting(Csv.Row::fields).containsExactly(List.of("a", "b"),
                List.of("ü", "€"));
        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'a', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Csv.readAll(latin1)).isInstanceOf(Csv.MalformedException.class)
                .hasMessage(latin1 + ": not UTF-8 text");
        assertThatThrownBy(() -> Csv.readAll(dir.resolve("none.csv"))).isInstanceOf(NoSuchFileException.class);
        assertThat(Csv.readAll(Files.writeString(dir.resolve("empty.csv"), ""))).isEmpty();
        assertThat(Csv.readAll(Files.writeString(dir.resolve("blank.csv"), "\n \n\r\n"))).isEmpty();
    }

    @Test
    void headersAreComparedWithoutSurroundingSpace() throws IOException {
        Csv.Row h = parse(" fname , labels ,extra\n").get(0);
        assertThat(h.startsWith("fname", "labels")).isTrue();
        assertThat(h.matches("fname", "labels")).isFalse();
        assertThat(h.matches("fname", "labels", "extra")).isTrue();
        assertThat(h.startsWith("labels")).isFalse();
        assertThat(h.startsWith("fname", "labels", "extra", "more")).isFalse();
    }

    @Test
    void listsInAFieldDropEmptyAndRepeatedItems() {
        assertThat(Csv.splitList("Bark, Dog ,,Bark,")).containsExactly("Bark", "Dog");
        assertThat(Csv.splitList("")).isEmpty();
        assertThat(Csv.splitList(" , ")).isEmpty();
    }

    @Test
    void valuesInMessagesAreCut() {
        assertThat(Csv.quoted("Cat")).isEqualTo("'Cat'");
        String sixty = "x".repeat(60);
        assertThat(Csv.quoted(sixty)).isEqualTo("'" + sixty + "'");
        assertThat(Csv.quoted(sixty + "yz")).isEqualTo("'" + sixty + "…'");
        // cut on code points, never inside a surrogate pair
        String emoji = "\uD83D\uDE00".repeat(61);
        assertThat(Csv.quoted(emoji)).isEqualTo("'" + "\uD83D\uDE00".repeat(60) + "…'");
        assertThat(Csv.quoted(List.of("a", "b"))).isEqualTo("['a', 'b']");
        assertThat(Csv.quoted((String) null)).isEqualTo("null");
    }
}
