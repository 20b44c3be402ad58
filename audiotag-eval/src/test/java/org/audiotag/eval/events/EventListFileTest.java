package org.audiotag.eval.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audiotag.eval.io.EvalInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EventListFile}: the DCASE layout written and read back, sed_eval's 3-column layout, and bad rows. */
class EventListFileTest {

    @Test
    void writesTheDcaseLayoutAndReadsItBack(@TempDir Path dir) throws Exception {
        List<SoundEvent> events = List.of(new SoundEvent("a.wav", 0.0, 1.25, "Dog bark"),
                new SoundEvent("b.wav", 2.0004, 3.9996, "Rooster"));
        Path tsv = dir.resolve("events.tsv");
        EventListFile.write(tsv, events);
        assertThat(Files.readString(tsv)).isEqualTo("filename\tonset\toffset\tevent_label\n"
                + "a.wav\t0.000\t1.250\tDog bark\n" + "b.wav\t2.000\t4.000\tRooster\n");
        assertThat(EventListFile.read(tsv)).containsExactly(new SoundEvent("a.wav", 0.0, 1.25, "Dog bark"),
                new SoundEvent("b.wav", 2.0, 4.0, "Rooster"));
        // a header alone is a system that detected nothing
        EventListFile.write(tsv, List.of());
        assertThat(EventListFile.read(tsv)).isEmpty();
    }

    @Test
    void readsRowsWithoutHeaderAndTheThreeColumnLayout(@TempDir Path dir) throws Exception {
        Path noHeader = Files.writeString(dir.resolve("p.tsv"), "a.wav\t1\t2.5\tdog\r\n\n a.wav \t 3 \t4\tcat\n");
        assertThat(EventListFile.read(noHeader)).containsExactly(new SoundEvent("a.wav", 1, 2.5, "dog"),
                new SoundEvent("a.wav", 3, 4, "cat"));
        Path three = Files.writeString(dir.resolve("a001.txt"), "0.5\t1.5\tcar\n2\t3\tspeech\n");
        assertThat(EventListFile.read(three)).containsExactly(new SoundEvent("a001", 0.5, 1.5, "car"),
                new SoundEvent("a001", 2, 3, "speech"));
        Path threeHeader = Files.writeString(dir.resolve("b.tsv"), "onset\toffset\tevent_label\n0\t1\tcar\n");
        assertThat(EventListFile.read(threeHeader)).containsExactly(new SoundEvent("b", 0, 1, "car"));
    }

    @Test
    void badRowsNameTheFileAndLine(@TempDir Path dir) throws Exception {
        assertProblem(dir, "", "e.tsv: empty file");
        assertProblem(dir, "\n  \n", "e.tsv: empty file");
        assertProblem(dir, "filename\tonset\toffset\tevent_label\na.wav\tx\t2\tdog\n",
                "e.tsv:2: onset is not a number of seconds: 'x'");
        assertProblem(dir, "a.wav\t1\tnan\tdog\n", "e.tsv:1: offset is not a number of seconds: 'nan'");
        assertProblem(dir, "a.wav\t3\t2\tdog\n", "e.tsv:1: offset 2 is before onset 3");
        assertProblem(dir, "a.wav\t-1\t2\tdog\n", "e.tsv:1: onset -1 is negative");
        assertProblem(dir, "a.wav\t1\t2\tdog\na.wav\t1\t2\n", "e.tsv:2: expected 4 tab-separated fields");
        assertProblem(dir, "a.wav 1 2 dog\n", "e.tsv:1: expected 4 tab-separated fields (filename, onset, offset,"
                + " event_label) or 3 (onset, offset, event_label), got 1");
        assertProblem(dir, "a.wav\t1\t2\t\n", "e.tsv:1: empty event_label");
        assertProblem(dir, "\t1\t2\tdog\n", "e.tsv:1: empty filename");
        Path bad = dir.resolve("latin1.tsv");
        Files.write(bad, new byte[] {'a', '\t', '1', '\t', '2', '\t', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> EventListFile.read(bad)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("latin1.tsv").hasMessageContaining("not UTF-8");
    }

    @Test
    void soundEventRejectsImpossibleValues() {
        assertThatThrownBy(() -> new SoundEvent("a", 2, 1, "dog")).hasMessageContaining("offset");
        assertThatThrownBy(() -> new SoundEvent("a", Double.NaN, 1, "dog")).hasMessageContaining("onset");
        assertThatThrownBy(() -> new SoundEvent("a", 0, Double.POSITIVE_INFINITY, "dog"))
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> new SoundEvent(" ", 0, 1, "dog")).hasMessageContaining("filename");
        assertThatThrownBy(() -> new SoundEvent("a", 0, 1, "d\tg")).hasMessageContaining("label");
        assertThat(new SoundEvent("a", 1, 1, "dog").duration()).isZero();
    }

    private static void assertProblem(Path dir, String content, String message) throws Exception {
        Path f = Files.writeString(dir.resolve("e.tsv"), content);
        assertThatThrownBy(() -> EventListFile.read(f)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining(message);
    }
}
