"""Golden outputs for src/evaluate/metrics, computed by scikit-learn.

Run from the repository root with Debian's Python (python3-sklearn 1.2.1):

    /usr/bin/python3 test/golden/metrics/make_metrics.py

It writes test/golden/metrics/metrics.json: deterministic cases (numpy RandomState seeds) with
their inputs and sklearn's outputs, keyed by specml's metric names. Inputs are rounded to a few
decimals so the file stays small and so scores tie; JSON floats are written with repr, so every
value round-trips exactly into a JavaScript number.
"""
import json
import pathlib

import numpy as np
import scipy
import sklearn
from sklearn import metrics as M
from sklearn.preprocessing import label_binarize

OUT = pathlib.Path(__file__).with_name("metrics.json")


def label_expected(y, yp, k, w, binary):
    """Label metrics; `binary` adds the average='binary' scores (positive class 1)."""
    e = {
        "accuracy": M.accuracy_score(y, yp, sample_weight=w),
        "balanced_accuracy": M.balanced_accuracy_score(y, yp, sample_weight=w),
        "mcc": M.matthews_corrcoef(y, yp, sample_weight=w),
        "cohen_kappa": M.cohen_kappa_score(y, yp, sample_weight=w),
    }
    for avg in ["macro", "micro", "weighted"] + (["binary"] if binary else []):
        sfx = "" if avg == "binary" else "_" + avg
        e["precision" + sfx] = M.precision_score(y, yp, average=avg, sample_weight=w, zero_division="warn")
        e["recall" + sfx] = M.recall_score(y, yp, average=avg, sample_weight=w, zero_division="warn")
        e["f1" + sfx] = M.f1_score(y, yp, average=avg, sample_weight=w, zero_division="warn")
    cm = M.confusion_matrix(y, yp, labels=list(range(k)), sample_weight=w)
    return e, cm.astype(float).ravel().tolist()


def proba_expected(y, P, k, w):
    if k == 2:
        auc = M.roc_auc_score(y, P[:, 1], sample_weight=w)
        ap = M.average_precision_score(y, P[:, 1], sample_weight=w)
        brier = M.brier_score_loss(y, P[:, 1], sample_weight=w)
    else:
        auc = M.roc_auc_score(y, P, multi_class="ovr", average="macro", sample_weight=w)
        # sklearn 1.2 has no multiclass average_precision; 1.3+ does exactly this.
        ap = M.average_precision_score(label_binarize(y, classes=list(range(k))), P, average="macro", sample_weight=w)
        # sklearn 1.2 has no multiclass Brier; this is the original (Brier 1950) sum over classes,
        # what sklearn >= 1.7 returns for multiclass input.
        onehot = np.eye(k)[y]
        brier = np.average(((P - onehot) ** 2).sum(axis=1), weights=w)
    return {
        "roc_auc": auc,
        "average_precision": ap,
        "log_loss": M.log_loss(y, P, labels=list(range(k)), sample_weight=w),
        "brier": brier,
    }


def regression_expected(y, yp, w):
    return {
        "rmse": M.mean_squared_error(y, yp, sample_weight=w, squared=False),
        "mae": M.mean_absolute_error(y, yp, sample_weight=w),
        "mape": M.mean_absolute_percentage_error(y, yp, sample_weight=w),
        "r2": M.r2_score(y, yp, sample_weight=w),
        "median_absolute_error": M.median_absolute_error(y, yp, sample_weight=w),
        "poisson_deviance": M.mean_poisson_deviance(y, yp, sample_weight=w),
        "rmsle": float(np.sqrt(M.mean_squared_log_error(y, yp, sample_weight=w))),
    }


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def classification_case(name, y, yp, P, k, w):
    binary = k == 2
    e, cm = label_expected(y, yp, k, w, binary)
    case = {"name": name, "task": "classification", "nClasses": k, "yTrue": [int(v) for v in y], "yPred": [int(v) for v in yp]}
    if P is not None:
        case["proba"] = floats(P)
        e.update(proba_expected(y, P, k, w))
    case["sampleWeight"] = None if w is None else floats(w)
    case["expected"] = {key: float(v) for key, v in e.items()}
    case["confusionMatrix"] = cm
    return case


def regression_case(name, y, yp, w):
    return {
        "name": name,
        "task": "regression",
        "yTrue": floats(y),
        "yPred": floats(yp),
        "sampleWeight": None if w is None else floats(w),
        "expected": {key: float(v) for key, v in regression_expected(y, yp, w).items()},
    }


def weights(rs, n, zeros=True):
    """Uniform(0, 2) weights rounded to 0.01; some exact zeros exercise zero-weight rows."""
    w = np.round(rs.uniform(0, 2, n), 2)
    if zeros:
        w[rs.choice(n, n // 20, replace=False)] = 0.0
    return w


def binary_proba(p1):
    return np.column_stack([1 - p1, p1])


cases = []

# Binary with heavy ties: scores on a 0.1 grid, so ROC/PR points merge runs of equal scores.
rs = np.random.RandomState(0)
n = 200
p1 = np.round(rs.uniform(0, 1, n), 1)
y = (rs.uniform(0, 1, n) < 0.2 + 0.6 * p1).astype(int)
yp = (p1 >= 0.5).astype(int)
P = binary_proba(p1)
cases.append(classification_case("binary_ties", y, yp, P, 2, None))
cases.append(classification_case("binary_ties_weighted", y, yp, P, 2, weights(rs, n)))

# Imbalanced binary (~5 % positives), scores on a 0.001 grid including exact 0 and 1 (log_loss clipping).
rs = np.random.RandomState(1)
n = 300
y = (rs.uniform(0, 1, n) < 0.05).astype(int)
p1 = np.clip(np.round(rs.beta(1, 8, n) + 0.35 * y * rs.uniform(0, 1, n), 3), 0, 1)
p1[:3] = [0.0, 1.0, 0.0]
yp = (p1 >= 0.3).astype(int)
P = binary_proba(p1)
cases.append(classification_case("binary_imbalanced", y, yp, P, 2, None))
cases.append(classification_case("binary_imbalanced_weighted", y, yp, P, 2, weights(rs, n)))

# Binary where nothing is predicted positive: precision's and F1's zero-division path (→ 0).
rs = np.random.RandomState(2)
n = 60
y = (rs.uniform(0, 1, n) < 0.4).astype(int)
p1 = np.round(rs.uniform(0, 0.49, n), 2)
cases.append(classification_case("binary_zero_division", y, np.zeros(n, dtype=int), binary_proba(p1), 2, None))

# Five classes: probabilities floored to a 0.01 grid (ties within each one-vs-rest column), the
# last column takes the remainder so rows sum to 1; labels drawn from the probabilities.
rs = np.random.RandomState(3)
n, k = 250, 5
logits = rs.normal(0, 1.5, (n, k))
soft = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
P = np.floor(soft * 100) / 100
P[:, k - 1] = 1 - P[:, : k - 1].sum(axis=1)
y = np.array([rs.choice(k, p=soft[i]) for i in range(n)])
yp = P.argmax(axis=1)
flip = rs.uniform(0, 1, n) < 0.1
yp[flip] = rs.randint(0, k, flip.sum())
cases.append(classification_case("multiclass5", y, yp, P, k, None))
cases.append(classification_case("multiclass5_weighted", y, yp, P, k, weights(rs, n)))

# Labels only: class 3 is never predicted, class 4 is only predicted (never true), so macro
# averages run over the union of labels and balanced accuracy skips class 4.
rs = np.random.RandomState(4)
n = 80
y = rs.randint(0, 4, n)
yp = np.where(rs.uniform(0, 1, n) < 0.6, y, rs.choice([0, 1, 2, 4], n))
yp[yp == 3] = 4
cases.append(classification_case("labels_absent_classes", y, yp, None, 5, None))
cases.append(classification_case("labels_absent_classes_weighted", y, yp, None, 5, weights(rs, n)))

# Positive regression targets (gamma), multiplicative prediction noise; even n (median averages).
rs = np.random.RandomState(5)
n = 200
y = np.round(rs.gamma(2.0, 50.0, n), 2) + 0.01
yp = np.round(y * np.exp(rs.normal(0, 0.3, n)), 2)
cases.append(regression_case("regression_positive", y, yp, None))
cases.append(regression_case("regression_positive_weighted", y, yp, weights(rs, n)))

# Counts with zeros: Poisson deviance's y = 0 term, MAPE's eps guard, odd n, integer weights
# (cumulative weight can hit exactly half, the weighted median's searchsorted edge).
rs = np.random.RandomState(6)
n = 41
rate = np.round(rs.gamma(1.5, 2.0, n), 2) + 0.05
y = rs.poisson(rate).astype(float)
cases.append(regression_case("regression_counts", y, rate, None))
cases.append(regression_case("regression_counts_int_weights", y, rate, rs.randint(0, 4, n).astype(float)))

doc = {
    "generator": "test/golden/metrics/make_metrics.py",
    "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
    "cases": cases,
}
OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(cases)} cases)")
