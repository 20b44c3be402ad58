package org.audiotag.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.audiotag.augment.CropOrPad;
import org.audiotag.augment.DrawLog;
import org.audiotag.augment.ImpulseResponse;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.augment.MixTransform;
import org.audiotag.augment.ReverbTransform;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.StftConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the building of one augmented training example on one thread, in examples per second, on 20 real ESC-10
 * clips and the 7 shipped impulse responses: a 2-s random crop at 44.1 kHz, a mix of 2 (partner window, uniform
 * weights, union), reverb (FFT convolution, input length kept, RMS normalised) and a log-mel (n_fft 2048, hop 512, 128
 * mels, power_to_db ref max). Baselines in the same run: {@code logMelOnly} (crop + log-mel, what an epoch costs
 * without augmentation) and {@code faithfulReverbThenCrop} (the original's order: full-length 100%-wet convolution of
 * the mix with the whole IR, then the crop), to show what cropping first and cutting the kernel to the kept output
 * save. Data folder: system property {@code audiotag.root} (+ {@code /data}) or {@code ./data}. Run:
 * {@code java -Daudiotag.root=. -jar audiotag-benchmarks/target/benchmarks.jar AugmentBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AugmentBenchmark {
    static final int SR = 44100;
    static final int LENGTH = 2 * SR;

    List<LabeledAudio> clips;
    CropOrPad crop;
    MixTransform mix;
    MixTransform faithfulMix;
    ReverbTransform reverb;
    ReverbTransform faithfulReverb;
    MelSpectrogram mel;
    long counter;

    /**
     * Loads the clips and impulse responses and builds the transforms.
     *
     * @throws IOException if the shipped data cannot be read
     */
    @Setup
    public void setup() throws IOException {
        Path data = Paths.get(System.getProperty("audiotag.root", ".")).resolve("data");
        AudioLoader loader = AudioLoader.atRate(SR);
        clips = new ArrayList<>();
        try (Stream<Path> s = Files.walk(data.resolve("esc10"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".ogg")).sorted().limit(20).toList()) {
                clips.add(LabeledAudio.of(loader.load(p), new float[10]));
            }
        }
        List<ImpulseResponse> irs = new ArrayList<>();
        AudioLoader nativeRate = AudioLoader.nativeRate();
        try (Stream<Path> s = Files.list(data.resolve("impulse-responses"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
                irs.add(ImpulseResponse.of(nativeRate.load(p)));
            }
        }
        crop = CropOrPad.random(LENGTH);
        mix = MixTransform.builder(clips).clips(2, 2).keepInputLength(true).build();
        faithfulMix = MixTransform.builder(clips).clips(2, 2).randomOffsets(false).build();
        reverb = ReverbTransform.builder(irs, SR).build();
        faithfulReverb = ReverbTransform.builder(irs, SR).faithful().build();
        mel = MelSpectrogram.builder().sampleRate(SR).stft(StftConfig.builder().nFft(2048).hopLength(512).build())
                .nMels(128).build();
    }

    private FeatureMatrix logMel(LabeledAudio a) {
        return Decibels.powerToDb(mel.compute(a.samples()), DbRef.MAX, Decibels.DEFAULT_AMIN_POWER,
                Decibels.DEFAULT_TOP_DB);
    }

    private SplittableRandom rng() {
        return new SplittableRandom(counter++);
    }

    /**
     * Builds one augmented example on one thread: crop, mix of 2 clips, reverb, log-mel (the measured figure).
     *
     * @return the example's log-mel, consumed by JMH
     */
    @Benchmark
    public FeatureMatrix augmentedExample() {
        SplittableRandom r = rng();
        DrawLog log = new DrawLog();
        LabeledAudio x = crop.apply(clips.get((int) (counter % clips.size())), r, log);
        return logMel(reverb.apply(mix.apply(x, r, log), r, log));
    }

    /**
     * Builds one example without augmentation, crop and log-mel only (the baseline).
     *
     * @return the example's log-mel, consumed by JMH
     */
    @Benchmark
    public FeatureMatrix logMelOnly() {
        SplittableRandom r = rng();
        return logMel(crop.apply(clips.get((int) (counter % clips.size())), r, new DrawLog()));
    }

    /**
     * Builds one example in the original's order (docs/ORIGINAL-PROJECT.md §6): mix whole clips, full 100%-wet
     * convolution with the whole IR, then crop and log-mel.
     *
     * @return the example's log-mel, consumed by JMH
     */
    @Benchmark
    public FeatureMatrix faithfulReverbThenCrop() {
        SplittableRandom r = rng();
        DrawLog log = new DrawLog();
        LabeledAudio x = faithfulMix.apply(clips.get((int) (counter % clips.size())), r, log);
        return logMel(crop.apply(faithfulReverb.apply(x, r, log), r, log));
    }
}
