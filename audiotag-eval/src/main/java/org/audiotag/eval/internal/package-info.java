/**
 * Implementation of {@code org.audiotag.eval} (not exported): the per-sample ranking kernel behind lwlrap and LRAP,
 * a stable primitive index sort, the weighted average-precision / ROC-AUC walks and the standard normal quantile.
 */
package org.audiotag.eval.internal;
