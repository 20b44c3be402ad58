package org.audiotag.eval;

/**
 * How label-ranking metrics ({@link Lwlrap}, {@link Lrap}) rank classes with equal scores within one sample.
 * Without ties both rules give identical results.
 */
public enum TieRule {
    /**
     * The DCASE2019 task 2 / Freesound Audio Tagging 2019 reference ({@code _one_sample_positive_class_precisions}
     * in the organisers' lwlrap notebook): classes are put in a strict order by {@code np.argsort(scores)[::-1]},
     * taken with a stable sort, so among equal scores the <b>higher class index comes first</b>. Then
     * precision(c) = (positives at or above c) / (1-based position of c). Deterministic; on the fixture
     * {@code lwlrap_ties_7x5} it gives 0.6625. (numpy's default, unstable argsort gives the same tie order only
     * for short rows, up to 16 classes; for 80 classes its order among ties is an implementation detail, so the
     * stable order is the deterministic reading of the reference.)
     */
    REFERENCE,

    /**
     * scikit-learn's {@code label_ranking_average_precision_score}: pessimistic ranks,
     * rank(c) = #{k : s_k &gt;= s_c} (a positive is ranked below every class with an equal score) and
     * hits(c) = #{positive k : s_k &gt;= s_c} (equal-scored positives all count). On {@code lwlrap_ties_7x5}: 0.65.
     */
    SKLEARN
}
