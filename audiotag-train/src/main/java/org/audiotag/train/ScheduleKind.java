package org.audiotag.train;

/** Learning-rate schedule of a {@link TrainingConfig}. */
public enum ScheduleKind {
    /** {@link LrSchedule#reduceOnPlateau} on the validation lwlrap (the original's). */
    PLATEAU,
    /** {@link LrSchedule#cosine} over the configured epochs. */
    COSINE,
    /** {@link LrSchedule#constant}. */
    CONSTANT
}
