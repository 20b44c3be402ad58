package org.audiotag.train;

import java.io.IOException;

/**
 * Commits every finished epoch to the {@link RunFolder}, in this order: the TensorFlow checkpoint
 * ({@code ckpt/epoch-NNNN}, all variables including the optimiser's), {@code history.csv}/{@code .json}, then
 * {@value RunFolder#STATE_FILE} (the commit point a resumed run starts from), and prunes the checkpoints to the last
 * and the best epoch. At the end of training it loads the checkpoint the exported model should hold: the best
 * epoch's when restoring the best is on, else, after a non-finite loss, the last committed epoch's (otherwise the
 * model keeps its last weights). The trainer always adds one, configured by {@link TrainingConfig#restoreBest()}.
 */
public final class CheckpointListener implements TrainingListener {

    private final boolean restoreBest;

    /**
     * Creates the listener the trainer adds to every run.
     *
     * @param restoreBest whether the best epoch's checkpoint is loaded at the end of training
     */
    public CheckpointListener(boolean restoreBest) {
        this.restoreBest = restoreBest;
    }

    /** Returns whether the best epoch's checkpoint is loaded at the end of training. */
    public boolean restoreBest() {
        return restoreBest;
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record, boolean best) throws IOException {
        RunFolder folder = context.runFolder();
        int epoch = record.epoch();
        context.model().saveCheckpoint(folder.checkpoint(epoch));
        context.history().write(folder.directory());
        folder.writeState(new RunFolder.State(epoch + 1, context.bestEpoch(), context.bestLwlrap(),
                context.schedule().state()));
        folder.pruneCheckpoints(epoch, context.bestEpoch());
    }

    @Override
    public void onTrainingEnd(TrainingContext context) throws IOException {
        if (context.bestEpoch() < 0) {
            return;
        }
        if (restoreBest) {
            context.model().restoreCheckpoint(context.runFolder().checkpoint(context.bestEpoch()));
        } else if (context.stopReason() == StopReason.NAN_LOSS) {
            context.model().restoreCheckpoint(context.runFolder().checkpoint(context.epochsDone() - 1));
        }
    }

    @Override
    public String toString() {
        return "CheckpointListener[restoreBest=" + restoreBest + "]";
    }
}
