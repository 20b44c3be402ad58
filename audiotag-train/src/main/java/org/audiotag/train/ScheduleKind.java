package org.audiotag.train;

/** Learning-rate schedule of a {@link TrainingConfig}. */
public enum ScheduleKind {
    /** {@link LrSchedule#reduceOnPlateau} on the validation lwlrap (the original's). */
    PLATEAU,
    /** {@link LrSchedule#cosine} over the configured epochs. */
    COSINE,
    /** {@link LrSchedule#constant}. */
    CONSTANT,
    /**
     * {@code ReduceLROnPlateau(mode='min')} on the validation loss, the original MCNN trainer's
     * (docs/ORIGINAL-PROJECT.md §5.2); factor and patience as for {@link #PLATEAU}.
     */
    PLATEAU_ON_LOSS
}
