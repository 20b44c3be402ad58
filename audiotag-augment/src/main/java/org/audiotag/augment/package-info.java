/**
 * Label-aware, seeded augmentation of audio clips and spectrograms (docs/ORIGINAL-PROJECT.md §6, with the bugs of
 * §10.7 fixed by default and the original behaviour available as a {@code faithful()} option).
 *
 * <p>Audio is mono {@code float} samples in [-1, 1] at a sample rate in Hz, wrapped with its multi-hot (or soft)
 * target in {@link org.audiotag.augment.LabeledAudio}. Every transform implements
 * {@link org.audiotag.augment.AudioTransform} and takes its randomness from an explicit
 * {@link java.util.SplittableRandom}; {@link org.audiotag.augment.ExampleSeed} derives the generator of example
 * {@code i} of epoch {@code e} of seed {@code s} by SplitMix64 hashing, so results are bit-identical whatever the
 * thread count or call order, and every draw is written to a {@link org.audiotag.augment.DrawLog}.
 * {@link org.audiotag.augment.AugmentPipeline} composes transforms with probabilities and
 * {@link org.audiotag.augment.ParallelAugmentLoader} runs it on all cores ahead of the consumer, in order.
 *
 * <p>Transforms: {@link org.audiotag.augment.MixTransform} (k-clip mixing with label union / soft weights / max),
 * {@link org.audiotag.augment.ReverbTransform} (linear FFT convolution with real room impulse responses),
 * {@link org.audiotag.augment.NoiseTransform} (white, pink, brown noise at a target SNR or fixed amplitude),
 * {@link org.audiotag.augment.PitchShift} and {@link org.audiotag.augment.TimeStretch} (librosa.effects),
 * {@link org.audiotag.augment.GainTransform}, {@link org.audiotag.augment.PolarityInversion},
 * {@link org.audiotag.augment.CropOrPad}, {@link org.audiotag.augment.HpssTransform} (librosa.effects.hpss); and
 * {@link org.audiotag.augment.SpecAugment} on spectrograms.
 */
package org.audiotag.augment;
