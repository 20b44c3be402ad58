/** Spectrogram images and mel inversion in an application that has no TensorFlow. */
package org.audiotag.example.spectrogram;
