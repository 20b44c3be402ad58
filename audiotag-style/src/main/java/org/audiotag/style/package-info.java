/**
 * Spectrograms as images and back to sound: spectrogram pictures with their dB range, mel inversion, fast
 * Griffin-Lim, and spectrogram style transfer.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.audiotag.style.SpectrogramImage} and {@link org.audiotag.style.ColorMap}: (log-)mel
 *       spectrograms rendered to PNG (8/16-bit grey, viridis) with the dB range stored, read back exactly to
 *       quantisation; foreign pictures read as luminance.</li>
 *   <li>{@link org.audiotag.style.MelInverter} ({@code librosa.feature.inverse.mel_to_stft}, NNLS),
 *       {@link org.audiotag.style.GriffinLim} ({@code librosa.griffinlim}, fast Griffin-Lim with momentum, Perraudin,
 *       Balazs &amp; Sondergaard 2013) and {@link org.audiotag.style.MelToAudio}
 *       ({@code librosa.feature.inverse.mel_to_audio}, the two chained); the last two take the
 *       {@link org.audiotag.features.StftConfig} / {@link org.audiotag.features.MelConfig} the spectrogram was
 *       computed with.</li>
 *   <li>{@link org.audiotag.style.StyleTransfer} with {@link org.audiotag.style.StyleTransferConfig}: Gatys-style
 *       optimisation (Gatys, Ecker &amp; Bethge 2016) of a log-mel against content, Gram-matrix style and
 *       total-variation losses, with the features of a random shallow convolutional network (Ulyanov &amp; Lebedev)
 *       on TensorFlow Java.</li>
 *   <li>{@link org.audiotag.style.FeedForwardStylizer}: a feed-forward stylizer (Johnson, Alahi &amp; Fei-Fei 2016,
 *       instance normalisation after Ulyanov et al.) trained against the same losses, then applied in one pass.</li>
 *   <li>{@link org.audiotag.style.Legacy2019Inversion}: the 2019 notebook's inversion with its bugs, for
 *       comparison only.</li>
 * </ul>
 *
 * <p>Matrices follow librosa's layout (bin, frame), row-major: element (k, t) of a spectrogram with {@code nFrames}
 * columns is at {@code k * nFrames + t}. This fixes the inversion bugs of the 2019 notebook
 * (docs/ORIGINAL-PROJECT.md §10.11): the dB range travels with the image, the mel inverse is non-negative, and there
 * is no de-emphasis.
 *
 * <p>A clip to a log-mel picture and back to sound, with no TensorFlow anywhere; {@code ogg} is a sound file (e.g.
 * {@code data/esc10/001 - Dog bark/1-100032-A.ogg}), {@code png} and {@code wav} the files to write:
 * {@snippet :
 * MelSpectrogram melSpec = MelSpectrogram.builder().sampleRate(22050).nMels(128).build();   // librosa defaults
 * AudioClip clip = AudioLoader.atRate(22050).load(ogg);
 * DoubleMatrix db = Decibels.powerToDb(melSpec.compute(clip.samplesAsDouble()), DbRef.ONE, 1e-10, 80.0);
 * SpectrogramImage.of(db).write(png, ColorMap.VIRIDIS, 8);                 // the picture, with its dB range
 * SpectrogramImage image = SpectrogramImage.read(png);                     // as written, edited or stylised
 * MelToAudio melToAudio = MelToAudio.builder().mel(melSpec.config()).build();
 * MelToAudio.Result r = melToAudio.invertDb(image, clip.length());        // NNLS, then fast Griffin-Lim
 * WavWriter.write(wav, AudioClip.of(r.audio(), 22050, null).samples(), 22050, WavWriter.Encoding.PCM_16);
 * }
 *
 * <p>TensorFlow Java is an optional dependency. Everything except {@link org.audiotag.style.StyleTransfer} and
 * {@link org.audiotag.style.FeedForwardStylizer} (images, colour maps, mel inversion, Griffin-Lim, the 2019
 * inversion) runs with only audiotag-features, Commons Math and SLF4J: audiotag-style declares the
 * TensorFlow Maven dependencies {@code <optional>} and the TensorFlow modules {@code requires static}. To stylise,
 * add the three TensorFlow Java artifacts, with versions from audiotag-bom ({@code audiotag-models} brings all
 * but {@code tensorflow-framework}):
 * {@snippet lang=xml :
 * <dependency>
 *   <groupId>org.tensorflow</groupId><artifactId>tensorflow-core-api</artifactId>
 * </dependency>
 * <dependency>
 *   <groupId>org.tensorflow</groupId><artifactId>tensorflow-framework</artifactId>
 * </dependency>
 * <dependency>
 *   <groupId>org.tensorflow</groupId><artifactId>tensorflow-core-native</artifactId>
 *   <classifier>linux-x86_64</classifier>  <!-- the platform's native library -->
 * </dependency>
 * }
 * and, on the module path, put them in the module graph (or use {@code --add-modules
 * tensorflow,tensorflow.framework} on the java command line):
 * {@snippet :
 * module my.app {
 *     requires org.audiotag.style;
 *     requires tensorflow;              // only for StyleTransfer and FeedForwardStylizer
 *     requires tensorflow.framework;
 * }
 * }
 * Without them {@code new StyleTransfer(...)} and {@code FeedForwardStylizer.train(...)} throw an
 * {@link IllegalStateException} that says what is missing and what to add.
 */
package org.audiotag.style;
