package org.audiotag.train.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;
import org.audiotag.models.TaggingConfig;
import org.audiotag.toolkit.Provenance;
import org.audiotag.toolkit.Version;
import org.audiotag.train.AugmentSpec;
import org.audiotag.train.ScheduleKind;
import org.audiotag.train.TrainingConfig;

/**
 * What a run is: training options, architecture and model configuration, features, augmentation, data, split and
 * feature cache. Gives the run's fingerprint (its identity in the run folder, so a folder resumes only the same run),
 * its provenance record (written into the run folder) and what the exported model stores with it: the tagging
 * settings (features, windows, aggregation, normalisation), so a model is never fed features it was not trained on,
 * and the training record. Immutable.
 */
public final class RunDescription {

    private static final String SPLIT_NOTE = "split.csv in the run folder (fold 0 = validation, 1 = training, "
            + "2 = unused)";

    private final TrainingConfig cfg;
    private final Architecture arch;
    private final ModelConfig modelConfig;
    private final LogMelFeatures mel;
    private final AugmentSpec augment;
    private final double mixProbability;
    private final TrainingData data;

    /**
     * Describes a run from its parts.
     *
     * @param cfg training options
     * @param arch the architecture
     * @param modelConfig the model configuration
     * @param mel the log-mel configuration
     * @param augment the augmentation recipe
     * @param mixProbability the effective log-mel mixing probability
     * @param data the run's data
     */
    public RunDescription(TrainingConfig cfg, Architecture arch, ModelConfig modelConfig, LogMelFeatures mel,
            AugmentSpec augment, double mixProbability, TrainingData data) {
        this.cfg = cfg;
        this.arch = arch;
        this.modelConfig = modelConfig;
        this.mel = mel;
        this.augment = augment;
        this.mixProbability = mixProbability;
        this.data = data;
    }

    /**
     * Returns the SHA-256 of everything that makes the run: a folder resumes a run only under the same fingerprint. The
     * epoch budget is left out (it may grow on resume), except for the cosine schedule whose curve depends on it.
     *
     * @return 64 hex digits
     */
    public String fingerprint() {
        TrainingConfig id = cfg.schedule() == ScheduleKind.COSINE ? cfg : cfg.toBuilder().epochs(1).build();
        String features = data.pipeline() == null ? mel.cacheKey()
                : mel.cacheKey() + "|" + new PreparedClipFeatures(data.pipeline()).cacheKey();
        return Sha256.hex(id + "|" + arch.cliName() + "|" + modelConfig + "|" + features + "|"
                + augment.text() + "|mix=" + mixProbability + "|" + Arrays.toString(data.train()) + "|"
                + Arrays.toString(data.validation()) + "|" + data.dataset().vocabulary().labels() + "|"
                + data.features().key());
    }

    /** Returns the readable facts about the run that go into the run folder's marker. */
    public Map<String, String> summary() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(Provenance.VERSION, Version.get());
        p.put("architecture", arch.cliName());
        p.put("recipe", cfg.recipe());
        p.put("training", cfg.toString());
        p.put("augment", augment.text());
        p.put("dataset", data.dataset().name());
        p.put("trainClips", Integer.toString(data.trainSize()));
        p.put("validationClips", Integer.toString(data.validation().length));
        return p;
    }

    /**
     * Returns the run's provenance record (version, model, training options, features, windows, normalisation,
     * data and split), in the order it is written.
     *
     * @param model the built model (input shape, parameter count)
     * @return the key/values
     */
    public Map<String, String> provenance(TagModel model) {
        int[] train = data.train();
        int[] val = data.validation();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(Provenance.VERSION, Version.get());
        p.put("architecture", arch.cliName());
        p.put("inputKind", arch.inputKind().name());
        p.put("inputShape", Arrays.toString(model.inputShape()));
        p.put("parameters", Long.toString(model.parameterCount()));
        p.put("modelConfig", modelConfig.toString());
        p.put("recipe", cfg.recipe());
        p.put("training", cfg.toString());
        p.put("seed", Long.toString(cfg.seed()));
        p.put("loss", cfg.loss().name());
        p.put("augment", augment.text());
        p.put("mixProbability", Double.toString(mixProbability));
        p.putAll(mel.toMap());
        p.put("pipeline", pipelineText());
        p.put("lengthPolicy", lengthPolicy());
        p.put("window", Integer.toString(data.window()));
        p.put("windowHop", Integer.toString(data.hop()));
        p.put("aggregation", cfg.aggregation().name());
        p.put("normalize.mean", Float.toString(data.normalization().mean()));
        p.put("normalize.std", Float.toString(data.normalization().std()));
        p.put("dataset", data.dataset().name());
        p.put("trainClips", Integer.toString(train.length));
        p.put("validationClips", Integer.toString(val.length));
        p.put("split", SPLIT_NOTE);
        p.put("splitSha256", splitSha256());
        p.put("featureCache", data.features().key());
        p.put("tags", String.join(",", data.dataset().vocabulary().labels()));
        return p;
    }

    /**
     * Returns how the exported model turns a clip into inputs and scores: the run's features (log-mels, or the
     * waveform at the log-mel rate for raw-waveform models), window length and hop, aggregation and the input
     * normalisation fitted on the training clips.
     *
     * @return the tagging configuration stored with the model
     */
    public TaggingConfig tagging() {
        FeatureConfig features = data.pipeline() != null ? new PreparedClipFeatures(data.pipeline()).config()
                : data.raw() ? new WaveformFeatures(mel.sr()).config() : mel.config();
        return TaggingConfig.builder().features(features)
                .window(data.window()).windowHop(data.hop()).aggregation(cfg.aggregation())
                .normalization(data.normalization().mean(), data.normalization().std()).build();
    }

    /**
     * Returns the facts of the run that the exported model's provenance file keeps besides the model and its tagging
     * settings (under {@code training.}): training options, feature cache key, augmentation, data and split.
     *
     * @return the record, in the order it is written
     */
    public Map<String, String> trainingRecord() {
        int[] train = data.train();
        int[] val = data.validation();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("recipe", cfg.recipe());
        p.put("config", cfg.toString());
        p.put("features", data.pipeline() == null ? mel.cacheKey()
                : new PreparedClipFeatures(data.pipeline()).cacheKey());
        p.put("pipeline", pipelineText());
        p.put("lengthPolicy", lengthPolicy());
        p.put("augment", augment.text());
        p.put("mixProbability", Double.toString(mixProbability));
        p.put("dataset", data.dataset().name());
        p.put("trainClips", Integer.toString(train.length));
        p.put("validationClips", Integer.toString(val.length));
        p.put("split", SPLIT_NOTE);
        p.put("splitSha256", splitSha256());
        p.put("featureCache", data.features().key());
        return p;
    }

    /**
     * Writes the provenance record as {@code .properties} (atomically).
     *
     * @param file the target
     * @param model the built model
     * @throws IOException on write failure
     */
    public void writeProvenance(Path file, TagModel model) throws IOException {
        Provenance.of(provenance(model)).write(file, "audiotag training provenance");
    }

    /** The fixed-length pipeline as feature-configuration text, or {@code whole_clip}. */
    private String pipelineText() {
        return data.pipeline() == null ? "whole_clip" : data.pipeline().toText();
    }

    /**
     * What training did to clip lengths, in words that name the {@code FixedLength} policy where there is one: the
     * pipeline's policy for prepared clips (e.g. {@code left_pad_crop_first}: the first 2 s, left-padded, at train
     * and test time), else random whole-clip crops padded with the clip's minimum and test-time windows.
     */
    private String lengthPolicy() {
        if (data.pipeline() != null) {
            return data.pipeline().lengthPolicy().name().toLowerCase(java.util.Locale.ROOT)
                    + (data.pipeline().trimTopDb() > 0 ? " after trim_top_db=" + data.pipeline().trimTopDb() : "")
                    + " to " + data.pipeline().nSamples() + " samples, train and test";
        }
        String pad = data.raw() ? "zeros" : "the clip's minimum dB";
        return "whole clip; train: random " + data.window() + (data.raw() ? "-sample" : "-frame") + " crops (short "
                + "clips placed at random, padded with " + pad + "); test: " + cfg.aggregation().name()
                .toLowerCase(java.util.Locale.ROOT) + " over windows every " + data.hop();
    }

    private String splitSha256() {
        return Sha256.hex(Arrays.toString(data.train()) + "|" + Arrays.toString(data.validation()));
    }
}
