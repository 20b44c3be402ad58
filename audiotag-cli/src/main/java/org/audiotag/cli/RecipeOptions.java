package org.audiotag.cli;

import java.util.Locale;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.InputKind;
import org.audiotag.models.WindowAggregation;
import org.audiotag.train.Recipe;
import org.audiotag.train.ScheduleKind;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.data.RowPolicy;
import picocli.CommandLine;

/**
 * The training options of {@code train} and {@code compare} under a {@link Recipe}: the recipe's settings for the
 * architecture, then every option the user typed (found through picocli's parse result, so a default value never
 * overrides a recipe). {@code --aggregation} and {@code --pipeline} cannot override a recipe that fixes them:
 * {@code seed2019} tags the first 2 s ({@code FIRST}) of its own pipeline (A, B for raw-waveform models, C for
 * augmented MCNN runs), {@code modern} reads whole-clip log-mels; a contradicting value is a one-line error naming the
 * option and the recipe.
 */
final class RecipeOptions {

    /** The options of a training command, as typed or at their defaults. */
    record Values(int epochs, int batchSize, double lr, long seed, ScheduleKind schedule, int patience,
            WindowAggregation aggregation, double weightDecay, double clipNorm, boolean normalize, boolean skipBad,
            String pipeline) {
    }

    private final CommandLine.Model.CommandSpec spec;
    private final Recipe recipe;

    private RecipeOptions(CommandLine.Model.CommandSpec spec, Recipe recipe) {
        this.spec = spec;
        this.recipe = recipe;
    }

    /**
     * Reads {@code --recipe}.
     *
     * @param spec the command
     * @param name the recipe name, or {@code null} for none
     * @return the options' reader
     * @throws CommandLine.ParameterException naming the unknown recipe
     */
    static RecipeOptions of(CommandLine.Model.CommandSpec spec, String name) {
        if (name == null) {
            return new RecipeOptions(spec, null);
        }
        try {
            return new RecipeOptions(spec, Recipe.byName(name));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recipe " + name + ": " + e.getMessage());
        }
    }

    /** Returns the recipe, or {@code null} when none was named. */
    Recipe recipe() {
        return recipe;
    }

    /** Whether the user typed an option (not its default). */
    boolean given(String option) {
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        return pr != null && pr.hasMatchedOption(option);
    }

    /**
     * Returns the training options of an architecture: without a recipe the options as typed or defaulted (the
     * behaviour before recipes), with one the recipe's, overridden by the options typed.
     *
     * @param model the architecture name as requested
     * @param v the option values
     * @param augmented whether the run augments (selects pipeline C for the seed's MCNN)
     * @return the options
     * @throws CommandLine.ParameterException for an unknown architecture, a bad value or a contradiction
     */
    TrainingConfig config(String model, Values v, boolean augmented) {
        try {
            Architecture.byName(model);
            checkContradictions(model, v, augmented);
            RowPolicy policy = v.skipBad() ? RowPolicy.SKIP : RowPolicy.FAIL;
            if (recipe == null) {
                return TrainingConfig.builder().architecture(model).epochs(v.epochs()).batchSize(v.batchSize())
                        .lr(v.lr()).seed(v.seed()).schedule(v.schedule()).earlyStoppingPatience(v.patience())
                        .aggregation(v.aggregation()).weightDecay(v.weightDecay()).clipNorm(v.clipNorm())
                        .normalize(v.normalize()).badAudioPolicy(policy).build();
            }
            TrainingConfig.Builder b = recipe.configFor(model).toBuilder().seed(v.seed()).badAudioPolicy(policy);
            if (given("--epochs")) {
                b.epochs(v.epochs());
            }
            if (given("--batch-size")) {
                b.batchSize(v.batchSize());
            }
            if (given("--lr")) {
                b.lr(v.lr());
            }
            if (given("--schedule")) {
                b.schedule(v.schedule());
            }
            if (given("--patience")) {
                b.earlyStoppingPatience(v.patience());
            }
            if (given("--aggregation")) {
                b.aggregation(v.aggregation());
            }
            if (given("--weight-decay")) {
                b.weightDecay(v.weightDecay());
            }
            if (given("--clip-norm")) {
                b.clipNorm(v.clipNorm());
            }
            if (given("--no-normalize")) {
                b.normalize(v.normalize());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Returns the features of an architecture: the recipe's, or {@code --pipeline}'s fixed-length pipeline, or
     * (neither) whole-clip pipeline-A log-mels.
     *
     * @param model the architecture name as requested
     * @param pipeline {@code A}, {@code B}, {@code C} or {@code null}
     * @param augmented whether the run augments
     * @return the feature configuration for {@code Trainer.Builder.featureConfig(FeatureConfig)}
     */
    FeatureConfig features(String model, String pipeline, boolean augmented) {
        if (pipeline != null) {
            return pipeline(pipeline);
        }
        return recipe != null ? recipe.featuresFor(model, augmented)
                : LogMelFeatures.from(FeatureConfig.pipelineA()).config();
    }

    private void checkContradictions(String model, Values v, boolean augmented) {
        boolean raw = Architecture.byName(model).inputKind() == InputKind.RAW_WAVEFORM;
        if (v.pipeline() != null) {
            FeatureConfig p = pipeline(v.pipeline());
            boolean rawPipeline = p.kind() == FeatureConfig.Kind.RAW_WAVEFORM;
            if (raw != rawPipeline) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--pipeline " + v.pipeline()
                        + ": " + (rawPipeline ? "pipeline B is a raw waveform, " + model + " reads log-mels (A or C)"
                                : "a log-mel pipeline, " + model + " reads raw waveforms (B)"));
            }
        }
        if (recipe == Recipe.SEED2019) {
            if (given("--aggregation") && v.aggregation() != WindowAggregation.FIRST) {
                throw contradiction("--aggregation " + v.aggregation(), "it tags the first 2 s of each clip only, "
                        + "aggregation FIRST");
            }
            if (v.pipeline() != null && !pipeline(v.pipeline()).equals(recipe.featuresFor(model, augmented))) {
                throw contradiction("--pipeline " + v.pipeline(), model + (augmented ? " with augmentation" : "")
                        + " reads pipeline " + letter(recipe.featuresFor(model, augmented)));
            }
        } else if (recipe == Recipe.MODERN && v.pipeline() != null) {
            throw contradiction("--pipeline " + v.pipeline(), "it reads whole-clip log-mels, random crops and "
                    + "window averages");
        }
    }

    private CommandLine.ParameterException contradiction(String option, String why) {
        return new CommandLine.ParameterException(spec.commandLine(), option + " contradicts --recipe "
                + recipe.name() + " (" + why + ")");
    }

    /**
     * Returns the original's fixed-length pipeline named by a letter.
     *
     * @param letter {@code A}, {@code B} or {@code C} (case-insensitive)
     * @return pipeline A, B ({@code rawWaveform}) or C
     * @throws CommandLine.ParameterException for another letter
     */
    FeatureConfig pipeline(String letter) {
        return switch (letter.strip().toUpperCase(Locale.ROOT)) {
            case "A" -> FeatureConfig.pipelineA();
            case "B" -> FeatureConfig.rawWaveform();
            case "C" -> FeatureConfig.pipelineC();
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--pipeline " + letter
                    + ": must be A (first 2 s, log-mel), B (first 88,200 samples) or C (trimmed, hop 694, fmin 20)");
        };
    }

    private static String letter(FeatureConfig c) {
        if (c.equals(FeatureConfig.pipelineA())) {
            return "A";
        }
        return c.equals(FeatureConfig.rawWaveform()) ? "B" : c.equals(FeatureConfig.pipelineC()) ? "C" : c.toText();
    }
}
