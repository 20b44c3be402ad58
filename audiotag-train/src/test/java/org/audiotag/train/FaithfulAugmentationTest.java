package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.audiotag.models.ExportedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code faithful} augmentation recipe in training (docs/ORIGINAL-PROJECT.md §6): parsing and its errors, and a
 * killed and resumed run equal to an uninterrupted one.
 */
class FaithfulAugmentationTest {

    static Path irs;

    @BeforeAll
    static void load() throws Exception {
        TrainerTest.load();
        irs = TestPaths.root().resolve("data/impulse-responses");
    }

    @Test
    void faithfulReadsEveryImpulseResponseOfTheFolderInNameOrder() throws IOException {
        AugmentSpec spec = AugmentSpec.parse(" Faithful ", irs, 44100);
        assertThat(spec.isFaithful()).isTrue();
        assertThat(spec.needsWaveforms()).isTrue();
        assertThat(spec.text()).isEqualTo("faithful");
        assertThat(spec.mixProbability()).isZero();
        assertThat(spec.pipeline()).isNull();
        assertThat(spec.sampleRate()).isEqualTo(44100);
        List<String> names;
        try (var s = Files.list(irs)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wav")).sorted().toList();
        }
        assertThat(spec.impulseResponses()).extracting(ir -> Path.of(ir.name()).getFileName().toString()).containsExactlyElementsOf(names);
        assertThat(AugmentSpec.none().isFaithful()).isFalse();
        assertThat(AugmentSpec.none().impulseResponses()).isEmpty();
        assertThatThrownBy(() -> AugmentSpec.none().faithfulPipeline(List.of(), 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'none'");
    }

    @Test
    void aMissingOrEmptyImpulseResponseFolderIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> AugmentSpec.parse("faithful", missing, 44100)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no audio here");
        assertThatThrownBy(() -> AugmentSpec.parse("faithful", empty, 44100)).isInstanceOf(IOException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("no impulse-response audio files");
        assertThatThrownBy(() -> AugmentSpec.parse("faithful", null, 44100)).isInstanceOf(IOException.class)
                .hasMessageContaining("faithful");
        assertThatThrownBy(() -> AugmentSpec.parse("reverb", missing, 44100)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> AugmentSpec.parse("faithful,mix:0.5", irs, 44100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faithful")
                .hasMessageContaining("cannot be combined");
    }

    @Test
    void faithfulRefusesLogMelMixingOnTop(@TempDir Path dir) throws IOException {
        TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(1).batchSize(10).seed(5)
                .mixProbability(0.5).build();
        Trainer t = Trainer.builder(cfg).features(TrainerTest.MEL).augment(AugmentSpec.parse("faithful", irs, 44100))
                .cacheRoot(dir.resolve("cache")).build();
        assertThatThrownBy(() -> t.train(TrainerTest.esc, Arrays.copyOf(TrainerTest.train, 10), TrainerTest.val,
                dir.resolve("run"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixProbability");
    }

    /** A run with {@code faithful} killed after epoch 1 and resumed ends exactly as an uninterrupted run. */
    @Test
    void killedAndResumedFaithfulRunEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        int[] tr = Arrays.copyOf(TrainerTest.train, 20);
        AugmentSpec spec = AugmentSpec.parse("faithful", irs, 44100);
        TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(2).batchSize(10).seed(5)
                .lr(3e-3).threads(2).build();
        Path cache = dir.resolve("cache");
        TrainingResult whole = Trainer.builder(cfg).features(TrainerTest.MEL).augment(spec).cacheRoot(cache).build()
                .train(TrainerTest.esc, tr, TrainerTest.val, dir.resolve("whole"));
        Path run = dir.resolve("killed");
        TrainingListener killer = new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord record, boolean best) {
                throw new TrainerTest.Killed();
            }
        };
        assertThatThrownBy(() -> Trainer.builder(cfg).features(TrainerTest.MEL).augment(spec).cacheRoot(cache)
                .addTrainingListeners(killer).build().train(TrainerTest.esc, tr, TrainerTest.val, run))
                .isInstanceOf(TrainerTest.Killed.class);
        assertThat(History.read(run).records()).hasSize(1);
        TrainingResult resumed = Trainer.builder(cfg).features(TrainerTest.MEL).augment(spec).cacheRoot(cache)
                .build().train(TrainerTest.esc, tr, TrainerTest.val, run);
        List<EpochRecord> a = whole.history().records();
        List<EpochRecord> b = resumed.history().records();
        assertThat(b).hasSize(2);
        for (int e = 0; e < 2; e++) {
            String at = "epoch " + (e + 1);
            assertThat(b.get(e).trainLoss()).as(at + " train loss").isEqualTo(a.get(e).trainLoss());
            assertThat(b.get(e).valLoss()).as(at + " val loss").isEqualTo(a.get(e).valLoss());
            assertThat(b.get(e).valLwlrap()).as(at + " lwlrap").isEqualTo(a.get(e).valLwlrap());
        }
        assertThat(a.get(1).trainLoss()).isNotEqualTo(a.get(0).trainLoss());
        assertThat(Files.readString(whole.modelDir().resolve(ExportedModel.PROVENANCE_FILE)))
                .contains("training.augment=faithful");
        // two caches, log-mels and decoded audio, shared by all three runs
        try (var s = Files.list(cache)) {
            assertThat(s.count()).isEqualTo(2);
        }
    }
}
