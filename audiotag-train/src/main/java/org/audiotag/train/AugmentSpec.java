package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.GainTransform;
import org.audiotag.augment.ImpulseResponse;
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
 * <li>{@code reverb}: convolution with one of the room impulse responses of a folder (audiotag-augment
 *     {@code ReverbTransform} defaults);</li>
 * <li>{@code noise}: white noise at 10-40 dB SNR; {@code pitch}: ±2 semitones; {@code stretch}: rate 0.9-1.1;
 *     {@code gain}: ±6 dB.</li>
 * </ul>
 * Any waveform transform switches training to on-the-fly features (decoded audio cached, log-mel recomputed per
 * example); validation always uses the cached features of the unmodified audio. Immutable.
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

    private static final List<String> NAMES = List.of("mix", "reverb", "noise", "pitch", "stretch", "gain");

    private final String text;
    private final double mixProbability;
    private final AugmentPipeline pipeline;

    private AugmentSpec(String text, double mixProbability, AugmentPipeline pipeline) {
        this.text = text;
        this.mixProbability = mixProbability;
        this.pipeline = pipeline;
    }

    /** Returns the recipe without any augmentation, {@code "none"}; the trainer's default. */
    public static AugmentSpec none() {
        return new AugmentSpec("none", 0, null);
    }

    /**
     * Parses a recipe; reverb loads every impulse response of the folder at the training rate.
     *
     * @param spec the text, e.g. {@code "mix:0.5,reverb"}
     * @param impulseResponses folder of impulse-response audio files (needed only for {@code reverb})
     * @param sampleRate the training sample rate in Hz
     * @return the recipe
     * @throws IllegalArgumentException naming the unknown transform or bad probability
     * @throws IOException if {@code reverb} is requested and the impulse responses cannot be read
     */
    public static AugmentSpec parse(String spec, Path impulseResponses, int sampleRate) throws IOException {
        String t = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return none();
        }
        double mix = 0;
        AugmentPipeline.Builder b = AugmentPipeline.builder();
        boolean any = false;
        List<String> seen = new ArrayList<>();
        for (String part : t.split(",")) {
            String[] kv = part.strip().split(":", 2);
            String name = kv[0].strip();
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
                case "reverb" -> b.add(ReverbTransform.builder(readIrs(impulseResponses, sampleRate), sampleRate)
                        .build(), p);
                case "noise" -> b.add(NoiseTransform.atSnr(NoiseTransform.Color.WHITE, 10, 40), p);
                case "pitch" -> b.add(PitchShift.ofSemitones(-2, 2, false), p);
                case "stretch" -> b.add(TimeStretch.ofRate(0.9, 1.1), p);
                case "gain" -> b.add(GainTransform.ofDb(-6, 6), p);
                default -> throw new IllegalStateException(name);
            }
            any |= !name.equals("mix");
        }
        return new AugmentSpec(t, mix, any ? b.build() : null);
    }

    private static List<ImpulseResponse> readIrs(Path dir, int sr) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("augment: reverb needs a folder of impulse responses, got " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(wav|flac|ogg)$")).sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + ": no impulse-response audio files");
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
     * Returns the waveform transforms applied on the fly before the log-mel, each with its probability, or
     * {@code null} when only mixing (or nothing) is requested.
     */
    public AugmentPipeline pipeline() {
        return pipeline;
    }

    @Override
    public String toString() {
        return text;
    }
}
