/**
 * The {@code audiotag corpus} commands ({@code corpus features}, {@code corpus tag}): the user-facing
 * {@code ./audiotag corpus ...} is dispatched by the {@code audiotag} launcher script to {@link
 * org.audiotag.beam.cli.CorpusMain} on the class path, because Beam's jars cannot join the module path the rest of
 * the command line runs on. Output and errors follow the other commands: results on standard output, one line
 * {@code audiotag: problem} on standard error for a failure.
 */
package org.audiotag.beam.cli;
