package org.audiotag.models;

/** Names the training loss of a model ({@link ModelConfig#loss()}); both are computed on logits. */
public enum LossKind {
    /** Sigmoid binary cross-entropy on logits, mean over batch x tags (PyTorch {@code BCEWithLogitsLoss}). */
    BINARY_CROSS_ENTROPY,
    /**
     * The original MCNN trainer's softmax cross-entropy with multi-hot targets,
     * {@code -(1/N) sum_n sum_c y_nc log softmax(z_n)_c} (docs/ORIGINAL-PROJECT.md §3.3); faithful option only.
     */
    SOFTMAX_CROSS_ENTROPY
}
