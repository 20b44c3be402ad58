/**
 * Spectrograms as images and back to sound.
 *
 * <ul>
 *   <li>{@link org.audiotag.style.SpectrogramImage} and {@link org.audiotag.style.ColorMap}: (log-)mel
 *       spectrograms rendered to PNG (8/16-bit grey, viridis) with the dB range stored, read back exactly to
 *       quantisation; foreign pictures read as luminance.</li>
 *   <li>{@link org.audiotag.style.MelInverter} ({@code librosa.feature.inverse.mel_to_stft}, NNLS),
 *       {@link org.audiotag.style.GriffinLim} ({@code librosa.griffinlim}, fast Griffin-Lim with momentum) and
 *       {@link org.audiotag.style.MelToAudio} ({@code librosa.feature.inverse.mel_to_audio}).</li>
 *   <li>{@link org.audiotag.style.StyleTransfer} with {@link org.audiotag.style.StyleTransferConfig}: Gatys-style
 *       optimisation of a log-mel against content, Gram-matrix style and total-variation losses, with the features
 *       of a random shallow convolutional network (Ulyanov &amp; Lebedev) on TensorFlow Java.</li>
 * </ul>
 *
 * <p>Matrices follow librosa's layout (bin, frame), row-major. This fixes the inversion bugs of the 2019 notebook
 * (docs/ORIGINAL-PROJECT.md §10.11): the dB range travels with the image, the mel inverse is non-negative, and there is no
 * de-emphasis.
 */
package org.audiotag.style;
