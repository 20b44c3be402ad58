package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.GainTransform;
import org.audiotag.augment.ImpulseResponse;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.augment.NoiseTransform;
import org.audiotag.augment.PitchShift;
import org.audiotag.augment.ReverbTransform;
import org.audiotag.augment.TimeStretch;
import org.audiotag.features.AudioLoader;

/**
 * Describes a training-time augmentation recipe parsed from text such as {@code "mix:0.5,reverb:0.3,pitch:0.2"}: a
 * comma-separated list of {@code name[:probability]} (probability in [0, 1], default 0.5), or {@code none}.
 * <ul>
 * <li>{@code mix}: mix the example with another training clip (labels = union), done on the cached log-mels as a
 *     power-domain sum, so it costs no decoding (docs/ORIGINAL-PROJECT.md §6, with random offsets through random
 *     crops);</li>
 * <li>{@code scene}: instead of a crop of the clip, a window of a synthetic soundscape around it, for models that
 *     score sliding windows of long recordings (event detection): pink noise at -60 to -40 dBFS, the clip's active
 *     region (40-dB trim) at a uniformly random position, partly or wholly inside the window or outside it, and with
 *     probability 1/2 each a neighbouring training clip's active region before and after it (gaps of 0-1 s); the
 *     target is the tags of the sounds the window shows at least min(0.5 s, half the sound) of, all zero for
 *     background alone. The other waveform transforms then apply to the window;</li>
 * <li>{@code reverb}: convolution with one of the room impulse responses of a folder (audiotag-augment
 *     {@code ReverbTransform} defaults);</li>
 * <li>{@code noise}: white noise at 10-40 dB SNR; {@code pitch}: ±2 semitones; {@code stretch}: rate 0.9-1.1;
 *     {@code gain}: ±6 dB.</li>
 * </ul>
 * Any waveform transform switches training to on-the-fly features (decoded audio cached, log-mel recomputed per
 * example); validation always uses the cached features of the unmodified audio. Immutable.
 *
 * <p>{@code faithful} (alone; it cannot be combined with the names above) is the original project's whole training
 * augmentation, {@link AugmentPipeline#faithful}{@code (pool, irs, length)} (docs/ORIGINAL-PROJECT.md §6 steps 1, 2, 4
 * and 7; the fixes it keeps are listed under §10.7): every example is a new draw that ignores the clip at its
 * position, mixing 1 or 2 training clips drawn uniformly with replacement, with weights c_i ~ U(0, 1) divided by their
 * sum, aligned at sample 0, labels the union (element-wise maximum) of the mixed clips' multi-hot targets whatever
 * the weights; a random crop to the model's crop length; with probability 0.5 a convolution with an impulse response
 * of the folder drawn uniformly (100 % wet, full length, no level correction, whole tails); and a second random
 * crop. {@code pool} is the run's training clips, read from the decoded-audio cache (memory-mapped PCM, each clip
 * decoded once) rather than held in memory; {@code irs} every impulse response of the folder, in name order, at the
 * training rate; {@code length} the model's crop: 2 s of audio for the log-mel models (whose log-mel is then computed
 * from the crop alone), the input length in samples for the raw-waveform models. Draws come from the generators of
 * {@link org.audiotag.augment.ExampleSeed} keyed by (seed, epoch, position in the epoch), so a resumed run repeats an
 * uninterrupted one.
 *
 * <p>{@code mix} and {@code faithful} differ: {@code mix} sums the cached log-mel crops of two clips in the power
 * domain at equal weight (no decoding, no waveform work; the modern, cheap path), while {@code faithful} mixes
 * waveforms at random weights and computes the log-mel of the mix.
 *
 * <p>The original's final recipe mixed pairs of clips and reverberated half of the examples
 * (docs/ORIGINAL-PROJECT.md §6); close to it, on the command line's {@code --augment} syntax:
 * {@snippet :
 * AugmentSpec spec = AugmentSpec.parse("mix:0.5,reverb:0.5", Path.of("data/impulse-responses"), 44100);
 * double mix = spec.mixProbability();         // 0.5, replaces TrainingConfig.mixProbability()
 * AugmentPipeline waveform = spec.pipeline();  // reverb on the fly; null when only mixing
 * Trainer trainer = Trainer.builder(cfg).augment(spec).cacheRoot(cache).build();
 * }
 */
public final class AugmentSpec {

    private static final List<String> NAMES = List.of("mix", "scene", "reverb", "noise", "pitch", "stretch", "gain");

    /** The name of the original project's whole recipe, {@link AugmentPipeline#faithful}. */
    public static final String FAITHFUL = "faithful";

    private final String text;
    private final double mixProbability;
    private final double sceneProbability;
    private final AugmentPipeline pipeline;
    private final List<ImpulseResponse> faithfulIrs;
    private final int sampleRate;

    private AugmentSpec(String text, double mixProbability, double sceneProbability, AugmentPipeline pipeline,
            List<ImpulseResponse> irs, int sampleRate) {
        this.text = text;
        this.mixProbability = mixProbability;
        this.sceneProbability = sceneProbability;
        this.pipeline = pipeline;
        this.faithfulIrs = irs == null ? null : List.copyOf(irs);
        this.sampleRate = sampleRate;
    }

    /** Returns the recipe without any augmentation, {@code "none"}; the trainer's default. */
    public static AugmentSpec none() {
        return new AugmentSpec("none", 0, 0, null, null, 0);
    }

    /**
     * Parses a recipe; {@code reverb} and {@code faithful} load every impulse response of the folder (WAV, FLAC or
     * Ogg files, in name order) at the training rate.
     *
     * @param spec the text, e.g. {@code "mix:0.5,reverb"} or {@code "faithful"}
     * @param impulseResponses folder of impulse-response audio files (needed only for {@code reverb} and
     *     {@code faithful}; the command line passes {@code data/impulse-responses})
     * @param sampleRate the training sample rate in Hz
     * @return the recipe
     * @throws IllegalArgumentException naming the unknown transform or bad probability, or {@code faithful}
     *     combined with another name
     * @throws IOException naming the folder if {@code reverb} or {@code faithful} is requested and the folder is
     *     missing, holds no audio file, or an impulse response cannot be read
     */
    public static AugmentSpec parse(String spec, Path impulseResponses, int sampleRate) throws IOException {
        String t = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return none();
        }
        if (t.equals(FAITHFUL)) {
            return new AugmentSpec(t, 0, 0, null, readIrs(impulseResponses, sampleRate, FAITHFUL), sampleRate);
        }
        double mix = 0;
        double scene = 0;
        AugmentPipeline.Builder b = AugmentPipeline.builder();
        boolean any = false;
        List<String> seen = new ArrayList<>();
        for (String part : t.split(",")) {
            String[] kv = part.strip().split(":", 2);
            String name = kv[0].strip();
            if (name.equals(FAITHFUL)) {
                throw new IllegalArgumentException("augment: '" + FAITHFUL + "' is a whole recipe (the original "
                        + "project's mixing, crops and reverb) and cannot be combined with other names, got '" + t
                        + "'");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("augment: unknown transform '" + name + "'; known: " + NAMES);
            }
            if (seen.contains(name)) {
                throw new IllegalArgumentException("augment: '" + name + "' given twice");
            }
            seen.add(name);
            double p = 0.5;
            if (kv.length == 2) {
                try {
                    p = Double.parseDouble(kv[1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("augment: probability of '" + name + "' is not a number: '"
                            + kv[1] + "'");
                }
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("augment: probability of '" + name + "' is " + p
                        + ", must be in [0, 1]");
            }
            switch (name) {
                case "mix" -> mix = p;
                case "scene" -> scene = p;
                case "reverb" -> b.add(ReverbTransform.builder(readIrs(impulseResponses, sampleRate, name),
                        sampleRate).build(), p);
                case "noise" -> b.add(NoiseTransform.atSnr(NoiseTransform.Color.WHITE, 10, 40), p);
                case "pitch" -> b.add(PitchShift.ofSemitones(-2, 2, false), p);
                case "stretch" -> b.add(TimeStretch.ofRate(0.9, 1.1), p);
                case "gain" -> b.add(GainTransform.ofDb(-6, 6), p);
                default -> throw new IllegalStateException(name);
            }
            any |= !name.equals("mix") && !name.equals("scene");
        }
        return new AugmentSpec(t, mix, scene, any ? b.build() : null, null, 0);
    }

    private static List<ImpulseResponse> readIrs(Path dir, int sr, String what) throws IOException {
        if (dir == null) {
            throw new IOException("augment: " + what + " needs a folder of impulse responses, got none");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": impulse-response folder for augment '" + what + "' "
                    + (Files.exists(dir) ? "is not a folder" : "does not exist"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(wav|flac|ogg)$")).sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + ": no impulse-response audio files (.wav, .flac, .ogg) for augment '" + what
                    + "'");
        }
        List<ImpulseResponse> out = new ArrayList<>();
        for (Path f : files) {
            out.add(ImpulseResponse.of(AudioLoader.atRate(sr).load(f)));
        }
        return out;
    }

    /** Returns the normalised recipe text (lower case, stripped), part of a run's identity. */
    public String text() {
        return text;
    }

    /** Returns the probability of mixing an example with another clip on the log-mels, 0 = off. */
    public double mixProbability() {
        return mixProbability;
    }

    /**
     * Returns the probability that a training example is a {@code scene} window (a window cut from a synthetic
     * soundscape around the clip, for event detection) instead of a crop of the clip, 0 = off.
     */
    public double sceneProbability() {
        return sceneProbability;
    }

    /**
     * Returns the waveform transforms applied on the fly before the log-mel, each with its probability, or
     * {@code null} when only mixing (or nothing) is requested, and for {@code faithful} (whose pipeline depends on
     * the training clips: {@link #faithfulPipeline}).
     */
    public AugmentPipeline pipeline() {
        return pipeline;
    }

    /** Returns whether this is the original project's whole recipe, {@code faithful}. */
    public boolean isFaithful() {
        return faithfulIrs != null;
    }

    /** Returns whether training needs the decoded audio of the clips ({@code faithful} or a waveform transform). */
    public boolean needsWaveforms() {
        return pipeline != null || faithfulIrs != null || sceneProbability > 0;
    }

    /**
     * Returns the impulse responses of {@code faithful}, in file-name order, decoded at {@link #sampleRate()}.
     *
     * @return an unmodifiable list; empty for other recipes
     */
    public List<ImpulseResponse> impulseResponses() {
        return faithfulIrs == null ? Collections.emptyList() : faithfulIrs;
    }

    /** Returns the sample rate in Hz the impulse responses of {@code faithful} were decoded at (0 for others). */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the library pipeline {@code faithful} stands for, over clips held in memory:
     * {@code AugmentPipeline.faithful(pool, impulseResponses(), length)}. Training draws exactly the examples of
     * this pipeline (same generators, same arithmetic) with the training clips as the pool, but reads the clips
     * from the decoded-audio cache and mixes only the samples the first crop keeps.
     *
     * @param pool the clips to mix, all at {@link #sampleRate()}
     * @param length the crop length in samples
     * @return the pipeline: mix, crop, reverb with probability 0.5, crop
     * @throws IllegalStateException if this recipe is not {@code faithful}
     * @throws IllegalArgumentException as {@link AugmentPipeline#faithful}
     */
    public AugmentPipeline faithfulPipeline(List<LabeledAudio> pool, int length) {
        if (faithfulIrs == null) {
            throw new IllegalStateException("augment: '" + text + "' is not the '" + FAITHFUL + "' recipe");
        }
        return AugmentPipeline.faithful(pool, faithfulIrs, length);
    }

    @Override
    public String toString() {
        return text;
    }
}
