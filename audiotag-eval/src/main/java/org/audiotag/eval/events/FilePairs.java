package org.audiotag.eval.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Truth and prediction split by file, as the per-file calls of sed_eval's {@code evaluate} take them: every file in
 * either list, in order of first appearance (truth first), each with its truth and its predicted events in list
 * order; and the labels of both lists, sorted (sed_eval's {@code unique_event_labels}).
 */
final class FilePairs {
    /** One file's events. */
    record Pair(String filename, List<SoundEvent> truth, List<SoundEvent> predicted) {
    }

    final List<Pair> pairs;
    final List<String> labels;

    private FilePairs(List<Pair> pairs, List<String> labels) {
        this.pairs = pairs;
        this.labels = labels;
    }

    static FilePairs of(List<SoundEvent> truth, List<SoundEvent> predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        Map<String, List<SoundEvent>> t = new LinkedHashMap<>();
        Map<String, List<SoundEvent>> p = new LinkedHashMap<>();
        Map<String, Boolean> files = new LinkedHashMap<>();
        TreeSet<String> labels = new TreeSet<>();
        for (SoundEvent e : truth) {
            Objects.requireNonNull(e, "truth holds a null event");
            t.computeIfAbsent(e.filename(), k -> new ArrayList<>()).add(e);
            files.put(e.filename(), Boolean.TRUE);
            labels.add(e.label());
        }
        for (SoundEvent e : predicted) {
            Objects.requireNonNull(e, "predicted holds a null event");
            p.computeIfAbsent(e.filename(), k -> new ArrayList<>()).add(e);
            files.put(e.filename(), Boolean.TRUE);
            labels.add(e.label());
        }
        List<Pair> pairs = new ArrayList<>();
        for (String f : files.keySet()) {
            pairs.add(new Pair(f, t.getOrDefault(f, List.of()), p.getOrDefault(f, List.of())));
        }
        return new FilePairs(Collections.unmodifiableList(pairs), List.copyOf(labels));
    }
}
