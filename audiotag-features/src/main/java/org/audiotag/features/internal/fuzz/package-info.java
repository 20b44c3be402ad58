/**
 * Fuzzing of the audio decoders: {@link org.audiotag.features.internal.fuzz.AudioMutator} damages real files in
 * seeded, reproducible ways and {@link org.audiotag.features.internal.fuzz.DecoderFuzzer} decodes the mutants and
 * sorts the outcomes. Used by the decoder tests and by {@code audiotag bench fuzz}; exported to the command line
 * module only, not part of the API.
 */
package org.audiotag.features.internal.fuzz;
