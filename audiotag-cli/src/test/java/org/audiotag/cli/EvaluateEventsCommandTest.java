package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiotag evaluate-events} on a hand-worked pair of event lists, and its exit code on bad input. */
class EvaluateEventsCommandTest {
    private static final String NL = System.lineSeparator();

    static Path truth(Path dir) throws Exception {
        return Files.writeString(dir.resolve("T.tsv"), "filename\tonset\toffset\tevent_label\n"
                + "r.wav\t1.000\t2.000\tdog\nr.wav\t3.000\t4.000\tdog\nr.wav\t5.000\t6.000\tcat\n"
                + "r.wav\t7.000\t8.000\tbird\n");
    }

    static Path predicted(Path dir) throws Exception {
        return Files.writeString(dir.resolve("P.tsv"), "filename\tonset\toffset\tevent_label\n"
                + "r.wav\t1.100\t2.500\tdog\nr.wav\t3.050\t4.000\tcat\nr.wav\t5.300\t6.000\tcat\n"
                + "r.wav\t9.000\t9.500\tbird\n");
    }

    @Test
    void printsSegmentAndEventScoresWorkedOutByHand(@TempDir Path dir) throws Exception {
        // segments of 1 s, 10 of them (max offset 9.5): truth dog 1,3 cat 5 bird 7; predicted dog 1,2 cat 3,5
        // bird 9. seg 1 hit; 2 insertion; 3 dog->cat substitution; 5 hit; 7 deletion; 9 insertion:
        // Nref 4, Nsys 5, Ntp 2, S 1, D 1, I 2 -> P 0.4, R 0.5, F1 4/9, ER 4/4
        // events, onset collar 0.2: dog@1.0-dog@1.1 hit; dog@3.0 ~ cat@3.05 substitution; cat@5.0 vs 5.3 and
        // bird@7 vs 9 miss: Ntp 1, S 1, D 2, I 2 -> F1 0.25, ER 5/4
        CliRun r = run("evaluate-events", "--truth", truth(dir).toString(), "--predicted", predicted(dir).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("files 1" + NL, "segment_length 1.000" + NL, "segment_f1 0.4444" + NL,
                "segment_precision 0.4000" + NL, "segment_recall 0.5000" + NL, "segment_error_rate 1.0000" + NL,
                "segment_substitution_rate 0.2500" + NL, "segment_insertion_rate 0.5000" + NL,
                "event_collar 0.200" + NL, "event_offsets ignored" + NL, "event_f1 0.2500" + NL,
                "event_error_rate 1.2500" + NL);
        // class-wise: cat segments Nref 1 Nsys 2 Ntp 1 -> F1 2/3, ER 1; events Nref 1 Nsys 2 Ntp 0 -> F1 0, ER 3
        assertThat(r.out()).contains("| cat | 1 | 2 | 0.6667 | 1.0000 | 1 | 2 | 0.0000 | 3.0000 |" + NL,
                "| dog | 2 | 2 | 0.5000 | 1.0000 | 2 | 1 | 0.6667 | 0.5000 |" + NL);

        Path json = dir.resolve("out.json");
        CliRun withJson = run("evaluate-events", "--truth", truth(dir).toString(), "--predicted",
                predicted(dir).toString(), "--evaluate-offset", "--segment-length", "0.5", "--json", json.toString());
        assertThat(withJson.exit()).as(withJson.err()).isZero();
        assertThat(withJson.out()).contains("event_offsets evaluated" + NL, "segment_length 0.500" + NL);
        String text = Files.readString(json);
        assertThat(text).contains("\"segment_based\": {", "\"segment_length\": 0.5", "\"evaluated\": \"onset and"
                + " offset\"", "\"matching\": \"optimal\"", "\"label\": \"bird\"");
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path t = truth(dir);
        Path bad = Files.writeString(dir.resolve("BAD.tsv"), "filename\tonset\toffset\tevent_label\n"
                + "r.wav\t3\t1\tdog\n");
        CliRun r = run("evaluate-events", "--truth", t.toString(), "--predicted", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("audiotag: " + bad + ":2: offset 1 is before onset 3" + NL);
        CliRun missing = run("evaluate-events", "--truth", dir.resolve("none.tsv").toString(), "--predicted",
                bad.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.tsv").hasLineCount(1);
        CliRun segment = run("evaluate-events", "--truth", t.toString(), "--predicted", t.toString(),
                "--segment-length", "0");
        assertThat(segment.exit()).isEqualTo(2);
        assertThat(segment.err()).contains("--segment-length");
        CliRun empty = run("evaluate-events", "--truth", t.toString(), "--predicted",
                Files.writeString(dir.resolve("E.tsv"), "").toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("E.tsv: empty file");
    }
}
