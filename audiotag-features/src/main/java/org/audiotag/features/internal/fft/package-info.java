/**
 * audiotag's own FFT engine, not an API (exported only to audiotag-augment and audiotag-style): planned complex
 * transforms of any size (radix 4, 2, 3 and 5 passes written out, other primes up to 31 directly, Bluestein's
 * algorithm beyond), real transforms through a half-size complex one with the window and packing fused into the
 * first pass and {@code |X|^2} into the last step, numpy's {@code rfft}/{@code irfft} conventions, and a shared
 * cache of plans. No class here starts a thread. {@code JTransformsPower} keeps JTransforms' single-threaded float
 * FFT for the log-mel power spectra at even sizes below its threading threshold.
 */
package org.audiotag.features.internal.fft;
