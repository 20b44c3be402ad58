/**
 * Spectrograms as images and back to sound.
 *
 * <ul>
 *   <li>{@link org.audiotag.style.SpectrogramImage} and {@link org.audiotag.style.ColorMap}: (log-)mel
 *       spectrograms rendered to PNG (8/16-bit grey, viridis) with the dB range stored, read back exactly to
 *       quantisation; foreign pictures read as luminance.</li>
 *   <li>{@link org.audiotag.style.MelInverter} ({@code librosa.feature.inverse.mel_to_stft}, NNLS),
 *       {@link org.audiotag.style.GriffinLim} ({@code librosa.griffinlim}, fast Griffin-Lim with momentum) and
 *       {@link org.audiotag.style.MelToAudio} ({@code librosa.feature.inverse.mel_to_audio}); the last two take the
 *       {@link org.audiotag.features.MelConfig} the spectrogram was computed with.</li>
 *   <li>{@link org.audiotag.style.StyleTransfer} with {@link org.audiotag.style.StyleTransferConfig}: Gatys-style
 *       optimisation of a log-mel against content, Gram-matrix style and total-variation losses, with the features
 *       of a random shallow convolutional network (Ulyanov &amp; Lebedev) on TensorFlow Java.</li>
 * </ul>
 *
 * <p>TensorFlow Java is an optional dependency. Everything except {@link org.audiotag.style.StyleTransfer} and
 * {@link org.audiotag.style.FeedForwardStylizer} (images, colour maps, mel inversion, Griffin-Lim, the 2019
 * inversion) runs without it: audiotag-style declares the TensorFlow Maven dependencies {@code <optional>} and the
 * TensorFlow modules {@code requires static}. To stylise, add {@code org.tensorflow:tensorflow-core-api},
 * {@code tensorflow-framework} and {@code tensorflow-core-native} with the platform classifier (versions from
 * audiotag-bom; {@code audiotag-models} brings all but {@code tensorflow-framework}) and, on the module path, put them
 * in the module graph with {@code requires tensorflow; requires tensorflow.framework;} in the application's
 * {@code module-info.java}, or {@code --add-modules tensorflow,tensorflow.framework}. Without them
 * {@code new StyleTransfer(...)} and {@code FeedForwardStylizer.train(...)} throw an {@link IllegalStateException}
 * that says what is missing and what to add.
 *
 * <p>Matrices follow librosa's layout (bin, frame), row-major. This fixes the inversion bugs of the 2019 notebook
 * (docs/ORIGINAL-PROJECT.md §10.11): the dB range travels with the image, the mel inverse is non-negative, and there is no
 * de-emphasis.
 */
package org.audiotag.style;
