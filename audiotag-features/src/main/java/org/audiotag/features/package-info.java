/**
 * librosa-exact audio features on the JVM: loading, resampling, STFT, mel spectrograms, dB scaling, MFCC and the
 * fixed-length model inputs of the original project. Conventions for the whole package: parameters carry librosa's
 * names and defaults and are validated when a configuration is built ({@code IllegalArgumentException} naming the
 * parameter and its allowed range); matrices use librosa's (frequency or mel bin, frame) row-major layout; sample
 * rates are in Hz, lengths in samples, times in seconds, levels in dB.
 *
 * <p>Getting audio in: {@link org.audiotag.features.AudioLoader} is {@code librosa.load} (decode WAV/FLAC/Ogg Vorbis
 * through {@link org.audiotag.features.io.AudioDecoder}, average to mono, resample) and returns an immutable
 * {@link org.audiotag.features.AudioClip}; {@link org.audiotag.features.Resampler} with a
 * {@link org.audiotag.features.ResampleType} is {@code librosa.resample} for kaiser_best (the default), kaiser_fast,
 * polyphase and fft.
 *
 * <p>Features: the STFT ({@code Stft}, {@code StftConfig}, {@code Window}, {@code PadMode}), mel filter banks and
 * spectrograms ({@code MelConfig}, {@code MelFilterBank}, {@code MelSpectrogram}, {@code MelScale}), dB conversions
 * ({@code Decibels}, {@code DbRef}), {@code Mfcc}, {@code Delta}, {@code Pcen}, {@code MuLaw}, silence trimming
 * ({@code Trim}), fixed-length preparation ({@code FixedLength}), the ready-made extractors of the original
 * project ({@code FeatureExtractor}, {@code FeatureConfig}) and {@code LibrosaFeature}, one stft, mel, log-mel or
 * MFCC of a whole signal as {@code audiotag features} computes it; see each class. Results are {@code FeatureMatrix}
 * (float32 fast paths), {@code DoubleMatrix} (float64, librosa's reference precision) or {@code ComplexMatrix}
 * (the complex STFT).
 *
 * <p>Model inputs: {@link org.audiotag.features.TimeMajorFeatures} is the time-major (frame, bin) layout networks
 * are fed, as a type of its own so that it cannot be confused with a (bin, frame) {@code FeatureMatrix}; the
 * whole-clip {@link org.audiotag.features.FeatureFunction}s {@link org.audiotag.features.LogMelFeatures} (described
 * by a {@code FeatureConfig}) and {@link org.audiotag.features.WaveformFeatures} compute it for training and tagging.
 *
 * <p>From a file to a log-mel spectrogram and a model input, given a {@code Path file}:
 * {@snippet :
 * AudioClip clip = AudioLoader.atRate(44100).load(file);          // librosa.load(path, sr=44100)
 * MelSpectrogram mel = MelSpectrogram.builder().sampleRate(44100).nMels(128).build();
 * FeatureMatrix power = mel.compute(clip.samples());              // (128 mels, frames), power
 * FeatureMatrix db = Decibels.powerToDb(power, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, Decibels.DEFAULT_TOP_DB);
 * TimeMajorFeatures input = TimeMajorFeatures.fromBinMajor(db);   // (frames, 128 mels) for a network
 * // the original project's 128 x 128 image (pipeline A) in one call
 * FeatureMatrix image = FeatureExtractor.of(FeatureConfig.pipelineA()).extract(clip);
 * }
 */
package org.audiotag.features;
