package org.audiotag.train;

/**
 * A learning-rate schedule stepped once per epoch with the validation metric. Schedules are small state machines
 * whose whole state is a {@code double[]} ({@link #state()} / {@link #restore(double[])}) saved in every checkpoint,
 * so a resumed run continues the schedule exactly.
 */
public interface LrSchedule {

    /** Returns the learning rate to use for the coming epoch. */
    double lr();

    /**
     * Records the end of an epoch.
     *
     * @param epoch the epoch that ended (0-based)
     * @param metric its validation metric (validation lwlrap, higher is better)
     */
    void step(int epoch, double metric);

    /**
     * Returns the schedule's whole state (current rate, counters), saved with every epoch so that a resumed run
     * continues the schedule exactly.
     */
    double[] state();

    /**
     * Restores a state saved by {@link #state()}, as when a run resumes.
     *
     * @param state a value returned by {@link #state()} of the same schedule type
     */
    void restore(double[] state);

    /**
     * Returns a schedule whose rate never changes.
     *
     * @param lr the fixed rate, &gt; 0
     * @return the schedule
     */
    static LrSchedule constant(double lr) {
        checkLr(lr);
        return new LrSchedule() {
            @Override
            public double lr() {
                return lr;
            }

            @Override
            public void step(int epoch, double metric) {
            }

            @Override
            public double[] state() {
                return new double[0];
            }

            @Override
            public void restore(double[] s) {
            }
        };
    }

    /**
     * Returns PyTorch's {@code ReduceLROnPlateau(mode='max', factor, patience, threshold=1e-4, threshold_mode='rel',
     * cooldown=0, min_lr)}: an epoch improves when {@code metric > best · (1 + 1e-4)}; after more than
     * {@code patience} epochs without improvement the rate is multiplied by {@code factor} (not below
     * {@code minLr}) and the counter restarts. The original used factor 0.5, patience 10
     * (docs/ORIGINAL-PROJECT.md §5.1).
     *
     * @param lr initial rate &gt; 0
     * @param factor in (0, 1)
     * @param patience ≥ 0 epochs
     * @param minLr ≥ 0
     * @return the schedule
     */
    static LrSchedule reduceOnPlateau(double lr, double factor, int patience, double minLr) {
        return plateau(lr, factor, patience, minLr, true);
    }

    /**
     * Returns PyTorch's {@code ReduceLROnPlateau(mode='min', factor, patience, threshold=1e-4,
     * threshold_mode='rel', cooldown=0, min_lr)}, stepped with a loss: an epoch improves when
     * {@code metric < best · (1 − 1e-4)}; otherwise as {@link #reduceOnPlateau}. The original MCNN trainer stepped it
     * with the validation loss, factor 0.5, patience 10 (docs/ORIGINAL-PROJECT.md §5.2).
     *
     * @param lr initial rate &gt; 0
     * @param factor in (0, 1)
     * @param patience ≥ 0 epochs
     * @param minLr ≥ 0
     * @return the schedule; {@link #step} takes the validation loss (lower is better)
     */
    static LrSchedule reduceOnPlateauOnLoss(double lr, double factor, int patience, double minLr) {
        return plateau(lr, factor, patience, minLr, false);
    }

    private static LrSchedule plateau(double lr, double factor, int patience, double minLr, boolean max) {
        checkLr(lr);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor: " + factor + " must be in (0, 1)");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience: " + patience + " must be ≥ 0");
        }
        if (!(minLr >= 0)) {
            throw new IllegalArgumentException("minLr: " + minLr + " must be ≥ 0");
        }
        return new LrSchedule() {
            private double cur = lr;
            private double best = Double.NEGATIVE_INFINITY;
            private int bad;

            @Override
            public double lr() {
                return cur;
            }

            @Override
            public void step(int epoch, double metric) {
                boolean better = max ? metric > best * (1 + 1e-4) : metric < best * (1 - 1e-4);
                if (better || best == Double.NEGATIVE_INFINITY) {
                    best = metric;
                    bad = 0;
                } else {
                    bad++;
                }
                if (bad > patience) {
                    double next = Math.max(cur * factor, minLr);
                    if (cur - next > 1e-8) {
                        cur = next;
                    }
                    bad = 0;
                }
            }

            @Override
            public double[] state() {
                return new double[] {cur, best, bad};
            }

            @Override
            public void restore(double[] s) {
                cur = s[0];
                best = s[1];
                bad = (int) s[2];
            }
        };
    }

    /**
     * Returns cosine annealing over {@code epochs} epochs (Loshchilov &amp; Hutter 2017, without restarts):
     * {@code lr(e) = minLr + (lr − minLr)·(1 + cos(π·e/epochs))/2}.
     *
     * @param lr initial rate &gt; 0
     * @param epochs the horizon ≥ 1
     * @param minLr final rate ≥ 0
     * @return the schedule
     */
    static LrSchedule cosine(double lr, int epochs, double minLr) {
        checkLr(lr);
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: " + epochs + " must be ≥ 1");
        }
        return new LrSchedule() {
            private int next;

            @Override
            public double lr() {
                return minLr + (lr - minLr) * (1 + Math.cos(Math.PI * Math.min(next, epochs) / epochs)) / 2;
            }

            @Override
            public void step(int epoch, double metric) {
                next = epoch + 1;
            }

            @Override
            public double[] state() {
                return new double[] {next};
            }

            @Override
            public void restore(double[] s) {
                next = (int) s[0];
            }
        };
    }

    private static void checkLr(double lr) {
        if (!(lr > 0 && lr < 10)) {
            throw new IllegalArgumentException("lr: " + lr + " must be in (0, 10)");
        }
    }
}
