package org.audiotag.eval.internal;

import java.util.ArrayDeque;
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

    /**
     * Searches backward through the layers for an alternating path ending at {@code v}; true if one was found.
     * This is the reference's recursive search run on an explicit stack, in the same order, so that a path as long
     * as the graph (thousands of overlapping events of one class) cannot overflow the thread's stack.
     */
    private boolean augment(int v) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(v, preds.remove(v)));
        boolean found = false;
        boolean returned = false;
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (returned && found) {
                matching.put(f.right, f.left);
                stack.pop();
                continue;
            }
            returned = false;
            boolean descended = false;
            while (f.candidates != null && f.next < f.candidates.size()) {
                int u = f.candidates.get(f.next++);
                Integer pu = pred.remove(u);
                if (pu == null) {
                    continue;
                }
                f.left = u;
                if (pu == FIRST_LAYER) {
                    found = true;
                } else {
                    stack.push(new Frame(pu, preds.remove(pu)));
                }
                descended = true;
                break;
            }
            if (found) {
                returned = true;
            } else if (!descended) {
                stack.pop();
                returned = true;
            }
        }
        return found;
    }

    /** One level of the backward search: a right vertex, its candidate left vertices and the one being tried. */
    private static final class Frame {
        private final int right;
        private final List<Integer> candidates;
        private int next;
        private int left;

        private Frame(int right, List<Integer> candidates) {
            this.right = right;
            this.candidates = candidates;
        }
    }
}
