package org.audiotag.beam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

class CorpusSourceParallelismTest {
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    /** Records the thread of every element. */
    static final class Probe extends DoFn<CorpusFile, Void> {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void process(@Element CorpusFile f) throws InterruptedException {
            THREADS.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
            Thread.sleep(5);
        }
    }

    @Test
    void theCorpusSourceSpreadsFilesOverTheDirectRunnersWorkers() throws IOException {
        AudioCorpus c = AudioCorpus.ofFolder(Corpora.esc10());
        Pipeline p = Corpora.pipeline(2);
        p.apply(c.read()).apply(ParDo.of(new Probe()));
        p.run().waitUntilFinish();
        assertThat(THREADS).hasSizeGreaterThanOrEqualTo(2);
    }
}
