"""Builds the ESC-10-like evaluation examples used by the audiotag-eval tests.

Clip names and labels are the real fold-1 clips of data/esc10/labels.csv (79 clips, 10 classes). The scores
are synthetic (no model is involved): a seeded numpy generator draws a noisy score per class, the true class gets a
boost that differs per class (so per-class AP differs), and every score is rounded to 1 decimal so that ties occur,
which exercises both tie rules. The "mixes" files pair clips of two different classes, as a mixing augmentation
would, giving two-label rows in the FSDKaggle2019 layout (labels comma-separated in one quoted field).
Run from this folder: python3 make_examples.py ../../../../../data/esc10/labels.csv
"""
import csv
import sys

import numpy as np

labels_csv = sys.argv[1]
rows = [r for r in csv.DictReader(open(labels_csv)) if r["fold"] == "1"]
classes = sorted({r["label"] for r in rows}, key=lambda c: min(r["path"] for r in rows if r["label"] == c))
rng = np.random.default_rng(20191)
boost = np.linspace(0.3, 2.4, len(classes))


def write(prefix, names, truth):
    scores = rng.normal(0.0, 1.0, size=truth.shape) + truth * boost[None, :]
    scores = np.round(scores, 1)
    with open(prefix + "_truth.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["fname", "labels"])
        for n, t in zip(names, truth):
            w.writerow([n, ",".join(classes[c] for c in np.flatnonzero(t))])
    with open(prefix + "_scores.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["fname"] + classes)
        # scores in a different row order than the truth, to exercise the alignment by fname
        for k in rng.permutation(len(names)):
            w.writerow([names[k]] + ["%.1f" % v for v in scores[k]])


names = [r["path"].split("/")[1] for r in rows]
truth = np.zeros((len(rows), len(classes)))
for i, r in enumerate(rows):
    truth[i, classes.index(r["label"])] = 1
write("esc10_fold1", names, truth)

mix_names, mix_truth = [], []
for i in range(len(rows)):
    j = (i * 7 + 3) % len(rows)
    if rows[i]["label"] == rows[j]["label"]:
        continue
    mix_names.append(names[i].replace(".ogg", "") + "+" + names[j])
    mix_truth.append(np.maximum(truth[i], truth[j]))
# one clip without any label (it must not count) and one with three labels
mix_names.append("silence-0001.ogg")
mix_truth.append(np.zeros(len(classes)))
t3 = np.zeros(len(classes)); t3[[0, 4, 9]] = 1
mix_names.append(names[0].replace(".ogg", "") + "+" + names[40].replace(".ogg", "") + "+" + names[78])
mix_truth.append(t3)
write("esc10_fold1_mixes", mix_names, np.array(mix_truth))
