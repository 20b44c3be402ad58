package org.audiotag.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audiotag.eval.AveragePrecision;
import org.audiotag.eval.Evaluation;
import org.audiotag.eval.Lrap;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.eval.RocAuc;
import org.audiotag.eval.TestData;
import org.audiotag.eval.TieRule;
import org.audiotag.eval.Top1Accuracy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ESC-10 fold-1 examples (real clip names and labels from data/esc10/labels.csv, synthetic scores rounded to
 * one decimal so that ties occur; see src/test/resources/esc10/make_examples.py). Expected values come from the
 * independent numpy derivation in expected_values.py next to them.
 */
class TaggingCsvTest {
    static Path esc10() {
        return TestData.root().resolve("audiotag-eval/src/test/resources/esc10");
    }

    @Test
    void esc10SingleLabelExample() throws IOException {
        LabeledPredictions d = TaggingCsv.read(esc10().resolve("esc10_fold1_truth.csv"),
                esc10().resolve("esc10_fold1_scores.csv"));
        assertThat(d.fnames()).hasSize(79).startsWith("1-100032-A.ogg");
        assertThat(d.classNames()).containsExactly("Dog bark", "Rain", "Sea waves", "Baby cry", "Clock tick",
                "Person sneeze", "Helicopter", "Chainsaw", "Rooster", "Fire crackling");
        // 1-100032-A.ogg is a dog bark; its score row (read from line 33 of the shuffled score file) is aligned
        assertThat(d.predictions().truth(0, 0)).isTrue();
        assertThat(d.predictions().support()).containsExactly(8, 8, 8, 8, 8, 8, 8, 8, 7, 8);
        var p = d.predictions();
        assertThat(Lwlrap.compute(p, TieRule.REFERENCE).lwlrap()).isCloseTo(0.6467400040184849, within(1e-12));
        assertThat(Lwlrap.compute(p, TieRule.SKLEARN).lwlrap()).isCloseTo(0.6214235483222824, within(1e-12));
        assertThat(Lrap.compute(p, TieRule.SKLEARN)).isCloseTo(0.6214235483222825, within(1e-12));
        assertThat(AveragePrecision.macro(p)).isCloseTo(0.5435284098505684, within(1e-12));
        assertThat(AveragePrecision.micro(p)).isCloseTo(0.505616766981877, within(1e-12));
        assertThat(RocAuc.macro(p)).isCloseTo(0.8162921976302258, within(1e-12));
        assertThat(Top1Accuracy.compute(p)).isCloseTo(0.4810126582278481, within(1e-15));
        Evaluation e = Evaluation.of(p, d.classNames(), TieRule.REFERENCE);
        assertThat(e.top1Accuracy()).isCloseTo(0.4810126582278481, within(1e-15));
        assertThat(e.perClassReport().rows().get(8).className()).isEqualTo("Rooster");
        assertThat(e.perClassReport().rows().get(8).support()).isEqualTo(7);
    }

    @Test
    void esc10MultiLabelMixesExample() throws IOException {
        LabeledPredictions d = TaggingCsv.read(esc10().resolve("esc10_fold1_mixes_truth.csv"),
                esc10().resolve("esc10_fold1_mixes_scores.csv"));
        var p = d.predictions();
        assertThat(p.nSamples()).isEqualTo(71);
        assertThat(p.nLabeledSamples()).isEqualTo(70); // silence-0001.ogg has no label and does not count
        assertThat(Lwlrap.compute(p, TieRule.REFERENCE).lwlrap()).isCloseTo(0.6927248677248681, within(1e-12));
        assertThat(Lwlrap.compute(p, TieRule.SKLEARN).lwlrap()).isCloseTo(0.6864094337498597, within(1e-12));
        assertThat(Lrap.compute(p, TieRule.SKLEARN)).isCloseTo(0.6856575963718822, within(1e-12));
        assertThat(AveragePrecision.macro(p)).isCloseTo(0.5798850648546887, within(1e-12));
        assertThat(AveragePrecision.micro(p)).isCloseTo(0.5697427753284082, within(1e-12));
        assertThat(RocAuc.macro(p)).isCloseTo(0.8191873628808978, within(1e-12));
        assertThat(Top1Accuracy.isSingleLabel(p)).isFalse();
        assertThat(Evaluation.of(p, d.classNames(), TieRule.SKLEARN).top1Accuracy()).isNaN();
    }

    @Test
    void writeThenReadRoundTrips(@TempDir Path dir) throws IOException {
        LabeledPredictions d = TaggingCsv.read(esc10().resolve("esc10_fold1_mixes_truth.csv"),
                esc10().resolve("esc10_fold1_mixes_scores.csv"));
        TaggingCsv.writeTruth(dir.resolve("t.csv"), d);
        TaggingCsv.writeScores(dir.resolve("s.csv"), d);
        LabeledPredictions back = TaggingCsv.read(dir.resolve("t.csv"), dir.resolve("s.csv"));
        assertThat(back.fnames()).isEqualTo(d.fnames());
        assertThat(back.classNames()).isEqualTo(d.classNames());
        assertThat(back.predictions().truthFlat()).containsExactly(d.predictions().truthFlat());
        assertThat(back.predictions().scoresFlat()).containsExactly(d.predictions().scoresFlat());
    }

    static final String HEADER = "fname,Dog bark,Rain,Sea waves\n";

    EvalInputException bad(Path dir, String truth, String scores) throws IOException {
        Path t = dir.resolve("TRUTH.csv");
        Path s = dir.resolve("SCORES.csv");
        Files.writeString(t, truth);
        Files.writeString(s, scores);
        try {
            TaggingCsv.read(t, s);
        } catch (EvalInputException e) {
            return e;
        }
        throw new AssertionError("no EvalInputException for\n" + truth + "\n" + scores);
    }

    @Test
    void badInputNamesFileAndLine(@TempDir Path dir) throws IOException {
        String okTruth = "fname,labels\na.ogg,Dog bark\nb.ogg,\"Rain,Sea waves\"\n";
        String okScores = HEADER + "a.ogg,1,0,0\nb.ogg,0,1,1\n";
        assertThat(TaggingCsv.read(write(dir, "t.csv", okTruth), write(dir, "s.csv", okScores)).predictions()
                .nSamples()).isEqualTo(2);

        EvalInputException e = bad(dir, okTruth, HEADER + "a.ogg,1,0,0\nb.ogg,0,NaN,1\n");
        assertThat(e.getMessage()).endsWith("SCORES.csv:3: score of class 'Rain' is 'NaN' (scores must be finite)");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file().getFileName().toString()).isEqualTo("SCORES.csv");

        assertThat(bad(dir, okTruth, HEADER + "a.ogg,1,0,0\nb.ogg,0,-inf,1\n").getMessage())
                .contains("SCORES.csv:3:").contains("must be finite");
        assertThat(bad(dir, okTruth, HEADER + "a.ogg,1,0,0\nb.ogg,0,1e999,1\n").getMessage())
                .contains("SCORES.csv:3:").contains("overflows");
        assertThat(bad(dir, okTruth, HEADER + "a.ogg,1,0,0\nb.ogg,0,x1,1\n").getMessage())
                .contains("SCORES.csv:3: score of class 'Rain' is not a number: 'x1'");
        assertThat(bad(dir, okTruth, HEADER + "a.ogg,1,0\nb.ogg,0,1,1\n").getMessage())
                .contains("SCORES.csv:2: expected 4 fields (fname and 3 scores), got 3");
        assertThat(bad(dir, "fname,labels\na.ogg,Dog bark\nb.ogg,Cat\n", okScores).getMessage())
                .contains("TRUTH.csv:3: label 'Cat' of 'b.ogg' is not a class of SCORES.csv (3 classes)");
        assertThat(bad(dir, "fname,labels\na.ogg,Dog bark\na.ogg,Rain\n", okScores).getMessage())
                .contains("TRUTH.csv:3: duplicate fname 'a.ogg' (first on line 2)");
        assertThat(bad(dir, okTruth, HEADER + "a.ogg,1,0,0\nb.ogg,0,1,1\na.ogg,0,0,0\n").getMessage())
                .contains("SCORES.csv:4: duplicate fname 'a.ogg' (first on line 2)");
        assertThat(bad(dir, okTruth + "c.ogg,Rain\n", okScores).getMessage())
                .contains("TRUTH.csv:4: fname 'c.ogg' has no row in");
        assertThat(bad(dir, okTruth, okScores + "d.ogg,1,1,1\n").getMessage())
                .contains("SCORES.csv:4: fname 'd.ogg' has no row in");
        // unquoted multi-label field: three fields
        assertThat(bad(dir, "fname,labels\na.ogg,Dog bark,Rain\n", okScores).getMessage())
                .contains("TRUTH.csv:2: expected 2 fields").contains("quote the labels field");
        // a quote that is never closed: the line where it opened
        assertThat(bad(dir, "fname,labels\na.ogg,Dog bark\nb.ogg,\"Rain\n", okScores).getMessage())
                .contains("TRUTH.csv:3: malformed CSV");
        assertThat(bad(dir, "fname,labels\na.ogg,Dog bark\nb.ogg,Rain\"x\n", okScores).getMessage())
                .contains("TRUTH.csv:3: malformed CSV: double quote inside an unquoted field");
        assertThat(bad(dir, "name,labels\n", okScores).getMessage())
                .contains("TRUTH.csv:1: header must be 'fname,labels'");
        assertThat(bad(dir, okTruth, "").getMessage()).contains("SCORES.csv: empty file");
        assertThat(bad(dir, okTruth, "fname,Rain,Rain\n").getMessage())
                .contains("SCORES.csv:1: class 'Rain' appears twice");
        Path missing = dir.resolve("nope.csv");
        Path okScoresFile = write(dir, "s.csv", okScores);
        assertThatThrownBy(() -> TaggingCsv.read(missing, okScoresFile))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("nope.csv");
        Files.write(dir.resolve("latin1.csv"), new byte[] {'f', 'n', 'a', 'm', 'e', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> TaggingCsv.read(write(dir, "t2.csv", okTruth), dir.resolve("latin1.csv")))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void blankLinesAndCrlfAreAccepted(@TempDir Path dir) throws IOException {
        LabeledPredictions d = TaggingCsv.read(write(dir, "t.csv", "fname,labels\r\na.ogg,Rain\r\n\r\nb.ogg,\r\n"),
                write(dir, "s.csv", HEADER.replace("\n", "\r\n") + "b.ogg,0.5,0.25,1\r\na.ogg,-1,2,0\r\n"));
        assertThat(d.fnames()).isEqualTo(List.of("a.ogg", "b.ogg"));
        assertThat(d.predictions().score(1, 2)).isEqualTo(1.0);
        assertThat(d.predictions().nLabeledSamples()).isEqualTo(1);
    }

    @Test
    void emptyLabelsAndTrailingEmptyFieldsAreIgnored(@TempDir Path dir) throws IOException {
        // a trailing comma inside the labels field (accepted by train's dataset reader too) and one after the row
        LabeledPredictions d = TaggingCsv.read(write(dir, "t.csv",
                "fname,labels\na.ogg,\"Dog bark,\"\nb.ogg,\"Rain,, Sea waves ,Rain\",\n"),
                write(dir, "s.csv", HEADER + "a.ogg,1,0,0,\nb.ogg,0,1,1\n"));
        assertThat(d.predictions().truthFlat()).containsExactly(true, false, false, false, true, true);
    }

    @Test
    void scoresWithoutTruthAreWrittenLikeThePredictionsPath(@TempDir Path dir) throws IOException {
        List<String> names = List.of("a.ogg", "b,\"odd\".ogg");
        List<String> classes = List.of("Dog bark", "Rain, heavy");
        float[][] f = {{0.1f, 0.25f}, {1e-7f, 1f}};
        TaggingCsv.writeScores(dir.resolve("old.csv"), new LabeledPredictions(names, classes,
                Predictions.of(new boolean[2][2], f)));
        TaggingCsv.writeScores(dir.resolve("floats.csv"), names, classes, f);
        double[][] d = {{f[0][0], f[0][1]}, {f[1][0], f[1][1]}};
        TaggingCsv.writeScores(dir.resolve("doubles.csv"), names, classes, d);
        String expected = Files.readString(dir.resolve("old.csv"));
        assertThat(expected).isEqualTo("fname,Dog bark,\"Rain, heavy\"\na.ogg," + (double) 0.1f + ",0.25\n"
                + "\"b,\"\"odd\"\".ogg\"," + (double) 1e-7f + ",1.0\n");
        assertThat(Files.readString(dir.resolve("floats.csv"))).isEqualTo(expected);
        assertThat(Files.readString(dir.resolve("doubles.csv"))).isEqualTo(expected);
        assertThatThrownBy(() -> TaggingCsv.writeScores(dir.resolve("x.csv"), List.of("a"), classes, f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fnames");
        assertThatThrownBy(() -> TaggingCsv.writeScores(dir.resolve("x.csv"), names, List.of("one"), f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0 has 2 values");
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
