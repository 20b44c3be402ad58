/**
 * Implementation of the augmentation module (not exported): librosa-exact STFT, phase vocoder and iSTFT in double
 * precision, scipy's FFT resampling, and FFT convolution with precomputed impulse-response spectra.
 */
package org.audiotag.augment.internal;
