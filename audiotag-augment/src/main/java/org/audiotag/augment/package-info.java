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
 *
 * <p>The entry points:
 * <ul>
 *   <li>{@link org.audiotag.augment.AugmentPipeline} composes transforms, each with a probability, and augments
 *       example (seed, epoch, index) into an {@link org.audiotag.augment.AugmentedExample} (clip and draws);</li>
 *   <li>{@link org.audiotag.augment.ParallelAugmentLoader} runs a pipeline (and an optional finishing step such as
 *       log-mel extraction) on worker threads ahead of the consumer, in index order, with bounded memory;</li>
 *   <li>the transforms: {@link org.audiotag.augment.MixTransform} (k-clip mixing with label union / soft weights /
 *       max), {@link org.audiotag.augment.ReverbTransform} (linear FFT convolution with real room impulse
 *       responses, {@link org.audiotag.augment.ImpulseResponse}), {@link org.audiotag.augment.NoiseTransform}
 *       (white, pink, brown noise at a target SNR or fixed amplitude), {@link org.audiotag.augment.PitchShift} and
 *       {@link org.audiotag.augment.TimeStretch} ({@code librosa.effects}), {@link org.audiotag.augment.GainTransform},
 *       {@link org.audiotag.augment.PolarityInversion}, {@link org.audiotag.augment.CropOrPad},
 *       {@link org.audiotag.augment.HpssTransform} ({@code librosa.effects.hpss}); and
 *       {@link org.audiotag.augment.SpecAugment} (Park et al. 2019) on spectrograms.</li>
 * </ul>
 *
 * <p>A pipeline of mixing, reverberation (half of the time) and a fixed-length crop, run over one epoch:
 * {@snippet :
 * AugmentPipeline pipeline = AugmentPipeline.builder()
 *         .add(MixTransform.builder(train).clips(1, 2).keepInputLength(true).build())
 *         .add(ReverbTransform.builder(irs, 44100).build(), 0.5)
 *         .add(CropOrPad.random(88200))
 *         .build();
 * try (ParallelAugmentLoader<AugmentedExample> loader =
 *         ParallelAugmentLoader.builder(train::get, train.size(), pipeline).seed(42L).epoch(0L).build()) {
 *     while (loader.hasNext()) {
 *         AugmentedExample ex = loader.next();   // ex.audio(): 88200 samples, ex.draws(): what was drawn
 *     }
 * }
 * }
 */
package org.audiotag.augment;
