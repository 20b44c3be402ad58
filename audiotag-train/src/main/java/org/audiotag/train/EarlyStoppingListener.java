package org.audiotag.train;

/**
 * Stops a run with {@link StopReason#EARLY_STOPPED} before an epoch when {@code patience} epochs have finished since
 * the best one, i.e. when the validation lwlrap has not strictly improved for {@code patience} epochs (the original's
 * rule, docs/ORIGINAL-PROJECT.md §5.1). With patience 20, a run whose best epoch is 33 (0-based; "epoch 34"
 * in history.csv) stops before 0-based epoch 54, after 54 epochs. The check also runs when a resumed run starts,
 * so a run that had already met the criterion does not train again. The trainer adds one when
 * {@link TrainingConfig#earlyStoppingPatience()} is positive (20 by default, the original's patience).
 *
 * {@snippet :
 * // usually configured: the trainer adds EarlyStoppingListener(10) after its checkpoint and logging listeners
 * TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").earlyStoppingPatience(10).build();
 * // or added by hand (patience 0 in the configuration), to run after the listeners added before it
 * Trainer trainer = Trainer.builder(cfg.toBuilder().earlyStoppingPatience(0).build())
 *         .cacheRoot(cache)
 *         .addTrainingListeners(new EarlyStoppingListener(5))
 *         .build();
 * }
 */
public final class EarlyStoppingListener implements TrainingListener {

    private final int patience;

    /**
     * Creates a listener that stops after {@code patience} epochs without a strictly better validation lwlrap.
     *
     * @param patience epochs without a strictly better validation lwlrap before stopping, ≥ 1
     * @throws IllegalArgumentException if {@code patience} &lt; 1
     */
    public EarlyStoppingListener(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience: " + patience + " must be ≥ 1");
        }
        this.patience = patience;
    }

    /** Returns the patience in epochs, ≥ 1. */
    public int patience() {
        return patience;
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        int best = context.bestEpoch();
        if (best >= 0 && epoch - 1 - best >= patience) {
            context.requestStop(StopReason.EARLY_STOPPED, null);
        }
    }

    @Override
    public String toString() {
        return "EarlyStoppingListener[patience=" + patience + "]";
    }
}
