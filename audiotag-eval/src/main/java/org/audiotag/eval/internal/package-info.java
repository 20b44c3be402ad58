/**
 * Implementation of {@code org.audiotag.eval} (not exported): the per-sample ranking kernel behind lwlrap and LRAP,
 * a stable primitive index sort, the weighted average-precision / ROC-AUC walks, the standard normal quantile and
 * the bipartite matching of the event-based sound event detection metrics.
 */
package org.audiotag.eval.internal;
