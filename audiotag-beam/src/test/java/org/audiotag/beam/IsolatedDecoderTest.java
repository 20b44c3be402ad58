package org.audiotag.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.audiotag.beam.internal.IsolatedDecoder;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedDecoderTest {

    @Test
    void concurrentIsolatedDecodesEqualSequentialSharedDecodesBitForBit() throws Exception {
        List<Path> files = Corpora.esc10Files(3, 2);
        List<float[][]> expected = new ArrayList<>();
        for (Path f : files) {
            expected.add(AudioDecoder.decode(f).toArray());
        }
        int threads = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<float[][]>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    try (IsolatedDecoder d = IsolatedDecoder.create()) {
                        start.await();
                        List<float[][]> out = new ArrayList<>();
                        // every thread decodes every file, each starting at a different one
                        for (int k = 0; k < files.size(); k++) {
                            int i = (k + offset) % files.size();
                            out.add(d.decode(files.get(i)).toArray());
                        }
                        return out;
                    }
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<float[][]> got = results.get(t).get(5, TimeUnit.MINUTES);
                for (int k = 0; k < got.size(); k++) {
                    int i = (k + t) % files.size();
                    assertThat(got.get(k)).as("thread %d, %s", t, files.get(i)).isDeepEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachDecoderHasItsOwnCopyOfJorbisResidueClass() throws Exception {
        try (IsolatedDecoder a = IsolatedDecoder.create(); IsolatedDecoder b = IsolatedDecoder.create()) {
            DecodedAudio x = a.decode(Corpora.esc10Files(1, 1).get(0));
            assertThat(x.frames()).isPositive();
            // the class whose static synchronized methods serialise all Vorbis decoding, loaded three times
            Class<?> shared = Class.forName("com.jcraft.jorbis.Residue0");
            Class<?> inA = Class.forName("com.jcraft.jorbis.Residue0", false, loaderOf(a));
            Class<?> inB = Class.forName("com.jcraft.jorbis.Residue0", false, loaderOf(b));
            assertThat(inA).isNotSameAs(shared).isNotSameAs(inB);
        }
    }

    @Test
    void aReleasedDecoderIsReusedByTheNextWorkerAndTwoHeldAtOnceDiffer() {
        IsolatedDecoder a = IsolatedDecoder.acquire();
        IsolatedDecoder b = IsolatedDecoder.acquire();
        assertThat(a).isNotSameAs(b);
        IsolatedDecoder.release(a);
        assertThat(IsolatedDecoder.acquire()).isSameAs(a);
        IsolatedDecoder.release(b);
        IsolatedDecoder.release(a);
    }

    @Test
    void aCorruptFileIsAnAudioFormatExceptionNamingIt(@TempDir Path tmp) throws IOException {
        Path bad = Corpora.truncatedCopy(Corpora.esc10Files(1, 1).get(0), tmp.resolve("cut.ogg"));
        try (IsolatedDecoder d = IsolatedDecoder.create()) {
            assertThatThrownBy(() -> d.decode(bad)).isInstanceOf(AudioFormatException.class)
                    .hasMessageContaining("cut.ogg").hasMessageContaining("truncated");
            assertThatThrownBy(() -> d.decode(tmp.resolve("missing.ogg"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("missing.ogg");
        }
    }

    private static ClassLoader loaderOf(IsolatedDecoder d) throws ReflectiveOperationException {
        var f = IsolatedDecoder.class.getDeclaredField("loader");
        f.setAccessible(true);
        return (ClassLoader) f.get(d);
    }
}
