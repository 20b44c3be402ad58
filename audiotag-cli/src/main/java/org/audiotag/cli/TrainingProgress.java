package org.audiotag.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.audiotag.train.EpochRecord;
import org.audiotag.train.TrainingListener;

/**
 * Prints training progress for the {@code train}, {@code demo} and {@code compare} commands: a progress bar redrawn
 * in place on a terminal, and one line per epoch (always).
 */
final class TrainingProgress implements TrainingListener {
    private final PrintWriter out;
    private final boolean terminal;
    private final String prefix;

    TrainingProgress(PrintWriter out, String prefix) {
        this.out = out;
        this.terminal = System.console() != null;
        this.prefix = prefix;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        if (!terminal) {
            return;
        }
        int width = 30;
        int done = (int) Math.round(width * (batch + 1) / (double) batches);
        out.print(String.format(Locale.ROOT, "\r%sepoch %3d [%s%s] %d/%d loss %.4f", prefix, epoch + 1,
                "=".repeat(done), " ".repeat(width - done), batch + 1, batches, loss));
        out.flush();
    }

    @Override
    public void onEpoch(EpochRecord r, boolean best) {
        if (terminal) {
            out.print("\r" + " ".repeat(78) + "\r");
        }
        out.println(String.format(Locale.ROOT, "%sepoch %3d  lr %.2e  train loss %.4f  val loss %.4f  val lwlrap %.4f"
                + "  mAP %.4f  acc %.4f  %.1f s%s", prefix, r.epoch() + 1, r.lr(), r.trainLoss(), r.valLoss(),
                r.valLwlrap(), r.valMap(), r.valAccuracy(), r.trainSeconds(), best ? "  *" : ""));
        out.flush();
    }
}
