/**
 * librosa-exact audio features on the JVM. Conventions for the whole package: parameters carry librosa's names and
 * defaults and are validated when a configuration is built ({@code IllegalArgumentException} naming the parameter);
 * matrices use librosa's (frequency or mel bin, frame) row-major layout; sample rates are in Hz, times in seconds.
 *
 * <p>Getting audio in: {@link org.audiotag.features.AudioLoader} is {@code librosa.load} (decode WAV/FLAC/Ogg Vorbis
 * through {@link org.audiotag.features.io.AudioDecoder}, average to mono, resample) and returns an immutable
 * {@link org.audiotag.features.AudioClip}; {@link org.audiotag.features.Resampler} with a
 * {@link org.audiotag.features.ResampleType} is {@code librosa.resample} for kaiser_best (the default), kaiser_fast,
 * polyphase and fft.
 *
 * <p>Features: the STFT ({@code Stft}, {@code StftConfig}, {@code Window}, {@code PadMode}), mel filter banks and
 * spectrograms ({@code MelFilterBank}, {@code MelSpectrogram}), dB conversions ({@code Decibels}), {@code Mfcc},
 * {@code Delta}, {@code Pcen}, {@code MuLaw}, silence trimming ({@code Trim}), fixed-length preparation
 * ({@code FixedLength}) and the ready-made extractors of the original project ({@code FeatureExtractor},
 * {@code FeatureConfig}); see each class.
 *
 * <p>Model inputs: {@link org.audiotag.features.TimeMajorFeatures} is the time-major (frame, bin) layout networks
 * are fed, as a type of its own so that it cannot be confused with a (bin, frame) {@code FeatureMatrix}; the
 * whole-clip {@link org.audiotag.features.FeatureFunction}s {@link org.audiotag.features.LogMelFeatures} (described
 * by a {@code FeatureConfig}) and {@link org.audiotag.features.WaveformFeatures} compute it for training and tagging.
 */
package org.audiotag.features;
