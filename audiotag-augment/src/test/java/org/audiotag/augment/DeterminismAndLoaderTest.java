package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bit-identical output whatever the thread count; ordered delivery; failures named; clean shutdown. */
class DeterminismAndLoaderTest {

    private static AugmentPipeline pipeline() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        return AugmentPipeline.builder()
                .add(MixTransform.builder(esc).clips(1, 3).build())
                .add(ReverbTransform.builder(TestData.irs(), 44100).build(), 0.5)
                .add(NoiseTransform.atSnr(NoiseTransform.Color.PINK, 10, 30), 0.5)
                .add(GainTransform.ofDb(-6, 6), 0.5)
                .add(new PolarityInversion(), 0.5)
                .add(CropOrPad.random(22050))
                .build();
    }

    private static List<AugmentedExample> run(AugmentPipeline p, int threads, int capacity) throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        List<AugmentedExample> out = new ArrayList<>();
        try (ParallelAugmentLoader<AugmentedExample> loader = ParallelAugmentLoader
                .builder(i -> esc.get(i % esc.size()), 16, p).seed(2019).epoch(3).threads(threads)
                .queueCapacity(capacity).shuffle(true).build()) {
            while (loader.hasNext()) {
                out.add(loader.next());
            }
        }
        return out;
    }

    @Test
    void outputIsBitIdenticalForOneTwoAndThreeThreadsAndReplays() throws IOException {
        AugmentPipeline p = pipeline();
        List<AugmentedExample> one = run(p, 1, 1);
        List<AugmentedExample> two = run(p, 2, 3);
        List<AugmentedExample> three = run(p, 3, 16);
        assertThat(one).hasSize(16);
        for (int i = 0; i < 16; i++) {
            assertThat(two.get(i).audio()).isEqualTo(one.get(i).audio());
            assertThat(three.get(i).audio()).isEqualTo(one.get(i).audio());
            assertThat(two.get(i).draws().toString()).isEqualTo(one.get(i).draws().toString());
            assertThat(one.get(i).index()).isEqualTo(i);
        }
        AugmentedExample e = one.get(5);
        String firstSource = e.audio().source().split("\\+")[0];
        LabeledAudio src = TestData.esc10().stream().filter(c -> c.source().equals(firstSource)).findFirst()
                .orElseThrow();
        AugmentedExample replay = p.apply(src, e.seed(), e.epoch(), e.index());
        assertThat(replay.audio()).isEqualTo(e.audio());
        assertThat(replay.draws().toString()).isEqualTo(e.draws().toString());
        AugmentedExample otherEpoch = p.apply(src, e.seed(), e.epoch() + 1, e.index());
        assertThat(otherEpoch.draws().toString()).isNotEqualTo(e.draws().toString());
        long distinct = one.stream().map(a -> a.draws().toString()).distinct().count();
        assertThat(distinct).isEqualTo(16);
    }

    @Test
    void logMelWithSpecAugmentOnTheWorkersIsThreadCountIndependent() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        AugmentPipeline p = AugmentPipeline.builder().add(CropOrPad.random(22050))
                .add(MixTransform.builder(esc).clips(2, 2).keepInputLength(true).build()).build();
        org.audiotag.features.MelSpectrogram mel = org.audiotag.features.MelSpectrogram.builder().sampleRate(44100)
                .nMels(40).build();
        SpecAugment sa = SpecAugment.of(8, 1, 10, 1, false);
        List<List<float[]>> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            List<float[]> out = new ArrayList<>();
            try (ParallelAugmentLoader<float[]> loader = ParallelAugmentLoader.builder(i -> esc.get(i % 10), 8, p,
                    (AugmentedExample e) -> {
                        org.audiotag.features.FeatureMatrix m = mel.compute(e.audio().samples());
                        return sa.apply(m, e.random(0), e.draws()).toArray();
                    }).seed(5).threads(threads).build()) {
                loader.forEachRemaining(out::add);
            }
            runs.add(out);
        }
        for (int i = 0; i < 8; i++) {
            assertThat(java.util.Arrays.equals(runs.get(0).get(i), runs.get(1).get(i))).isTrue();
        }
        assertThat(java.util.Arrays.equals(runs.get(0).get(0), runs.get(0).get(1))).isFalse();
    }

    @Test
    void failuresArePropagatedWithTheExampleAndItsSource() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        LabeledAudio silent = LabeledAudio.of(new float[4000], 22050, "silent-clip.wav");
        AugmentPipeline p = AugmentPipeline.builder().add(ReverbTransform.builder(TestData.irs(), 44100).build())
                .build();
        try (ParallelAugmentLoader<AugmentedExample> loader = ParallelAugmentLoader
                .builder(i -> i == 5 ? silent : esc.get(i), 10, p).threads(2).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(loader.next().index()).isEqualTo(i);
            }
            assertThatThrownBy(loader::next).isInstanceOf(AugmentException.class)
                    .hasMessageContaining("example 5").hasMessageContaining("silent-clip.wav")
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(((AugmentException) e).source()).isEqualTo("silent-clip.wav"));
            assertThat(loader.hasNext()).isFalse();
        }
        try (ParallelAugmentLoader<AugmentedExample> loader = ParallelAugmentLoader
                .builder(i -> {
                    if (i == 2) {
                        throw new IllegalStateException("cannot read clip 2");
                    }
                    return esc.get(i);
                }, 4, p).threads(2).build()) {
            loader.next();
            loader.next();
            assertThatThrownBy(loader::next).isInstanceOf(AugmentException.class)
                    .hasMessageContaining("example 2").hasMessageContaining("cannot read clip 2");
        }
    }

    @Test
    void closingEarlyStopsTheWorkers() throws Exception {
        List<LabeledAudio> esc = TestData.esc10();
        AugmentPipeline p = AugmentPipeline.builder().add(GainTransform.ofDb(-1, 1)).build();
        ParallelAugmentLoader<AugmentedExample> loader = ParallelAugmentLoader
                .builder(i -> esc.get(i % 10), 1000, p).threads(2).queueCapacity(4).build();
        loader.next();
        loader.close();
        assertThat(loader.hasNext()).isFalse();
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("augment-worker") && t.isAlive()).count()).isZero();
        assertThatThrownBy(() -> ParallelAugmentLoader.builder(i -> esc.get(0), 0, p).build())
                .hasMessageContaining("size");
        assertThatThrownBy(() -> AugmentPipeline.builder().add(new PolarityInversion(), 1.5))
                .hasMessageContaining("probability");
    }
}
