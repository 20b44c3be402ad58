package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Dropout masks are stateless functions of (seed, checkpointed step counter): a model restored from a checkpoint
 * continues exactly like the model that kept running, and two restores of one checkpoint train identically.
 */
class DropoutResumeTest {

    static final int BATCH = 6;
    static final int STEPS = 6;
    static final int SAVE_AFTER = 3;

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"DCNN", "MODDCNN", "GRU"})
    void resumedRunMatchesUninterruptedRun(Architecture a, @TempDir Path tmp) throws Exception {
        SplittableRandom r = new SplittableRandom(17);
        float[][] xs = new float[STEPS][];
        float[][] ys = new float[STEPS][];
        ModelConfig cfg = Tiny.config(a).build();
        try (TagModel probe = a.build(cfg)) {
            for (int i = 0; i < STEPS; i++) {
                xs[i] = Tiny.features(BATCH * probe.exampleSize(), r);
                ys[i] = Tiny.targets(BATCH, probe.numTags(), r);
            }
            assertThat(probe.layers().stepCounter()).as("training-path dropout builds the step counter").isNotNull();
        }
        // uninterrupted
        float[] losses = new float[STEPS];
        float[] logits;
        Map<String, float[]> vars;
        try (TagModel m = a.build(cfg)) {
            for (int i = 0; i < STEPS; i++) {
                losses[i] = m.trainStep(xs[i], ys[i], BATCH, 1e-2f);
            }
            assertThat(step(m)).isEqualTo(STEPS);
            logits = m.predictLogits(xs[0], BATCH);
            vars = variables(m);
        }
        // interrupted after SAVE_AFTER steps, restored into a fresh model (fresh session), continued
        Path prefix = tmp.resolve("ckpt/step");
        float[] resumed = new float[STEPS];
        try (TagModel m = a.build(cfg)) {
            for (int i = 0; i < SAVE_AFTER; i++) {
                resumed[i] = m.trainStep(xs[i], ys[i], BATCH, 1e-2f);
            }
            m.saveCheckpoint(prefix);
        }
        try (TagModel m = a.build(cfg)) {
            m.restoreCheckpoint(prefix);
            assertThat(step(m)).isEqualTo(SAVE_AFTER);
            for (int i = SAVE_AFTER; i < STEPS; i++) {
                resumed[i] = m.trainStep(xs[i], ys[i], BATCH, 1e-2f);
            }
            assertThat(resumed).as(a.cliName() + " losses").containsExactly(losses);
            assertThat(m.predictLogits(xs[0], BATCH)).as(a.cliName() + " logits").containsExactly(logits);
            Map<String, float[]> v2 = variables(m);
            for (String name : vars.keySet()) {
                assertThat(v2.get(name)).as(name).containsExactly(vars.get(name));
            }
        }
        // the masks matter: the training-path loss differs from one step counter to the next on the same batch
        try (TagModel m = a.build(cfg)) {
            float l0 = m.trainStep(xs[0], ys[0], BATCH, 1e-9f);
            float l1 = m.trainStep(xs[0], ys[0], BATCH, 1e-9f);
            assertThat(l1).isNotEqualTo(l0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"DCNN", "MODDCNN"})
    void twoRestoresOfOneCheckpointTrainIdentically(Architecture a, @TempDir Path tmp) throws Exception {
        SplittableRandom r = new SplittableRandom(23);
        ModelConfig cfg = Tiny.config(a).build();
        Path prefix = tmp.resolve("ckpt");
        float[] x;
        float[] y;
        try (TagModel m = a.build(cfg)) {
            x = Tiny.features(BATCH * m.exampleSize(), r);
            y = Tiny.targets(BATCH, m.numTags(), r);
            m.trainStep(x, y, BATCH, 1e-2f);
            m.trainStep(x, y, BATCH, 1e-2f);
            m.saveCheckpoint(prefix);
        }
        float[] loss = new float[2];
        List<Map<String, float[]>> after = new ArrayList<>(List.of(Map.of(), Map.of()));
        for (int k = 0; k < 2; k++) {
            try (TagModel m = a.build(cfg)) {
                m.restoreCheckpoint(prefix);
                loss[k] = m.trainStep(x, y, BATCH, 1e-2f);
                assertThat(step(m)).isEqualTo(3);
                after.set(k, variables(m));
            }
        }
        assertThat(loss[1]).isEqualTo(loss[0]);
        for (String name : after.get(0).keySet()) {
            assertThat(after.get(1).get(name)).as(name).containsExactly(after.get(0).get(name));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"DCNN", "MODDCNN"})
    void dropoutIsInactiveAtInference(Architecture a) {
        SplittableRandom r = new SplittableRandom(29);
        try (TagModel m = a.build(Tiny.config(a).build())) {
            float[] x = Tiny.features(BATCH * m.exampleSize(), r);
            float[] y = Tiny.targets(BATCH, m.numTags(), r);
            float[] p = m.predict(x, BATCH);
            float e = m.evaluateLoss(x, y, BATCH);
            // the training path with the flag at its default (false) is deterministic, whatever the counter
            float t0 = Tiny.trainPathLoss(m, x, y, BATCH);
            try (TInt64 seed = TInt64.vectorOf(123L, 456L);
                 TFloat32 xt = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(BATCH, 116, 40, 1),
                         DataBuffers.of(x, true, false));
                 TFloat32 yt = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(BATCH, m.numTags()),
                         DataBuffers.of(y, true, false));
                 Result res = m.session().runner().feed(m.features(), xt).feed(m.targets(), yt)
                         .feed(m.layers().dropoutSeed(), seed).fetch(m.loss()).run()) {
                assertThat(((TFloat32) res.get(0)).getFloat()).isEqualTo(t0);
            }
            assertThat(m.predict(x, BATCH)).containsExactly(p);
            assertThat(m.evaluateLoss(x, y, BATCH)).isEqualTo(e);
            assertThat(step(m)).isZero();
        }
        // an inference-only graph has no dropout op and no counter
        try (TagModel m = a.build(Tiny.config(a).trainingGraph(false).build())) {
            assertThat(m.layers().stepCounter()).isNull();
            assertThat(m.graph().operation("dropout_seed")).isNull();
        }
    }

    static long step(TagModel m) {
        try (Result res = m.session().runner().fetch(m.layers().stepCounter()).run()) {
            return ((TInt64) res.get(0)).getLong();
        }
    }

    static Map<String, float[]> variables(TagModel m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String name : m.layers().variables().keySet()) {
            try (Result res = m.session().runner().fetch(m.layers().variables().get(name)).run()) {
                TFloat32 t = (TFloat32) res.get(0);
                float[] v = new float[(int) t.shape().size()];
                t.copyTo(DataBuffers.of(v, false, false));
                out.put(name, v);
            }
        }
        return out;
    }
}
