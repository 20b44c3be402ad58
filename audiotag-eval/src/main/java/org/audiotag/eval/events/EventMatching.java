package org.audiotag.eval.events;

/**
 * How {@link EventBasedMetrics} pairs reference and system events of the same label, as sed_eval's
 * {@code event_matching_type}.
 */
public enum EventMatching {
    /**
     * sed_eval 0.2's default ({@code 'optimal'}): a maximum-cardinality one-to-one matching (Hopcroft-Karp as in
     * mir_eval's {@code _bipartite_match}, iterated in the same order, so it picks the same matching sed_eval does).
     */
    OPTIMAL,
    /**
     * sed_eval's {@code 'greedy'}, the only matching of sed_eval 0.1 and the DCASE 2016 code: each reference event,
     * in list order, takes the first system event in list order that is still free and matches; can find fewer
     * matches than {@link #OPTIMAL} and depends on the order of the lists.
     */
    GREEDY
}
