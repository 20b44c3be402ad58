package org.audiotag.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.audiotag.eval.TestData;
import org.junit.jupiter.api.Test;

/**
 * {@link BipartiteMatching} returns the very matching sed_eval's {@code util.event_matching.bipartite_match} returns
 * (not only one of the same size), so that event-based substitutions, counted over the events left unmatched, agree.
 *
 * <p>{@code src/test/resources/sed_eval_bipartite_match.txt}: 400 seeded random graphs (0-9 reference and system
 * events, edge densities 0.15-0.8, built as sed_eval builds them: system event to its reference events in
 * row-major order) and the matching sed_eval's {@code bipartite_match} returned for each: the function of sed_eval
 * 0.2's {@code util/event_matching.py} run on its own (without the rest of the package) under CPython 3.11, whose
 * dictionaries keep insertion order. One line per graph: {@code u:v,v;u:v|v:u;v:u} (graph, then the matching sorted
 * by reference event).
 */
class BipartiteMatchingTest {

    @Test
    void returnsSedEvalsMatchingOnRecordedGraphs() throws Exception {
        Path file = TestData.root().resolve("audiotag-eval/src/test/resources/sed_eval_bipartite_match.txt");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(400);
        int severalPairs = 0;
        for (String line : lines) {
            String[] parts = line.split("\\|", -1);
            Map<Integer, List<Integer>> graph = new LinkedHashMap<>();
            if (!parts[0].isEmpty()) {
                for (String entry : parts[0].split(";")) {
                    String[] kv = entry.split(":");
                    List<Integer> vs = new ArrayList<>();
                    for (String v : kv[1].split(",")) {
                        vs.add(Integer.parseInt(v));
                    }
                    graph.put(Integer.parseInt(kv[0]), vs);
                }
            }
            Map<Integer, Integer> expected = new TreeMap<>();
            if (!parts[1].isEmpty()) {
                for (String pair : parts[1].split(";")) {
                    String[] kv = pair.split(":");
                    expected.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
                }
            }
            severalPairs += expected.size() > 1 ? 1 : 0;
            assertThat(new TreeMap<>(BipartiteMatching.maximum(graph))).as(line).isEqualTo(expected);
        }
        assertThat(severalPairs).isGreaterThan(200);
    }

    @Test
    void findsAnAugmentingPathPastTheGreedyStart() {
        // system 0 -> references {0, 1}, system 1 -> {0}: the greedy start pairs reference 0 with system 0 and leaves
        // system 1 unmatched; the augmenting path 1-0-0-1 gives reference 0 to system 1, reference 1 to system 0
        Map<Integer, List<Integer>> graph = new LinkedHashMap<>();
        graph.put(0, List.of(0, 1));
        graph.put(1, List.of(0));
        assertThat(new TreeMap<>(BipartiteMatching.maximum(graph))).containsExactly(Map.entry(0, 1), Map.entry(1, 0));
    }
}
