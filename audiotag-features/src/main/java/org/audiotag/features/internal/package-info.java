/**
 * Implementation details of audiotag-features: argument checks, numpy/scipy padding index arithmetic, the fast
 * float32 logarithm of the dB path and Savitzky-Golay weights. Not exported by the module; not part of the API.
 */
package org.audiotag.features.internal;
