package org.audiotag.eval.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maximum-cardinality matching of a bipartite graph by the Hopcroft-Karp layering of D. Eppstein's PADS code, in
 * the form mir_eval's {@code util._bipartite_match} and sed_eval's {@code util.event_matching.bipartite_match} give
 * it: a greedy initial matching, then rounds of breadth-first layering and depth-first augmentation.
 *
 * <p>Every map and list here is visited in insertion order, as Python 3.7+ dictionaries are, so among the maximum
 * matchings of a graph this returns the same one sed_eval does; that matters to sed_eval's event-based substitution
 * count, which is taken over the events the matching leaves over.
 */
public final class BipartiteMatching {
    /** Marks a left vertex of the first layer (Python's {@code unmatched} list used as a flag value). */
    private static final int FIRST_LAYER = -1;

    private final Map<Integer, List<Integer>> graph;
    private final Map<Integer, Integer> matching = new LinkedHashMap<>();
    private Map<Integer, List<Integer>> preds;
    private Map<Integer, Integer> pred;

    private BipartiteMatching(Map<Integer, List<Integer>> graph) {
        this.graph = graph;
    }

    /**
     * Returns a maximum matching of the graph.
     *
     * @param graph left vertex to its right neighbours (vertices {@code >= 0}), iterated in the map's order: pass a
     *     {@link LinkedHashMap} filled in the order the caller's reference fills its dictionary
     * @return right vertex to its matched left vertex, in the order the matches were first made
     */
    public static Map<Integer, Integer> maximum(Map<Integer, List<Integer>> graph) {
        BipartiteMatching m = new BipartiteMatching(graph);
        m.run();
        return m.matching;
    }

    private void run() {
        for (Map.Entry<Integer, List<Integer>> e : graph.entrySet()) {
            for (int v : e.getValue()) {
                if (!matching.containsKey(v)) {
                    matching.put(v, e.getKey());
                    break;
                }
            }
        }
        while (true) {
            preds = new LinkedHashMap<>();
            List<Integer> unmatched = new ArrayList<>();
            pred = new LinkedHashMap<>();
            for (int u : graph.keySet()) {
                pred.put(u, FIRST_LAYER);
            }
            for (int u : matching.values()) {
                pred.remove(u);
            }
            List<Integer> layer = new ArrayList<>(pred.keySet());
            while (!layer.isEmpty() && unmatched.isEmpty()) {
                Map<Integer, List<Integer>> newLayer = new LinkedHashMap<>();
                for (int u : layer) {
                    for (int v : graph.get(u)) {
                        if (!preds.containsKey(v)) {
                            newLayer.computeIfAbsent(v, k -> new ArrayList<>()).add(u);
                        }
                    }
                }
                layer = new ArrayList<>();
                for (Map.Entry<Integer, List<Integer>> e : newLayer.entrySet()) {
                    int v = e.getKey();
                    preds.put(v, e.getValue());
                    Integer u = matching.get(v);
                    if (u != null) {
                        layer.add(u);
                        pred.put(u, v);
                    } else {
                        unmatched.add(v);
                    }
                }
            }
            if (unmatched.isEmpty()) {
                return;
            }
            for (int v : unmatched) {
                augment(v);
            }
        }
    }

    /** Searches backward through the layers for an alternating path ending at {@code v}; true if one was found. */
    private boolean augment(int v) {
        List<Integer> l = preds.remove(v);
        if (l != null) {
            for (int u : l) {
                Integer pu = pred.remove(u);
                if (pu != null && (pu == FIRST_LAYER || augment(pu))) {
                    matching.put(v, u);
                    return true;
                }
            }
        }
        return false;
    }
}
