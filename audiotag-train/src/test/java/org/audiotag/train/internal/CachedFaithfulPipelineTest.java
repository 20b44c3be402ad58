package org.audiotag.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.AugmentedExample;
import org.audiotag.augment.ImpulseResponse;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureFunction;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.models.InputKind;
import org.audiotag.train.AugmentSpec;
import org.audiotag.train.FeatureCache;
import org.audiotag.train.TestPaths;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.RowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original project's augmentation over the decoded-audio cache: equal to the library's
 * {@code AugmentPipeline.faithful} draw for draw, replayable, label union, thread-independent examples, and each clip
 * decoded once.
 */
class CachedFaithfulPipelineTest {

    static final LogMelFeatures MEL = LogMelFeatures.from(FeatureConfig.pipelineA());
    static final int[] TRAIN = {0, 1, 2, 3, 4, 5};
    static final int[] VAL = {6, 7, 8, 9};

    static AugmentSpec faithful() throws IOException {
        return AugmentSpec.parse("faithful", TestPaths.root().resolve("data/impulse-responses"), 44100);
    }

    static TrainingData open(Path cache, InputKind kind, FeatureFunction decoder) throws IOException {
        TrainingConfig cfg = TrainingConfig.builder().threads(2).build();
        return TrainingData.open(TinyRunData.dataset(), TRAIN, VAL, kind, MEL, cfg, cache, true, decoder);
    }

    static CachedFaithfulPipeline pipeline(TrainingData td, List<ImpulseResponse> irs, int length) {
        Dataset ds = td.dataset();
        float[][] targets = new float[ds.size()][];
        String[] names = new String[ds.size()];
        for (int i = 0; i < ds.size(); i++) {
            targets[i] = ds.target(i);
            names[i] = ds.clip(i).name();
        }
        return new CachedFaithfulPipeline(td.waveforms(), td.train(), targets, names, 44100, irs, length);
    }

    @Test
    void drawsExactlyTheLibraryPipelineFromTheCache(@TempDir Path dir) throws Exception {
        AugmentSpec spec = faithful();
        try (TrainingData td = open(dir, InputKind.LOG_MEL_IMAGE, new WaveformFeatures(44100))) {
            CachedFaithfulPipeline cached = pipeline(td, spec.impulseResponses(), 88200);
            List<LabeledAudio> pool = new ArrayList<>();
            for (int i : td.train()) {
                pool.add(LabeledAudio.of(td.waveforms().get(i).data(), 44100, td.dataset().target(i),
                        td.dataset().clip(i).name()));
            }
            AugmentPipeline library = spec.faithfulPipeline(pool, 88200);
            int reverberated = 0;
            int pairs = 0;
            for (int index = 0; index < 12; index++) {
                CachedFaithfulPipeline.Example ours = cached.draw(7, 3, index);
                AugmentedExample theirs = library.apply(pool.get(0), 7, 3, index);
                String at = "example " + index;
                assertThat(ours.samples()).as(at).containsExactly(theirs.audio().samples());
                assertThat(ours.target()).as(at).containsExactly(theirs.audio().target());
                assertThat(ours.source()).as(at).isEqualTo(theirs.audio().source());
                assertThat(ours.samples()).as(at).hasSize(88200);
                reverberated += ours.impulseResponse() >= 0 ? 1 : 0;
                pairs += ours.poolIndices().length == 2 ? 1 : 0;
            }
            // both branches of both random choices were compared
            assertThat(reverberated).isBetween(1, 11);
            assertThat(pairs).isBetween(1, 11);
        }
    }

    @Test
    void drawsAreReplayableAndNewEveryEpoch(@TempDir Path dir) throws Exception {
        try (TrainingData td = open(dir, InputKind.LOG_MEL_IMAGE, new WaveformFeatures(44100))) {
            CachedFaithfulPipeline p = pipeline(td, faithful().impulseResponses(), 88200);
            int differ = 0;
            for (int index = 0; index < 6; index++) {
                CachedFaithfulPipeline.Example a = p.draw(42, 1, index);
                CachedFaithfulPipeline.Example again = p.draw(42, 1, index);
                assertThat(again.samples()).containsExactly(a.samples());
                assertThat(again.target()).containsExactly(a.target());
                assertThat(again.poolIndices()).containsExactly(a.poolIndices());
                CachedFaithfulPipeline.Example next = p.draw(42, 2, index);
                differ += Arrays.equals(next.samples(), a.samples()) ? 0 : 1;
            }
            assertThat(differ).isEqualTo(6);
        }
    }

    @Test
    void examplesAreTheSameWhateverTheThreadsAndOrder(@TempDir Path dir) throws Exception {
        try (TrainingData td = open(dir, InputKind.LOG_MEL_IMAGE, new WaveformFeatures(44100))) {
            TrainingExamples ex = new TrainingExamples(td, MEL, faithful(), 0, 11, 2);
            assertThat(ex.faithfulLength()).isEqualTo(88200);
            int n = 8;
            int size = ex.exampleSize();
            float[] x1 = new float[n * size];
            float[] y1 = new float[n * td.numTags()];
            for (int k = 0; k < n; k++) {
                ex.write(td.trainClip(k % td.trainSize()), 4, k, x1, k * size, y1, k * td.numTags());
            }
            float[] x2 = new float[n * size];
            float[] y2 = new float[n * td.numTags()];
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> f = new ArrayList<>();
                for (int k = n - 1; k >= 0; k--) {
                    int j = k;
                    // the clip at a position is ignored by the original's draws: another clip changes nothing
                    f.add(pool.submit(() -> ex.write(td.trainClip(0), 4, j, x2, j * size, y2, j * td.numTags())));
                }
                for (Future<?> g : f) {
                    g.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(x2).containsExactly(x1);
            assertThat(y2).containsExactly(y1);
            // every target is multi-hot: 0/1 values, at least one tag, at most two (a mix of two clips)
            for (int k = 0; k < n; k++) {
                float[] t = Arrays.copyOfRange(y1, k * td.numTags(), (k + 1) * td.numTags());
                double ones = 0;
                for (float v : t) {
                    assertThat(v).isIn(0f, 1f);
                    ones += v;
                }
                assertThat(ones).isBetween(1.0, 2.0);
            }
        }
    }

    @Test
    void rawWaveformModelsTakeTheCropItself(@TempDir Path dir) throws Exception {
        try (TrainingData td = open(dir, InputKind.RAW_WAVEFORM, new WaveformFeatures(44100))) {
            TrainingExamples ex = new TrainingExamples(td, MEL, faithful(), 0, 11, 1);
            assertThat(td.window()).isEqualTo(88200);
            assertThat(ex.faithfulLength()).isEqualTo(88200);
            float[] x = new float[ex.exampleSize()];
            float[] y = new float[td.numTags()];
            ex.write(td.trainClip(0), 0, 5, x, 0, y, 0);
            CachedFaithfulPipeline.Example e = pipeline(td, faithful().impulseResponses(), 88200).draw(11, 0, 5);
            assertThat(x).containsExactly(e.samples());
            assertThat(y).containsExactly(e.target());
        }
    }

    /** Clips of constant value (clip i holds VALUES[i], LENGTHS[i] samples), decoded by a function, not a file. */
    static final float[] VALUES = {0.5f, -0.25f, 0.125f};
    static final int[] LENGTHS = {1000, 1500, 800};
    static final float[][] TARGETS = {{1, 0, 0}, {0, 1, 0}, {0, 1, 1}};

    @Test
    void labelsAreTheUnionOfTheMixedClipsWhateverTheWeights(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(dir.resolve("a.wav"), dir.resolve("b.wav"), dir.resolve("c.wav"));
        FeatureFunction constant = new FeatureFunction() {
            @Override
            public String cacheKey() {
                return "constant clips";
            }

            @Override
            public int bins() {
                return 1;
            }

            @Override
            public TimeMajorFeatures compute(Path file) {
                int i = files.indexOf(file);
                float[] y = new float[LENGTHS[i]];
                Arrays.fill(y, VALUES[i]);
                return new TimeMajorFeatures(y.length, 1, y);
            }
        };
        List<ImpulseResponse> irs = List.of(ImpulseResponse.of("delta", new float[] {1f}, 44100));
        try (FeatureCache audio = FeatureCache.open(dir.resolve("cache"), files, constant, 1, RowPolicy.FAIL)) {
            CachedFaithfulPipeline p = new CachedFaithfulPipeline(audio, new int[] {0, 1, 2}, TARGETS,
                    new String[] {"a", "b", "c"}, 44100, irs, 600);
            boolean[] seen = new boolean[4];
            for (int index = 0; index < 400; index++) {
                CachedFaithfulPipeline.Example e = p.draw(1, 0, index);
                int[] c = e.poolIndices();
                double[] w = e.weights();
                if (c.length == 1 && c[0] == 1) {
                    seen[0] = true;
                    assertThat(e.target()).containsExactly(0, 1, 0);
                    assertThat(w).containsExactly(1.0);
                } else if (c.length == 2 && c[0] == 0 && c[1] == 2) {
                    seen[1] = true;
                    assertThat(e.target()).containsExactly(1, 1, 1);
                    assertThat(e.source()).isEqualTo("a+c");
                } else if (c.length == 2 && c[0] == 1 && c[1] == 2) {
                    seen[2] = true;
                    assertThat(e.target()).containsExactly(0, 1, 1);
                } else if (c.length == 2 && c[0] == 0 && c[1] == 1 && e.impulseResponse() < 0) {
                    seen[3] = true;
                    assertThat(e.target()).containsExactly(1, 1, 0);
                    // a and b overlap on their first 1000 samples: the crop of 600 of the 1500-sample mix starts
                    // somewhere in [0, 900], so its first sample is 0.5 w_a - 0.25 w_b or, past a's end, -0.25 w_b
                    float both = 0f + (float) w[0] * 0.5f + (float) w[1] * -0.25f;
                    float bOnly = 0f + (float) w[1] * -0.25f;
                    assertThat(e.samples()[0]).isIn(both, bOnly);
                    assertThat(w[0] + w[1]).isCloseTo(1.0, within(1e-12));
                    assertThat(e.samples()).hasSize(600);
                }
            }
            assertThat(seen).containsOnly(true);
        }
    }

    /** Counts the files decoded through it. */
    static final class CountingDecoder implements FeatureFunction {
        final WaveformFeatures inner = new WaveformFeatures(44100);
        final AtomicInteger decodes = new AtomicInteger();

        @Override
        public String cacheKey() {
            return inner.cacheKey();
        }

        @Override
        public int bins() {
            return 1;
        }

        @Override
        public TimeMajorFeatures compute(Path file) throws IOException {
            decodes.incrementAndGet();
            return inner.compute(file);
        }
    }

    @Test
    void theCachesDecodeEachClipOnce(@TempDir Path dir) throws Exception {
        CountingDecoder decoder = new CountingDecoder();
        Dataset ds = TinyRunData.dataset();
        try (TrainingData td = open(dir, InputKind.LOG_MEL_IMAGE, decoder)) {
            assertThat(decoder.decodes.get()).isEqualTo(ds.size());
            // the log-mel cache, computed from the decoded audio, is the one a run without augmentation uses
            List<Path> files = ds.clips().stream().map(c -> c.file()).toList();
            assertThat(td.features().key()).isEqualTo(FeatureCache.key(MEL, files));
            for (int i : new int[] {0, 7}) {
                assertThat(td.features().get(i).data()).containsExactly(MEL.compute(ds.clip(i).file()).data());
            }
        }
        try (TrainingData again = open(dir, InputKind.LOG_MEL_IMAGE, decoder)) {
            assertThat(decoder.decodes.get()).as("both caches are reused").isEqualTo(ds.size());
            assertThat(again.waveforms()).isNotNull();
        }
    }
}
