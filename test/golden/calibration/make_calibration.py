"""Golden outputs for src/evaluate/calibration and src/evaluate/threshold, computed by scikit-learn.

Run from the repository root with Debian's Python (python3-sklearn 1.2.1):

    /usr/bin/python3 test/golden/calibration/make_calibration.py

It writes test/golden/calibration/calibration.json: seeded synthetic cases (numpy RandomState) and
one real case (examples/credit/credit.csv scored by a logistic regression), with their inputs and
sklearn's outputs for calibration_curve, _sigmoid_calibration, IsotonicRegression,
CalibratedClassifierCV(cv='prefit') and precision_recall_curve. Inputs are rounded to a few
decimals so that scores tie and the file stays small; floats are written with repr, so every value
round-trips exactly into a JavaScript number. The README beside this file lists the cases.
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy.optimize import fmin_bfgs
from scipy.special import expit, xlogy
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration, _SigmoidCalibration, calibration_curve
from sklearn.compose import ColumnTransformer
from sklearn.datasets import make_classification
from sklearn.impute import SimpleImputer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = pathlib.Path(__file__).parent
OUT = HERE / "calibration.json"
CREDIT = HERE.parent.parent.parent / "examples" / "credit" / "credit.csv"


# Arrays stored once under "shared" and referenced from cases as "$name" (the credit scores feed
# five cases; inlining them would triple the file).
SHARED = {}


def floats(a):
    a = np.asarray(a, dtype=float).ravel()
    for key, v in SHARED.items():
        if len(v) == len(a) and np.array_equal(v, a) and v.dtype == a.dtype:
            return "$" + key
    return [float(v) for v in a]


def ints(a):
    a = np.asarray(a).ravel()
    for key, v in SHARED.items():
        if len(v) == len(a) and v.dtype.kind == "i" and np.array_equal(v, a):
            return "$" + key
    return [int(v) for v in a]


# ---------------------------------------------------------------- reliability curves and ECE


def reliability_case(name, y, p, configs):
    out = {"name": name, "y": ints(y), "p": floats(p), "curves": []}
    for bins, strategy in configs:
        prob_true, prob_pred = calibration_curve(y, p, n_bins=bins, strategy=strategy)
        # Counts are not returned by sklearn 1.2.1; recompute them with calibration_curve's own
        # binning lines (same edges, same searchsorted), so they line up with its output.
        if strategy == "quantile":
            edges = np.percentile(p, np.linspace(0, 1, bins + 1) * 100)
        else:
            edges = np.linspace(0.0, 1.0, bins + 1)
        ids = np.searchsorted(edges[1:-1], p)
        total = np.bincount(ids, minlength=len(edges))
        counts = total[total != 0]
        assert len(counts) == len(prob_true)
        curve = {"bins": bins, "strategy": strategy, "edges": floats(edges), "probTrue": floats(prob_true), "probPred": floats(prob_pred), "counts": floats(counts)}
        if strategy == "uniform":
            # Binary ECE: the reliability gaps weighted by bin share (what src/.../ece.ts promises).
            curve["ece"] = float(np.sum(counts / len(y) * np.abs(prob_true - prob_pred)))
        out["curves"].append(curve)
    return out


def top_label_ece(y, P, bins):
    conf = P.max(axis=1)
    pred = P.argmax(axis=1)  # first maximum on a tie
    correct = (pred == y).astype(float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ids = np.searchsorted(edges[1:-1], conf)
    ece = 0.0
    for b in range(bins):
        m = ids == b
        if m.any():
            ece += m.sum() / len(y) * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


# ---------------------------------------------------------------- Platt sigmoid


def sigmoid_objective(F, y, w):
    """sklearn 1.2.1's objective and gradient from _sigmoid_calibration, copied verbatim."""
    mask_negative_samples = y <= 0
    if w is not None:
        prior0 = (w[mask_negative_samples]).sum()
        prior1 = (w[~mask_negative_samples]).sum()
    else:
        prior0 = float(np.sum(mask_negative_samples))
        prior1 = y.shape[0] - prior0
    T = np.zeros_like(y, dtype=np.float64)
    T[y > 0] = (prior1 + 1.0) / (prior1 + 2.0)
    T[y <= 0] = 1.0 / (prior0 + 2.0)
    T1 = 1.0 - T

    def objective(AB):
        P = expit(-(AB[0] * F + AB[1]))
        loss = -(xlogy(T, P) + xlogy(T1, 1.0 - P))
        return (w * loss).sum() if w is not None else loss.sum()

    def grad(AB):
        P = expit(-(AB[0] * F + AB[1]))
        g = T - P
        if w is not None:
            g = g * w
        return np.array([np.dot(g, F), np.sum(g)])

    def hess(AB):
        P = expit(-(AB[0] * F + AB[1]))
        d = P * (1 - P) * (w if w is not None else 1.0)
        return np.array([[np.sum(d * F * F), np.sum(d * F)], [np.sum(d * F), np.sum(d)]])

    AB0 = np.array([0.0, np.log((prior0 + 1.0) / (prior1 + 1.0))])
    return objective, grad, hess, AB0


def sigmoid_case(name, F, y, w, F_test):
    a, b = _sigmoid_calibration(F, y, sample_weight=w)
    objective, grad, hess, AB0 = sigmoid_objective(F, y, w)
    # The optimum to float64 precision: sklearn's BFGS with gtol 1e-5 (its default) stops early;
    # restart BFGS from sklearn's answer with gtol 1e-10, then polish with two Newton steps.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tight = fmin_bfgs(objective, np.array([a, b]), fprime=grad, gtol=1e-10, disp=False)
    for _ in range(2):
        tight = tight - np.linalg.solve(hess(tight), grad(tight))
    g_sk = grad(np.array([a, b]))
    H = hess(tight)
    # First-order distance from sklearn's stopping point to the optimum, and the a-priori bound
    # that BFGS's stopping rule (max |gradient| <= 1e-5) guarantees: ||H^-1||_2 * sqrt(2) * 1e-5.
    step = np.linalg.solve(H, g_sk)
    bound = float(np.linalg.norm(np.linalg.inv(H), 2) * np.sqrt(2) * 1e-5)
    sk = _SigmoidCalibration().fit(F, y, sample_weight=w)
    assert sk.a_ == a and sk.b_ == b
    return {
        "name": name,
        "score": floats(F),
        "y": ints(y),
        "sampleWeight": None if w is None else floats(w),
        "sklearn": {"a": float(a), "b": float(b)},
        "optimum": {"a": float(tight[0]), "b": float(tight[1])},
        "sklearnGradientMax": float(np.max(np.abs(g_sk))),
        "sklearnDistanceEstimate": float(np.max(np.abs(step))),
        "sklearnBound": bound,
        "scoreTest": floats(F_test),
        "probaSklearn": floats(sk.predict(F_test)),
        "probaAtOptimum": floats(expit(-(tight[0] * F_test + tight[1]))),
    }


# ---------------------------------------------------------------- isotonic


def isotonic_case(name, x, y, w, x_test):
    ir = IsotonicRegression(out_of_bounds="clip").fit(x, y, sample_weight=w)
    return {
        "name": name,
        "x": floats(x),
        "y": floats(y),
        "sampleWeight": None if w is None else floats(w),
        "xThresholds": floats(ir.X_thresholds_),
        "yThresholds": floats(ir.y_thresholds_),
        "xTest": floats(x_test),
        "predict": floats(ir.predict(x_test)),
    }


# ---------------------------------------------------------------- CalibratedClassifierCV(cv='prefit')


class Passthrough(ClassifierMixin, BaseEstimator):
    """A 'fitted model' whose decision function is its input, so the stored scores are exactly what
    CalibratedClassifierCV calibrates (binary: column 0 of X is the 1-D decision function)."""

    def __init__(self, n_classes=2):
        self.n_classes = n_classes

    def fit(self, X, y):
        self.classes_ = np.arange(self.n_classes)
        return self

    def decision_function(self, X):
        return X[:, 0] if self.n_classes == 2 else X


def ovr_case(name, S_cal, y_cal, S_test, k, method):
    est = Passthrough(k).fit(S_cal, y_cal)
    cal = CalibratedClassifierCV(est, method=method, cv="prefit").fit(S_cal, y_cal)
    cc = cal.calibrated_classifiers_[0]
    params = []
    for j, c in enumerate(cc.calibrators):
        if method == "sigmoid":
            # The same a-priori distance bound as in sigmoid_case, for this one-vs-rest problem.
            F = S_cal[:, 0] if k == 2 else S_cal[:, j]
            target = (y_cal == (1 if k == 2 else j)).astype(int)
            _, _, hess, _ = sigmoid_objective(F, target, None)
            bound = float(np.linalg.norm(np.linalg.inv(hess(np.array([c.a_, c.b_]))), 2) * np.sqrt(2) * 1e-5)
            params.append({"a": float(c.a_), "b": float(c.b_), "bound": bound})
        else:
            params.append({"x": floats(c.X_thresholds_), "y": floats(c.y_thresholds_)})
    return {
        "name": name,
        "method": method,
        "nClasses": k,
        "inputColumns": 1 if k == 2 else k,
        "scoresCal": floats(S_cal),
        "yCal": ints(y_cal),
        "scoresTest": floats(S_test),
        "calibrators": params,
        # Binary: column 0 is 1 - column 1 in sklearn's code, so only column 1 is stored.
        "proba": floats(cal.predict_proba(S_test)[:, 1] if k == 2 else cal.predict_proba(S_test)),
    }


# ---------------------------------------------------------------- precision-recall curve


def pr_case(name, y, s, w):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the no-positives case warns
        p, r, t = precision_recall_curve(y, s, sample_weight=w)
    return {"name": name, "y": ints(y), "score": floats(s), "sampleWeight": None if w is None else floats(w), "precision": floats(p), "recall": floats(r), "thresholds": floats(t)}


# ---------------------------------------------------------------- the real case


def credit_scores():
    """examples/credit/credit.csv: positive class 'bad' (default). A plain logistic regression on
    the 13 columns (median-imputed, standardised numbers; one-hot categories) fitted on 3,254 rows;
    600 held-out rows serve as the calibration split and 600 as the test split."""
    d = pd.read_csv(CREDIT)
    y = (d.pop("Status") == "bad").astype(int).to_numpy()
    cat = ["Home", "Marital", "Records", "Job"]
    num = [c for c in d.columns if c not in cat]
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
        ("cat", OneHotEncoder(handle_unknown="ignore"), cat),
    ])
    model = make_pipeline(pre, LogisticRegression(max_iter=2000))
    X_train, X_rest, y_train, y_rest = train_test_split(d, y, test_size=1200, stratify=y, random_state=0)
    X_cal, X_test, y_cal, y_test = train_test_split(X_rest, y_rest, test_size=600, stratify=y_rest, random_state=1)
    model.fit(X_train, y_train)
    # Rounded so the JSON stays small and scores tie, as a model with coarse outputs would.
    dec_cal = np.round(model.decision_function(X_cal), 3)
    dec_test = np.round(model.decision_function(X_test), 3)
    return dec_cal, y_cal, dec_test, y_test


def main():
    rs = np.random.RandomState(20240601)
    reliability, sigmoid, isotonic, ovr, pr = [], [], [], [], []

    # Probabilities on a 0.1 grid: every value sits on a uniform edge (side-'left' binning) and
    # the quantile edges repeat (empty quantile bins).
    p = np.round(rs.uniform(0, 1, 300), 1)
    y = (rs.uniform(0, 1, 300) < p).astype(int)
    reliability.append(reliability_case("grid_ties", y, p, [(10, "uniform"), (10, "quantile"), (5, "uniform"), (5, "quantile"), (15, "uniform")]))

    # Skewed, overconfident probabilities on a 0.001 grid.
    p = np.round(rs.beta(0.5, 3, 500), 3)
    y = (rs.uniform(0, 1, 500) < p ** 0.8).astype(int)
    reliability.append(reliability_case("beta_skewed", y, p, [(10, "uniform"), (10, "quantile"), (7, "quantile"), (15, "uniform"), (20, "quantile")]))

    # Small n: bins outnumber distinct values; includes exact 0 and 1.
    p = np.array([0.0, 0.0, 0.05, 0.3, 0.3, 0.3, 0.55, 0.9, 1.0, 1.0, 0.15])
    y = np.array([0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0])
    reliability.append(reliability_case("small_edges", y, p, [(10, "uniform"), (4, "quantile"), (8, "quantile"), (15, "uniform")]))

    # Top-label (multiclass) ECE: k = 4, probabilities on a 0.01 grid (ties for the maximum).
    k = 4
    P = np.round(rs.dirichlet([0.8] * k, 300), 2)
    P[:, -1] = np.round(1 - P[:, :-1].sum(axis=1), 2)
    P = np.clip(P, 0, 1)
    P[:, -1] = 1 - P[:, :-1].sum(axis=1)
    ok = (P >= 0).all(axis=1)
    P = P[ok]
    ym = np.array([rs.choice(k, p=np.clip(row, 0, 1) / np.clip(row, 0, 1).sum()) for row in P])
    top_label = {"name": "dirichlet4", "nClasses": k, "y": ints(ym), "proba": floats(P), "ece": {str(b): top_label_ece(ym, P, b) for b in (10, 15)}}

    # Sigmoid: decision-like scores, separable-ish small set, probabilities as input, weights.
    F = np.round(rs.normal(0, 2, 200), 3)
    y = (rs.uniform(0, 1, 200) < expit(1.3 * F - 0.4)).astype(int)
    sigmoid.append(sigmoid_case("normal_scores", F, y, None, np.round(np.linspace(-8, 8, 33), 3)))
    w = np.round(rs.uniform(0, 2, 200), 2)
    w[rs.uniform(0, 1, 200) < 0.05] = 0
    sigmoid.append(sigmoid_case("normal_scores_weighted", F, y, w, np.round(np.linspace(-8, 8, 33), 3)))
    F = np.array([-3.0, -2.0, -1.5, -0.5, 0.5, 1.0, 2.0, 2.5])
    y = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    sigmoid.append(sigmoid_case("separable_small", F, y, None, np.array([-5.0, -1.0, 0.0, 0.25, 1.0, 5.0])))
    F = np.round(rs.beta(2, 5, 150), 4)
    y = (rs.uniform(0, 1, 150) < np.sqrt(F)).astype(int)
    sigmoid.append(sigmoid_case("probability_input", F, y, None, np.linspace(0, 1, 21)))

    # Isotonic: ties in x with weights (incl. zeros), real-valued targets, the 1e-15 tie tolerance,
    # a single distinct x; test points include knots, points between them and out-of-range ones.
    x = np.round(rs.normal(0, 1, 200), 1)
    yb = (rs.uniform(0, 1, 200) < expit(2 * x)).astype(float)
    w = np.round(rs.uniform(0, 2, 200), 2)
    w[rs.uniform(0, 1, 200) < 0.1] = 0
    xt = np.concatenate([np.round(np.linspace(-5, 5, 41), 3), np.unique(x)[::7], [np.min(x), np.max(x)]])
    isotonic.append(isotonic_case("ties_weighted", x, yb, w, xt))
    isotonic.append(isotonic_case("ties_unweighted", x, yb, None, xt))
    x = np.round(rs.uniform(0, 10, 120), 0)
    yr = np.round(np.sqrt(x) + rs.normal(0, 1, 120), 2)
    isotonic.append(isotonic_case("real_targets", x, yr, None, np.linspace(-1, 11, 49)))
    x = np.array([0.0, 1e-16, 5e-16, 2e-15, 1.0, 1.0 + 2.220446049250313e-16, 1.0 + 4.440892098500626e-16, 2.0, 2.0])
    y = np.array([1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    isotonic.append(isotonic_case("resolution_ties", x, y, None, np.array([-1.0, 0.0, 1e-15, 0.5, 1.0, 1.5, 2.0, 3.0])))
    isotonic.append(isotonic_case("single_x", np.full(5, 0.7), np.array([0.0, 1.0, 1.0, 0.0, 1.0]), None, np.array([0.0, 0.7, 2.0])))

    # Multiclass one-vs-rest through CalibratedClassifierCV(cv='prefit').
    X, ym = make_classification(n_samples=650, n_features=8, n_informative=5, n_classes=3, n_clusters_per_class=1, random_state=7)
    lr = LogisticRegression(max_iter=1000).fit(X[:250], ym[:250])
    S = np.round(lr.decision_function(X[250:]), 3)
    for method in ("sigmoid", "isotonic"):
        ovr.append(ovr_case(f"multiclass3_{method}", S[:250], ym[250:500], S[250:], 3, method))

    # Precision-recall curves.
    s = np.round(rs.uniform(0, 1, 200), 1)
    y = (rs.uniform(0, 1, 200) < s).astype(int)
    pr.append(pr_case("ties", y, s, None))
    w = np.round(rs.uniform(0, 2, 200), 2)
    w[rs.uniform(0, 1, 200) < 0.1] = 0
    pr.append(pr_case("ties_weighted", y, s, w))
    pr.append(pr_case("no_positives", np.zeros(6, dtype=int), np.array([0.1, 0.5, 0.5, 0.2, 0.9, 0.3]), None))
    pr.append(pr_case("all_tied", np.array([1, 0, 1, 0, 0]), np.full(5, 0.4), None))

    # The real case: credit scoring.
    dec_cal, y_cal, dec_test, y_test = credit_scores()
    p_cal = np.round(expit(dec_cal), 4)
    p_test = np.round(expit(dec_test), 4)
    shared = {"creditDecCal": dec_cal, "creditYCal": y_cal.astype(np.int64), "creditDecTest": dec_test, "creditYTest": y_test.astype(np.int64), "creditPCal": p_cal, "creditPTest": p_test}
    SHARED.update({k: (v if v.dtype.kind == "i" else v.astype(float)) for k, v in shared.items()})
    reliability.append(reliability_case("credit", y_test, p_test, [(10, "uniform"), (10, "quantile"), (15, "uniform")]))
    sigmoid.append(sigmoid_case("credit", dec_cal, y_cal, None, dec_test[:250]))
    isotonic.append(isotonic_case("credit", p_cal, y_cal.astype(float), None, p_test))
    for method in ("sigmoid", "isotonic"):
        ovr.append(ovr_case(f"credit_{method}", dec_cal.reshape(-1, 1), y_cal, dec_test.reshape(-1, 1), 2, method))
    pr.append(pr_case("credit", y_test, p_test, None))

    doc = {
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__},
        "shared": {k: ([int(x) for x in v] if v.dtype.kind == "i" else [float(x) for x in v]) for k, v in SHARED.items()},
        "reliability": reliability,
        "topLabel": top_label,
        "sigmoid": sigmoid,
        "isotonic": isotonic,
        "ovr": ovr,
        "precisionRecall": pr,
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB)")
    for c in sigmoid:
        print(c["name"], "sklearn-optimum", abs(c["sklearn"]["a"] - c["optimum"]["a"]), abs(c["sklearn"]["b"] - c["optimum"]["b"]), "estimate", c["sklearnDistanceEstimate"], "bound", c["sklearnBound"], "grad", c["sklearnGradientMax"])


if __name__ == "__main__":
    main()
