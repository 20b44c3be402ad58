package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.AugmentedExample;
import org.audiotag.augment.GainTransform;
import org.audiotag.augment.ImpulseResponse;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.augment.MixTransform;
import org.audiotag.augment.NoiseTransform;
import org.audiotag.augment.PitchShift;
import org.audiotag.augment.ReverbTransform;
import org.audiotag.augment.TimeStretch;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.io.WavWriter;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Augments one audio file with the named transforms ({@code audiotag augment --input IN --output OUT.wav [...]}), in
 * this fixed order: mix (with OTHER at --mix-snr dB below the input, OTHER resampled to the input's rate, a random
 * window of it when longer) -&gt; time stretch -&gt; pitch shift -&gt; reverb (IR resampled, 100% wet, RMS-normalised,
 * input length kept) -&gt; Gaussian white noise at --noise-snr dB -&gt; gain. Random choices come from --seed; the
 * draws are printed, one line. Output: float32 WAV at the input's sample rate, written atomically.
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = {"Augment one audio file. Order: mix, time stretch, pitch shift, reverb, noise, gain.",
            "Writes a float32 WAV at the input's rate and prints the random draws."})
final class AugmentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "IN", description = "Audio file (WAV, FLAC, Ogg Vorbis).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.wav", description = "WAV file to write.")
    Path output;

    @Option(names = "--pitch-shift", paramLabel = "SEMITONES",
            description = "Pitch shift in semitones (librosa.effects.pitch_shift), in [-48, 48].")
    Double pitchShift;

    @Option(names = "--time-stretch", paramLabel = "RATE",
            description = "Time-stretch rate (librosa.effects.time_stretch); > 1 is faster/shorter.")
    Double timeStretch;

    @Option(names = "--noise-snr", paramLabel = "DB", description = "Add white Gaussian noise at this SNR in dB.")
    Double noiseSnr;

    @Option(names = "--reverb", paramLabel = "IR.wav", description = "Convolve with this impulse response.")
    Path reverb;

    @Option(names = "--mix", paramLabel = "OTHER", description = "Mix in this other audio file.")
    Path mix;

    @Option(names = "--mix-snr", paramLabel = "DB",
            description = "Level of the input over OTHER in dB (default 0 with --mix).")
    Double mixSnr;

    @Option(names = "--gain", paramLabel = "DB", description = "Gain in dB applied last.")
    Double gain;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    /**
     * Applies the transforms and writes the output file; prints the output and the random draws. Returns exit code 0;
     * bad arguments or unreadable input end with 2, an unwritable output with 1 (CliException).
     */
    @Override
    public Integer call() {
        if (mixSnr != null && mix == null) {
            throw new CliException(2, "--mix-snr needs --mix OTHER");
        }
        checkFinite("--pitch-shift", pitchShift);
        checkFinite("--time-stretch", timeStretch);
        checkFinite("--noise-snr", noiseSnr);
        checkFinite("--mix-snr", mixSnr);
        checkFinite("--gain", gain);
        if (timeStretch != null && !(timeStretch > 0 && timeStretch <= 100)) {
            throw new CliException(2, "--time-stretch must be in (0, 100], got " + timeStretch);
        }
        if (pitchShift != null && !(pitchShift >= -48 && pitchShift <= 48)) {
            throw new CliException(2, "--pitch-shift must be in [-48, 48] semitones, got " + pitchShift);
        }
        if (output.getFileName() == null || !output.getFileName().toString().toLowerCase().endsWith(".wav")) {
            throw new CliException(2, output + ": --output must name a .wav file");
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CliException(2, output + ": folder " + dir + " does not exist");
        }
        AudioClip clip = load(AudioLoader.nativeRate(), input, "--input");
        int sr = clip.sampleRate();
        LabeledAudio in;
        try {
            in = LabeledAudio.of(clip, new float[0]);
            AugmentPipeline.Builder b = AugmentPipeline.builder();
            if (mix != null) {
                AudioClip other = load(AudioLoader.atRate(sr), mix, "--mix");
                double snr = mixSnr == null ? 0.0 : mixSnr;
                b.add(MixTransform.builder(List.of(LabeledAudio.of(other, new float[0]))).clips(2, 2)
                        .weighting(MixTransform.Weighting.SNR_DB).snrDb(snr, snr).randomOffsets(false)
                        .keepInputLength(true).build());
            }
            if (timeStretch != null) {
                b.add(TimeStretch.ofRate(timeStretch, timeStretch));
            }
            if (pitchShift != null) {
                b.add(PitchShift.ofSemitones(pitchShift, pitchShift, false));
            }
            if (reverb != null) {
                AudioClip ir = load(AudioLoader.nativeRate(), reverb, "--reverb");
                b.add(ReverbTransform.builder(List.of(ImpulseResponse.of(ir)), sr).build());
            }
            if (noiseSnr != null) {
                b.add(NoiseTransform.atSnr(NoiseTransform.Color.WHITE, noiseSnr, noiseSnr));
            }
            if (gain != null) {
                b.add(GainTransform.ofDb(gain, gain));
            }
            AugmentedExample out = b.build().apply(in, seed, 0, 0);
            WavWriter.write(output, out.audio().samples(), sr, WavWriter.Encoding.FLOAT_32);
            PrintWriter pw = spec.commandLine().getOut();
            pw.println("wrote " + output + " (" + out.audio().length() + " samples at " + sr + " Hz)");
            pw.println("draws " + (out.draws().draws().isEmpty() ? "none" : out.draws()));
            pw.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new CliException(2, input + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.cannotWrite(output, e);
        }
    }

    private static void checkFinite(String option, Double v) {
        if (v != null && !Double.isFinite(v)) {
            throw new CliException(2, option + " must be a finite number, got " + v);
        }
    }

    private static AudioClip load(AudioLoader loader, Path file, String option) {
        try {
            InputFiles.requireReadableFile(file);
        } catch (NoSuchFileException e) {
            throw new CliException(2, InputFiles.shown(file) + ": " + option + " file not found");
        } catch (IOException e) {
            throw new CliException(2, InputFiles.describe(e) + " (" + option + ")", e);
        }
        try {
            return loader.load(file);
        } catch (IOException e) {
            throw CliException.cannotRead(file, e);
        } catch (IllegalArgumentException e) {
            throw new CliException(2, file + ": " + e.getMessage(), e);
        }
    }
}
