package org.audiotag.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioCorpusTest {

    @Test
    void aFolderListsEveryAudioFileBelowItSortedByRelativePath(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("b/deep"));
        Files.createDirectories(tmp.resolve("a"));
        for (String f : List.of("b/deep/z.WAV", "a/y.ogg", "a/x.flac", "b/notes.txt", "top.ogg")) {
            Files.write(tmp.resolve(f), new byte[] {1});
        }
        AudioCorpus c = AudioCorpus.of(tmp.toString());
        assertThat(c.root()).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThat(c.relativePaths()).containsExactly("a/x.flac", "a/y.ogg", "b/deep/z.WAV", "top.ogg");
        assertThat(c.files().get(1).path()).isEqualTo(c.root().resolve("a/y.ogg"));
    }

    @Test
    void aGlobIsRootedAtItsFixedLeadingFolders() throws IOException {
        String glob = Corpora.esc10() + "/00[12]*/1-1*.ogg";
        AudioCorpus c = AudioCorpus.of(glob);
        assertThat(c.root()).isEqualTo(Corpora.esc10());
        assertThat(c.relativePaths()).isNotEmpty().isSorted()
                .allMatch(p -> p.matches("00[12] - [^/]+/1-1[^/]*\\.ogg"));
        assertThat(c.relativePaths()).contains("001 - Dog bark/1-100032-A.ogg");
    }

    @Test
    void aCsvListNamesFilesRelativeToItsFolder(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("list.csv"), "path\nsub/b.ogg\n" + tmp.resolve("a.wav") + "\nsub/b.ogg\n");
        AudioCorpus c = AudioCorpus.of(tmp.resolve("list.csv").toString());
        assertThat(c.root()).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThat(c.relativePaths()).containsExactly("a.wav", "sub/b.ogg");
    }

    @Test
    void aCsvListNamingAPathOutsideItsFolderIsRefusedWithItsLine(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("list.csv"), "a.ogg\n../escape.ogg\n");
        assertThatThrownBy(() -> AudioCorpus.of(tmp.resolve("list.csv").toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("list.csv:2").hasMessageContaining("outside");
    }

    @Test
    void aMissingInputOrASingleAudioFileIsOneClearError(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> AudioCorpus.of(tmp.resolve("nope").toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("nope").hasMessageContaining("no such");
        Files.write(tmp.resolve("one.ogg"), new byte[] {1});
        assertThatThrownBy(() -> AudioCorpus.of(tmp.resolve("one.ogg").toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("one.ogg").hasMessageContaining("neither a folder, a glob nor a .csv list");
    }

    @Test
    void shardsPartitionTheCorpusWithoutOverlap() throws IOException {
        AudioCorpus all = AudioCorpus.ofFolder(Corpora.esc10());
        for (int n : new int[] {1, 2, 3, 7}) {
            List<String> union = new ArrayList<>();
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < n; i++) {
                List<String> part = all.shard(new Shard(i, n)).relativePaths();
                assertThat(part).isSorted();
                union.addAll(part);
                distinct.addAll(part);
                if (n > 1) {
                    assertThat(part.size()).as("part %d/%d", i, n).isBetween(all.size() / n / 2, 2 * all.size() / n);
                }
            }
            assertThat(union).hasSize(all.size());
            assertThat(distinct).containsExactlyInAnyOrderElementsOf(all.relativePaths());
        }
    }

    @Test
    void theShardOfAPathIsTheFirstEightBytesOfItsSha256ModuloN() {
        // sha256("a") = ca978112ca1bbdcafac231b3...: its first 8 bytes as an unsigned integer
        long h = 0xca978112ca1bbdcaL;
        assertThat(Shard.of("a", 7)).isEqualTo((int) Long.remainderUnsigned(h, 7));
        assertThat(Shard.of("a", 1000)).isEqualTo((int) Long.remainderUnsigned(h, 1000));
        assertThat(Shard.parse(" 2/5 ")).isEqualTo(new Shard(2, 5));
        assertThatThrownBy(() -> Shard.parse("5/5")).hasMessageContaining("[0, 4]");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Shard.parse("x")).hasMessageContaining("I/N");
    }
}
