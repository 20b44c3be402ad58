/**
 * Sound event detection metrics as sed_eval 0.2 defines them (Mesaros, Heittola and Virtanen, "Metrics for
 * polyphonic sound event detection", Applied Sciences 6(6):162, 2016), and the DCASE event-list layout.
 *
 * <ul>
 *   <li>{@link org.audiotag.eval.events.SoundEvent}: one labelled interval of a file (seconds);</li>
 *   <li>{@link org.audiotag.eval.events.EventListFile}: reads and writes tab-separated
 *       {@code filename\tonset\toffset\tevent_label} lists;</li>
 *   <li>{@link org.audiotag.eval.events.SegmentBasedMetrics}: class activity compared in fixed segments (1 s by
 *       default): F1, precision, recall and error rate with substitutions, deletions and insertions, micro and per
 *       class;</li>
 *   <li>{@link org.audiotag.eval.events.EventBasedMetrics}: events matched one to one within an onset collar (200 ms
 *       by default) and optionally an offset condition: the same scores;</li>
 *   <li>{@link org.audiotag.eval.events.SoundEventScores} and {@link org.audiotag.eval.events.ClassResult}: the
 *       formulas of the scores, from the counts.</li>
 * </ul>
 * {@snippet :
 * List<SoundEvent> truth = EventListFile.read(Path.of("truth.tsv"));
 * List<SoundEvent> predicted = EventListFile.read(Path.of("predicted.tsv"));
 * double segmentF1 = SegmentBasedMetrics.evaluate(truth, predicted).f1();
 * double eventF1 = EventBasedMetrics.evaluate(truth, predicted).f1();
 * }
 */
package org.audiotag.eval.events;
