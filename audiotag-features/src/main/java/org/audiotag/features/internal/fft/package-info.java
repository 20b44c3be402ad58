/**
 * audiotag's own FFT engine, not an API (exported only to audiotag-augment and audiotag-style): planned complex
 * transforms of any size (radix 4, 2, 3 and 5 passes written out, other primes up to 31 directly, Bluestein's
 * algorithm beyond), real transforms through a half-size complex one with the window and packing fused into the
 * first pass and {@code |X|^2} into the last step, numpy's {@code rfft}/{@code irfft} conventions, and a shared
 * cache of plans; and {@code BatchedRealFft}, the float32 power spectra of many frames at once for the log-mel,
 * laid out so that HotSpot vectorises its loops across frames. No class here starts a thread.
 */
package org.audiotag.features.internal.fft;
