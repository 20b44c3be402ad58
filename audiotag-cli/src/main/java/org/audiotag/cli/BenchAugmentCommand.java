package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.AugmentedExample;
import org.audiotag.augment.CropOrPad;
import org.audiotag.augment.ImpulseResponse;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.augment.MixTransform;
import org.audiotag.augment.ParallelAugmentLoader;
import org.audiotag.augment.ReverbTransform;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.StftConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures augmented training examples per second ({@code audiotag bench augment [--threads N]}) on the real ESC-10
 * clips and the shipped room impulse responses. One example = random 2-s crop (88200 samples at 44.1 kHz), mix with one
 * other clip (random window, random weights, label union), reverberation with a random IR (FFT convolution, input
 * length kept, RMS-normalised), log-mel (n_fft 2048, hop 512, 128 mels, power_to_db ref max, top_db 80), run by
 * {@link ParallelAugmentLoader} on N threads. In the same run the baseline (crop + the same log-mel alone) is measured:
 * after a warm-up of both, each round measures the baseline then the augmentation, and the medians over the rounds and
 * their ratio are printed (interleaving keeps the ratio fair on a machine whose load varies).
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Augmented examples per second (2-s crop, mix of 2, reverb, log-mel) on ESC-10 + real IRs,"
                + " with a log-mel-only baseline measured in the same run.")
final class BenchAugmentCommand implements Callable<Integer> {
    private static final int SR = 44100;
    private static final int LENGTH = 2 * SR;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--examples", defaultValue = "600", paramLabel = "N",
            description = "Examples per measurement round (default ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Rounds, each measuring the baseline then the augmentation; medians are reported"
                    + " (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "400", paramLabel = "N",
            description = "Warm-up examples before each measurement (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clips", defaultValue = "100", paramLabel = "N",
            description = "ESC-10 clips to load, spread over the classes (default ${DEFAULT-VALUE}).")
    int clipCount;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: <audiotag.root>/data).")
    Path data;

    /**
     * Runs the interleaved baseline and augmentation rounds and prints the medians and their ratio. Returns exit code
     * 0.
     */
    @Override
    public Integer call() throws IOException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || examples < 1 || rounds < 1 || warmup < 0 || clipCount < 2) {
            throw new CliException(2,
                    "--threads, --examples and --rounds must be >= 1, --clips >= 2 and --warmup >= 0");
        }
        Path root = data != null ? data : Paths.get(System.getProperty("audiotag.root", ".")).resolve("data");
        List<LabeledAudio> clips = loadClips(root.resolve("esc10"), clipCount);
        List<ImpulseResponse> irs = loadIrs(root.resolve("impulse-responses"));
        MelSpectrogram mel = MelSpectrogram.builder().sampleRate(SR)
                .stft(StftConfig.builder().nFft(2048).hopLength(512).build()).nMels(128).build();
        ReverbTransform reverb = ReverbTransform.builder(irs, SR).build();
        AugmentPipeline augment = AugmentPipeline.builder()
                .add(CropOrPad.random(LENGTH))
                .add(MixTransform.builder(clips).clips(2, 2).keepInputLength(true).build())
                .add(reverb)
                .build();
        AugmentPipeline baseline = AugmentPipeline.builder().add(CropOrPad.random(LENGTH)).build();
        PrintWriter out = spec.commandLine().getOut();
        run(baseline, clips, mel, n, warmup, 0);
        run(augment, clips, mel, n, warmup, 1);
        double[] bases = new double[rounds];
        double[] augs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            bases[r] = measure(baseline, clips, mel, n, 2 + 2 * r);
            augs[r] = measure(augment, clips, mel, n, 3 + 2 * r);
        }
        java.util.Arrays.sort(bases);
        java.util.Arrays.sort(augs);
        double base = bases[rounds / 2];
        double aug = augs[rounds / 2];
        out.println("clips " + clips.size() + " impulse_responses " + irs.size() + " threads " + n);
        out.println(String.format(Locale.ROOT, "baseline_logmel_examples_per_second %.1f", base));
        out.println(String.format(Locale.ROOT, "examples_per_second %.1f", aug));
        out.println(String.format(Locale.ROOT, "ratio_to_baseline %.3f", aug / base));
        out.flush();
        return 0;
    }

    private double measure(AugmentPipeline p, List<LabeledAudio> clips, MelSpectrogram mel, int n, long epoch) {
        long t0 = System.nanoTime();
        run(p, clips, mel, n, examples, epoch);
        return examples / ((System.nanoTime() - t0) / 1e9);
    }

    private static void run(AugmentPipeline p, List<LabeledAudio> clips, MelSpectrogram mel, int threads,
            int count, long epoch) {
        if (count == 0) {
            return;
        }
        double checksum = 0;
        try (ParallelAugmentLoader<FeatureMatrix> loader = ParallelAugmentLoader.builder(
                i -> clips.get(i % clips.size()), count, p, (AugmentedExample e) -> Decibels.powerToDb(
                        mel.compute(e.audio().samples()), DbRef.MAX, Decibels.DEFAULT_AMIN_POWER,
                        Decibels.DEFAULT_TOP_DB)).seed(2019).epoch(epoch).threads(threads).shuffle(true).build()) {
            while (loader.hasNext()) {
                checksum += loader.next().get(0, 0);
            }
        }
        if (Double.isNaN(checksum)) {
            throw new CliException(1, "benchmark produced NaN features");
        }
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CliException(2, dir + ": data folder not found (use --data DIR)");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<LabeledAudio> loadClips(Path dir, int max) throws IOException {
        List<Path> all = list(dir, ".ogg");
        List<Path> files = new ArrayList<>();
        int stride = Math.max(1, all.size() / max);
        for (int i = 0; i < all.size() && files.size() < max; i += stride) {
            files.add(all.get(i));
        }
        List<String> classes = new ArrayList<>();
        for (Path f : files) {
            String c = f.getParent().getFileName().toString();
            if (!classes.contains(c)) {
                classes.add(c);
            }
        }
        AudioLoader loader = AudioLoader.atRate(SR);
        List<LabeledAudio> out = new ArrayList<>();
        for (Path f : files) {
            float[] t = new float[classes.size()];
            t[classes.indexOf(f.getParent().getFileName().toString())] = 1f;
            out.add(LabeledAudio.of(loader.load(f), t));
        }
        if (out.isEmpty()) {
            throw new CliException(2, dir + ": no .ogg clips");
        }
        return out;
    }

    private static List<ImpulseResponse> loadIrs(Path dir) throws IOException {
        List<ImpulseResponse> out = new ArrayList<>();
        AudioLoader loader = AudioLoader.nativeRate();
        for (Path f : list(dir, ".wav")) {
            org.audiotag.features.AudioClip c = loader.load(f);
            out.add(ImpulseResponse.of(f.getFileName().toString(), c.samples(), c.sampleRate()));
        }
        return out;
    }
}
