/**
 * Labelled audio datasets: the tag {@link org.audiotag.train.data.Vocabulary}, readers for the FSDKaggle2019,
 * generic CSV, folders-as-labels and ESC-10 layouts ({@link org.audiotag.train.data.Datasets}), and reproducible
 * splits by iterative stratification ({@link org.audiotag.train.data.Split},
 * {@link org.audiotag.train.data.IterativeStratification}; docs/ORIGINAL-PROJECT.md §2).
 *
 * <p>Entry points: {@link org.audiotag.train.data.Datasets#open} (any layout) or one reader per layout, each taking
 * {@link org.audiotag.train.data.LoadOptions} (vocabulary, {@link org.audiotag.train.data.RowPolicy} for bad
 * entries); the resulting {@link org.audiotag.train.data.Dataset} is an indexed list of
 * {@link org.audiotag.train.data.LabeledClip}s that {@code Trainer.train} takes with two index arrays. Unreadable
 * descriptions end in a {@link org.audiotag.train.data.DatasetFormatException} naming the file and line.
 *
 * {@snippet :
 * Dataset data = Datasets.open(Path.of("data/esc10"), LoadOptions.defaults());
 * Split split = Split.trainValidation(data, 0.1, 42);  // the original's 10 % validation, seeded
 * int[] train = split.indicesNotIn(0);
 * int[] validation = split.indicesIn(0);
 * boolean[][] y = data.targetMatrix();                 // multi-hot, [clips][tags]
 * }
 */
package org.audiotag.train.data;
