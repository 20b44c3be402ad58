/**
 * The {@code audiotag} command line: {@link org.audiotag.cli.Main} registers one picocli sub-command per class of
 * this package (features, conversion, augmentation, training, tagging, evaluation, style transfer, benchmarks).
 * Bad arguments and unreadable input end with exit code 2 and one line naming the problem; a run that fails after
 * starting ends with 1. Commands print their results to standard output; progress of training goes through
 * {@code TrainingProgress}. Not an API: the module exports no package (it opens this one to picocli only).
 */
package org.audiotag.cli;
