package quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.eval.Evaluation;
import org.audiotag.eval.TieRule;
import org.audiotag.eval.io.LabeledPredictions;
import org.audiotag.eval.io.TaggingCsv;

/** Scores a model's predictions with the competition's lwlrap, mAP and a per-class report. */
public class EvalQuickStart {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("target/quickstart/eval"));
        LabeledPredictions lp = TaggingCsv.read(
                Path.of("data/esc10/fold5-truth.csv"),        // fname,labels (FSDKaggle2019 layout)
                Path.of("data/esc10/fold5-demo-scores.csv")); // fname,<one column per tag> (Kaggle submission layout)
        Evaluation ev = Evaluation.of(lp.predictions(), lp.classNames(), TieRule.REFERENCE);
        System.out.printf("lwlrap %.6f  mAP %.6f  top-1 %.3f%n", ev.lwlrap().lwlrap(), ev.mapMacro(),
                ev.top1Accuracy());
        ev.perClassReport().writeMarkdown(out.resolve("per-class.md"));
    }
}
