"""Independent numpy derivation of the metrics of the ESC-10 example files, for the expected values in
EscExamplesTest. lwlrap follows the DCASE2019 reference code (np.argsort(kind='stable')[::-1]) and scikit-learn's
tie rule written from its documentation; AP / ROC-AUC are computed pair- and threshold-wise by brute force.
Run from this folder: python3 expected_values.py
"""
import csv

import numpy as np


def load(prefix):
    sc = list(csv.reader(open(prefix + "_scores.csv")))
    classes = sc[0][1:]
    scores = {r[0]: np.array([float(v) for v in r[1:]]) for r in sc[1:]}
    tr = list(csv.reader(open(prefix + "_truth.csv")))[1:]
    names = [r[0] for r in tr]
    truth = np.array([[c in (r[1].split(",") if r[1] else []) for c in classes] for r in tr], dtype=float)
    return truth, np.array([scores[n] for n in names])


def ref_lwlrap(truth, scores):
    prec_sum, count = 0.0, 0
    for t, s in zip(truth, scores):
        pos = np.flatnonzero(t)
        if len(pos) == 0:
            continue
        order = np.argsort(s, kind="stable")[::-1]
        rank = np.empty(len(s), int)
        rank[order] = np.arange(len(s))
        hit = np.zeros(len(s)); hit[rank[pos]] = 1
        cum = np.cumsum(hit)
        prec_sum += np.sum(cum[rank[pos]] / (1 + rank[pos]))
        count += len(pos)
    return prec_sum / count


def sk_rows(truth, scores):
    out = []
    for t, s in zip(truth, scores):
        pos = np.flatnonzero(t)
        if len(pos) == 0:
            continue
        out.append([np.sum(s[pos] >= s[c]) / np.sum(s >= s[c]) for c in pos])
    return out


def ap_brute(y, s):
    if y.sum() == 0:
        return np.nan
    ap, prev_r = 0.0, 0.0
    for th in sorted(set(s), reverse=True):
        sel = s >= th
        p = (y[sel]).sum() / sel.sum()
        r = (y[sel]).sum() / y.sum()
        ap += (r - prev_r) * p
        prev_r = r
    return ap


def auc_brute(y, s):
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return np.nan
    return np.mean([(p > q) + 0.5 * (p == q) for p in pos for q in neg])


for prefix in ["esc10_fold1", "esc10_fold1_mixes"]:
    truth, scores = load(prefix)
    rows = sk_rows(truth, scores)
    ap = [ap_brute(truth[:, c], scores[:, c]) for c in range(truth.shape[1])]
    auc = [auc_brute(truth[:, c], scores[:, c]) for c in range(truth.shape[1])]
    print(prefix)
    print("  lwlrap_reference", repr(ref_lwlrap(truth, scores)))
    print("  lwlrap_sklearn  ", repr(sum(map(sum, rows)) / sum(map(len, rows))))
    print("  lrap_sklearn    ", repr(np.mean([np.mean(r) for r in rows])))
    print("  map_macro       ", repr(np.nanmean(ap)))
    print("  map_micro       ", repr(ap_brute(truth.ravel(), scores.ravel())))
    print("  auc_macro       ", repr(np.nanmean(auc)))
    print("  top1            ", repr(np.mean(truth.argmax(1) == scores.argmax(1))) if (truth.sum(1) == 1).all() else "")
