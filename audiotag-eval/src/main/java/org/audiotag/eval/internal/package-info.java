/**
 * Implementation of {@code org.audiotag.eval} (not exported): the per-sample ranking kernel behind lwlrap and LRAP,
 * a stable primitive index sort, the weighted average-precision / ROC-AUC walks, the standard normal quantile, an
 * RFC 4180 CSV reader and atomic file writing.
 */
package org.audiotag.eval.internal;
