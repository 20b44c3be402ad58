/**
 * Implementation of audiotag-style (not exported): sparse mel-basis products, the pseudo-inverse, the projected
 * L-BFGS NNLS solver, the parallel STFT engine used by Griffin-Lim, PNG metadata and the TensorFlow style graph.
 */
package org.audiotag.style.internal;
