package org.audiotag.train;

/** Why a training run ended. */
public enum StopReason {
    /** The configured number of epochs ran. */
    EPOCHS_DONE,
    /** Early stopping: no better validation lwlrap for the configured patience. */
    EARLY_STOPPED,
    /** A training loss was NaN or infinite; the last good checkpoint was kept. */
    NAN_LOSS
}
