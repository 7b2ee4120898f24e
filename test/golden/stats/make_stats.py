"""Golden outputs for src/evaluate/stats and src/evaluate/significance.

Run from the repository root with Debian's Python (python3-scipy 1.10.1, python3-sklearn 1.2.1,
python3-mpmath 1.2.1), with the shared datasets checked out beside the repository:

    /usr/bin/python3 test/golden/stats/make_stats.py

It writes test/golden/stats/stats.json. Every special-function and distribution point carries two
references: SciPy's value (what users compare against) and mpmath's at 60+ significant digits
rounded to float64 (the true value, to judge SciPy's own error where it is the looser of the two).
The significance cases use real data (credit_data: cross-validation fold scores and holdout
predictions of three scikit-learn models) and small synthetic inputs; their references are the
published formulas written out here in numpy, independently of the TypeScript, with SciPy's
distributions for the p-values. JSON floats are written with repr, so they round-trip exactly.
"""
import json
import math
import pathlib
import platform
import sys
import warnings
from fractions import Fraction

import mpmath as mp
import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy import special as sp
from scipy import stats as st
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = pathlib.Path(__file__).resolve().parents[3]
OUT = pathlib.Path(__file__).with_name("stats.json")
SIG_OUT = pathlib.Path(__file__).with_name("significance.json")
DATA = ROOT.parent / "shared" / "datasets" / "credit_data"
mp.mp.dps = 60
TINY = 1e-300  # points whose true value is below this (subnormal or 0 in float64) are left out


def f64(v):
    return float(mp.mpf(v))


def keep(v):
    return v == 0.0 or abs(v) >= TINY


# ---------------------------------------------------------------- special functions

def mp_gammainc(a, x):
    """[P, Q] at 60 digits. mpmath's hypergeometric series gives up for shapes ~1e5 and more; that
    side is then summed here at 80 digits (the series for P, Legendre's continued fraction for Q)."""
    a, x = mp.mpf(a), mp.mpf(x)
    try:
        P = mp.gammainc(a, 0, x, regularized=True)
    except mp.libmp.NoConvergence:
        P = None
    try:
        Q = mp.gammainc(a, x, mp.inf, regularized=True)
    except mp.libmp.NoConvergence:
        Q = None
    with mp.workdps(80):
        front = mp.exp(a * mp.log(x) - x - mp.loggamma(a))
        if P is None:
            term = total = 1 / a
            n = 0
            while abs(term) > total * mp.mpf(10) ** -75:
                n += 1
                term *= x / (a + n)
                total += term
            P = +(total * front)
        if Q is None:
            # Q = front / (x + 1 - a - 1(1 - a)/(x + 3 - a - 2(2 - a)/(x + 5 - a - ...))), bottom-up.
            depth = int(50 * mp.sqrt(a)) + 2000
            tail = mp.mpf(0)
            for i in range(depth, 0, -1):
                tail = -i * (i - a) / (x + 2 * i + 1 - a + tail)
            Q = +(front / (x + 1 - a + tail))
    return P, Q


def mp_betainc(a, b, x):
    """Regularised I_x(a, b) at 60 digits. Where mpmath's hypergeometric series fails (shapes of
    ~1e4 and more) the continued fraction of DLMF 8.17.22 is run at 80 digits by modified Lentz,
    on the side of the mean where it converges (x < a/(a + b), else 1 − I_(1−x)(b, a))."""
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    try:
        return mp.betainc(a, b, 0, x, regularized=True)
    except (ValueError, mp.libmp.NoConvergence):
        pass
    with mp.workdps(80):
        flip = x > a / (a + b)
        if flip:
            a, b, x = b, a, 1 - x
        front = mp.exp(a * mp.log(x) + b * mp.log1p(-x) - mp.log(a) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)))
        tiny, eps = mp.mpf(10) ** -200, mp.mpf(10) ** -75
        c, d = mp.mpf(1), 1 - (a + b) * x / (a + 1)
        d = 1 / (d if abs(d) > tiny else tiny)
        h = d
        m = 0
        while True:
            m += 1
            for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                        -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
                d = 1 + num * d
                d = 1 / (d if abs(d) > tiny else tiny)
                c = 1 + num / c
                c = c if abs(c) > tiny else tiny
                h *= d * c
            if abs(d * c - 1) < eps:
                break
        v = front * h
        return +(1 - v if flip else v)


def special_cases():
    out = {}
    xs = [1e-300, 1e-20, 1e-8, 1e-3, 0.1, 0.5, 0.9, 0.999, 1.0, 1.001, 1.5, 1.999, 2.0, 2.5, 3.0, 4.25, 5.0, 7.3,
          9.99, 10.0, 10.01, 12.5, 30.0, 100.0, 171.5, 1e3, 12345.678, 1e5, 1e10, 1e50, 1e300,
          -0.5, -1.5, -2.5, -10.3, -0.001]
    out["logGamma"] = [[x, float(sp.gammaln(x)), f64(mp.log(abs(mp.gamma(mp.mpf(x))))) if x < 0 else f64(mp.loggamma(mp.mpf(x)))] for x in xs]

    ex = [0.0, 1e-300, 1e-10, 1e-3, 0.1, 0.3, 0.46875, 0.47, 0.5, 0.75, 0.9, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 3.99, 4.0, 4.01, 4.5, 5.0, 5.9]
    out["erf"] = [[s * x, float(sp.erf(s * x)), f64(mp.erf(mp.mpf(s * x)))] for x in ex for s in (1, -1) if not (s < 0 and x == 0)]
    cx = [-6.0, -3.0, -1.0, -0.46875, -0.2, 0.0, 1e-10, 0.1, 0.46875, 0.47, 0.8, 1.0, 1.7, 2.0, 3.0, 3.99, 4.0, 4.01,
          5.0, 6.5, 8.0, 10.0, 12.3, 15.0, 17.77, 20.0, 22.2, 25.0, 26.0]
    out["erfc"] = [[x, float(sp.erfc(x)), f64(mp.erfc(mp.mpf(x)))] for x in cx]

    rows_p, rows_q = [], []
    shapes = [1e-3, 0.1, 0.5, 1.0, 2.5, 5.0, 9.9, 10.0, 30.0, 100.0, 1e3, 1e4, 1e5, 1e6]
    for a in shapes:
        sd = math.sqrt(a)
        xs = {1e-5, 0.01, 1.0, 10.0, 100.0, a * 1e-3, 0.1 * a, 0.5 * a, 0.9 * a, a, a + 1, 1.1 * a, 2 * a, 5 * a, 10 * a,
              a - 3 * sd, a - sd, a + sd, a + 3 * sd, a + 10 * sd}
        for x in sorted(v for v in xs if v > 0):
            P, Q = (f64(v) for v in mp_gammainc(a, x))
            if keep(P):
                rows_p.append([a, x, float(sp.gammainc(a, x)), P])
            if keep(Q):
                rows_q.append([a, x, float(sp.gammaincc(a, x)), Q])
    out["gammaIncP"], out["gammaIncQ"] = rows_p, rows_q

    rows = []
    pairs = [(0.1, 0.1), (0.5, 0.5), (1.0, 1.0), (2.0, 3.0), (0.5, 5.0), (5.0, 0.5), (1.0, 30.0), (9.5, 12.0),
             (10.0, 10.0), (25.0, 0.5), (50.0, 80.0), (0.5, 200.0), (500.0, 0.5), (1e3, 2e3), (1e4, 1e4),
             (5e5, 0.5), (1e5, 3.0), (1e6, 1e6), (0.01, 2.0), (3.0, 0.02)]
    for a, b in pairs:
        m = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        xs = {1e-10, 1e-3, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999, m, m - 2 * sd, m - 0.5 * sd, m + 0.5 * sd, m + 2 * sd, m + 6 * sd}
        for x in sorted(v for v in xs if 0 < v < 1):
            ref = f64(mp_betainc(a, b, x))
            if keep(ref) and ref < 1:
                rows.append([a, b, x, float(sp.betainc(a, b, x)), ref])
    out["betaIncReg"] = rows
    return out


# ---------------------------------------------------------------- distributions

def mp_t_sf(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    if t == 0:
        return mp.mpf(0.5)
    tail = mp_betainc(df / 2, mp.mpf(0.5), df / (df + t * t)) / 2
    return tail if t > 0 else 1 - tail


def distribution_cases():
    out = {}
    zs = [-37.5, -30.0, -20.0, -10.0, -8.0, -5.0, -3.0, -1.96, -1.0, -0.5, -0.1, 0.0, 1e-8, 0.3, 0.7071, 1.0, 1.644853626951472,
          2.5, 4.0, 6.0, 9.0, 15.0, 25.0, 37.5]
    out["normalCdf"] = [[z, float(st.norm.cdf(z)), f64(mp.ncdf(mp.mpf(z)))] for z in zs if keep(f64(mp.ncdf(mp.mpf(z))))]
    out["normalSf"] = [[z, float(st.norm.sf(z)), f64(mp.ncdf(-mp.mpf(z)))] for z in zs if keep(f64(mp.ncdf(-mp.mpf(z))))]
    ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.0749, 0.075, 0.1, 0.25, 0.4, 0.5, 0.6, 0.9, 0.925,
          0.95, 0.975, 0.99, 0.999, 1 - 1e-10]
    with mp.workdps(400):
        out["normalQuantile"] = [[p, float(st.norm.ppf(p)), f64(mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1))] for p in ps]

    dfs = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.7, 5.0, 9.0, 10.0, 29.0, 30.5, 99.0, 1e3, 1e6]
    ts = [-50.0, -8.0, -3.0, -2.0, -0.5, 0.0, 0.2, 1.0, 1.96, 2.5, 4.0, 10.0, 100.0, 1e5]
    cdf_rows, sf_rows = [], []
    for df in dfs:
        for t in ts:
            sf = f64(mp_t_sf(t, df))
            cdf = f64(mp_t_sf(-t, df))
            if keep(cdf):
                cdf_rows.append([t, df, float(st.t.cdf(t, df)), cdf])
            if keep(sf):
                sf_rows.append([t, df, float(st.t.sf(t, df)), sf])
    out["studentTCdf"], out["studentTSf"] = cdf_rows, sf_rows

    q_rows = []
    qps = [1e-12, 1e-6, 1e-3, 0.01, 0.025, 0.05, 0.2, 0.45, 0.5, 0.55, 0.8, 0.95, 0.975, 0.99, 0.999, 1 - 1e-9]
    for df in dfs:
        for p in qps:
            guess = st.t.ppf(p, df)
            if p == 0.5:
                ref = 0.0
            else:
                # Solve sf(t) = 1 − p to 60 digits, starting at SciPy's answer.
                target = 1 - mp.mpf(p)
                ref = f64(mp.findroot(lambda t: mp.log(mp_t_sf(t, df)) - mp.log(target), mp.mpf(guess), tol=mp.mpf(10) ** -50))
            q_rows.append([p, df, float(guess), ref])
    out["studentTQuantile"] = q_rows

    rows = []
    for df in [0.5, 1.0, 2.0, 3.0, 5.5, 10.0, 30.0, 100.0, 1e3, 1e5]:
        for x in sorted({1e-6, 0.01, 0.5, 1.0, 3.841458820694124, 6.0, df * 0.5, df, df + 3 * math.sqrt(2 * df), 5 * df + 20, 200.0, 1000.0}):
            ref = f64(mp_gammainc(df / 2, x / 2)[1])
            if keep(ref):
                rows.append([x, df, float(st.chi2.sf(x, df)), ref])
    out["chi2Sf"] = rows

    rows = []
    for d1, d2 in [(1, 1), (10, 5), (5, 10), (2.5, 7.5), (1, 100), (30, 30), (100, 3), (1000, 1000)]:
        for f in [1e-4, 0.1, 0.5, 1.0, 1.5, 2.0, 4.74, 10.0, 100.0, 1e4]:
            x = mp.mpf(d2) / (mp.mpf(d2) + mp.mpf(d1) * mp.mpf(f))
            ref = f64(mp_betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, x))
            if keep(ref):
                rows.append([f, d1, d2, float(st.f.sf(f, d1, d2)), ref])
    out["fSf"] = rows

    rows = []
    for n, p in [(1, 0.5), (10, 0.5), (24, 0.5), (25, 0.5), (60, 0.5), (200, 0.5), (1000, 0.5), (30, 0.1), (500, 0.97)]:
        for k in sorted({0, 1, n // 10, n // 3, n // 2, n - 2, n - 1}):
            if not 0 <= k < n:
                continue
            pf = Fraction(p)
            exact = sum(Fraction(math.comb(n, i)) * pf ** i * (1 - pf) ** (n - i) for i in range(k + 1))
            ref = float(exact)
            if keep(ref):
                rows.append([k, n, p, float(st.binom.cdf(k, n, p)), ref])
    out["binomialCdf"] = rows
    return out


# ---------------------------------------------------------------- significance tests
# Published formulas, written out with numpy; p-values from scipy.stats.

def corrected_t(d, n_train, n_test, level=0.95):
    """Nadeau & Bengio (2003) / Bouckaert & Frank (2004): variance factor 1/J + n_test/n_train."""
    d = np.asarray(d, dtype=float)
    J = d.size
    m = d.mean()
    var = d.var(ddof=1)
    se = math.sqrt((1.0 / J + n_test / n_train) * var)
    if se == 0:  # identical differences: decided, not divided (specml's documented rule)
        return {"statistic": 0.0 if m == 0 else math.copysign(math.inf, m), "df": J - 1, "pValue": 1.0 if m == 0 else 0.0,
                "meanDifference": m, "ci": [m, m]}
    t = m / se
    half = st.t.ppf(0.5 + level / 2, J - 1) * se
    return {"statistic": t, "df": J - 1, "pValue": float(min(1.0, 2 * st.t.sf(abs(t), J - 1))), "meanDifference": m,
            "ci": [m - half, m + half]}


def five_by_two(d):
    """Dietterich (1998) 5x2cv t and Alpaydin (1999) combined F; d[2i + j] = repeat i, fold j."""
    p = np.asarray(d, dtype=float).reshape(5, 2)
    pbar = p.mean(axis=1)
    s2 = ((p - pbar[:, None]) ** 2).sum(axis=1)
    t = p[0, 0] / math.sqrt(s2.mean())
    f = (p ** 2).sum() / (2 * s2.sum())
    return ({"statistic": t, "pValue": float(2 * st.t.sf(abs(t), 5))},
            {"statistic": f, "pValue": float(st.f.sf(f, 10, 5))})


def mcnemar(y, a, b, method):
    ra, rb = a == y, b == y
    nb, nc = int(np.sum(ra & ~rb)), int(np.sum(~ra & rb))
    exact = method == "exact" or (method == "auto" and nb + nc < 25)
    out = {"bothCorrect": int(np.sum(ra & rb)), "onlyA": nb, "onlyB": nc, "bothWrong": int(np.sum(~ra & ~rb)),
           "method": "exact" if exact else "chi2"}
    if nb + nc == 0:
        out.update(statistic=0.0, pValue=1.0)
    elif exact:
        out.update(statistic=float(min(nb, nc)), pValue=float(st.binomtest(nb, nb + nc, 0.5).pvalue))
    else:
        stat = max(0.0, abs(nb - nc) - 1.0) ** 2 / (nb + nc)
        out.update(statistic=stat, pValue=float(st.chi2.sf(stat, 1)))
    return out


def delong_components(y, s):
    """DeLong et al. (1988) structural components by the O(m n) Mann-Whitney kernel."""
    X, Y = s[y == 1], s[y == 0]
    psi = (X[:, None] > Y[None, :]) + 0.5 * (X[:, None] == Y[None, :])
    return psi.mean(), psi.mean(axis=1), psi.mean(axis=0)


def delong(y, sa, sb):
    (aa, xa, ya), (ab, xb, yb) = delong_components(y, sa), delong_components(y, sb)
    for auc, s in ((aa, sa), (ab, sb)):
        assert abs(auc - roc_auc_score(y, s)) < 1e-12, (auc, roc_auc_score(y, s))
    m, n = len(xa), len(ya)
    S10, S01 = np.cov(np.vstack([xa, xb])), np.cov(np.vstack([ya, yb]))
    S = S10 / m + S01 / n
    z = (aa - ab) / math.sqrt(S[0, 0] + S[1, 1] - 2 * S[0, 1])
    return {"aucA": aa, "aucB": ab, "varianceA": S[0, 0], "varianceB": S[1, 1], "covariance": S[0, 1], "z": z,
            "pValue": float(2 * st.norm.sf(abs(z)))}


def delong_ci(y, s, level):
    auc, x, yy = delong_components(y, s)
    var = x.var(ddof=1) / len(x) + yy.var(ddof=1) / len(yy)
    half = st.norm.ppf(0.5 + level / 2) * math.sqrt(var)
    return {"auc": auc, "variance": var, "ci": [max(0.0, auc - half), min(1.0, auc + half)], "level": level}


def compare_to_best(scores, greater, n_train, n_test, alpha=0.05, correction="holm"):
    names = list(scores)
    sign = 1 if greater else -1
    means = {k: np.mean(v) for k, v in scores.items()}
    best = names[0]
    for k in names[1:]:
        if sign * means[k] > sign * means[best]:
            best = k
    raw = {k: 1.0 if k == best else corrected_t(sign * (np.asarray(scores[best]) - np.asarray(scores[k])), n_train, n_test)["pValue"]
           for k in names}
    adj = dict(raw)
    if correction == "holm":
        others = sorted((k for k in names if k != best), key=lambda k: raw[k])
        running = 0.0
        for j, k in enumerate(others):
            running = max(running, min(1.0, (len(others) - j) * raw[k]))
            adj[k] = running
    return [{"name": k, "mean": float(means[k]), "std": float(np.std(scores[k], ddof=1)), "isBest": k == best,
             "pValueVsBest": raw[k], "pValueAdjusted": adj[k],
             "significantlyWorse": bool(k != best and adj[k] < alpha and sign * means[k] < sign * means[best])}
            for k in names]


def credit_models():
    """credit_data (4454 rows): the shared 80/20 holdout split; three sklearn models."""
    df = pd.read_csv(DATA / "data.csv")
    hold = json.loads((DATA / "holdout_idx.json").read_text())
    y = (df.pop("Status") == "bad").astype(int).to_numpy()
    X = pd.get_dummies(df, dtype=float).to_numpy()
    tr, te = np.array(hold["train"]), np.array(hold["test"])
    prep = lambda: [SimpleImputer(strategy="median"), StandardScaler()]
    models = {
        "logistic": make_pipeline(*prep(), LogisticRegression(max_iter=2000)),
        "hgb": HistGradientBoostingClassifier(random_state=0),
        "naive_bayes": make_pipeline(*prep(), GaussianNB()),
    }
    return X, y, tr, te, models


def significance_cases():
    X, y, tr, te, models = credit_models()
    Xtr, ytr = X[tr], y[tr]
    out = {}

    # Repeated 10-fold CV on the training part: per-fold accuracy and ROC AUC of each model.
    cv = RepeatedStratifiedKFold(n_splits=10, n_repeats=10, random_state=0)
    folds = list(cv.split(Xtr, ytr))
    n_train = float(np.mean([len(a) for a, _ in folds]))
    n_test = float(np.mean([len(b) for _, b in folds]))
    fold_scores = {"accuracy": {}, "roc_auc": {}}
    for name, model in models.items():
        acc, auc = [], []
        for a, b in folds:
            fitted = clone(model).fit(Xtr[a], ytr[a])
            pr = fitted.predict_proba(Xtr[b])[:, 1]
            acc.append(accuracy_score(ytr[b], (pr > 0.5).astype(int)))
            auc.append(roc_auc_score(ytr[b], pr))
        fold_scores["accuracy"][name], fold_scores["roc_auc"][name] = acc, auc
    out["cv"] = {"nTrain": n_train, "nTest": n_test, "folds": len(folds), "scores": fold_scores}

    rng = np.random.RandomState(7)
    ct = []
    for metric in ("accuracy", "roc_auc"):
        for a, b in (("hgb", "logistic"), ("logistic", "naive_bayes"), ("naive_bayes", "hgb")):
            d = np.asarray(fold_scores[metric][a]) - np.asarray(fold_scores[metric][b])
            ct.append({"name": f"credit {metric} {a} - {b}", "differences": d.tolist(), "nTrain": n_train, "nTest": n_test,
                       "level": 0.95, "expected": corrected_t(d, n_train, n_test)})
    for J, ntr, nte, mu, level in ((3, 80, 20, 0.01, 0.95), (50, 450, 50, -0.004, 0.9), (10, 9000.5, 1000.5, 0.002, 0.99)):
        d = np.round(rng.normal(mu, 0.01, J), 6)
        ct.append({"name": f"synthetic J={J}", "differences": d.tolist(), "nTrain": ntr, "nTest": nte, "level": level,
                   "expected": corrected_t(d, ntr, nte, level)})
    out["correctedT"] = ct

    # 5x2cv on the training part: five stratified 2-fold splits with fresh seeds.
    fxt = []
    acc52 = {k: [] for k in models}
    for i in range(5):
        for a, b in StratifiedKFold(n_splits=2, shuffle=True, random_state=100 + i).split(Xtr, ytr):
            for name, model in models.items():
                acc52[name].append(accuracy_score(ytr[b], clone(model).fit(Xtr[a], ytr[a]).predict(Xtr[b])))
    for a, b in (("hgb", "logistic"), ("logistic", "naive_bayes")):
        d = np.asarray(acc52[a]) - np.asarray(acc52[b])
        t, f = five_by_two(d)
        fxt.append({"name": f"credit accuracy {a} - {b}", "differences": d.tolist(), "t": t, "f": f})
    for mu in (0.0, 0.02):
        d = np.round(rng.normal(mu, 0.015, 10), 6)
        t, f = five_by_two(d)
        fxt.append({"name": f"synthetic mean {mu}", "differences": d.tolist(), "t": t, "f": f})
    out["fiveByTwo"] = fxt

    # Holdout predictions, probabilities rounded to 3 decimals (ties for DeLong's midranks).
    proba = {}
    for name, model in models.items():
        proba[name] = np.round(clone(model).fit(Xtr, ytr).predict_proba(X[te])[:, 1], 3)
    yte = y[te]
    out["holdout"] = {"yTrue": yte.tolist(), "proba": {k: v.tolist() for k, v in proba.items()}}
    label = {k: (v > 0.5).astype(int) for k, v in proba.items()}

    mc = []
    for a, b in (("hgb", "logistic"), ("logistic", "naive_bayes")):
        for method in ("auto", "exact", "chi2"):
            mc.append({"name": f"credit {a} vs {b} ({method})", "a": a, "b": b, "rows": None, "method": method,
                       "expected": mcnemar(yte, label[a], label[b], method)})
    for rows in (40, 120):  # a prefix of the holdout: few discordant rows, so 'auto' is exact
        mc.append({"name": f"credit first {rows} rows hgb vs logistic", "a": "hgb", "b": "logistic", "rows": rows,
                   "method": "auto", "expected": mcnemar(yte[:rows], label["hgb"][:rows], label["logistic"][:rows], "auto")})
    synth = []
    for nb, nc, n_same in ((3, 9, 30), (12, 12, 10), (13, 12, 5), (0, 0, 8), (40, 22, 100), (0, 7, 3)):
        yy = np.zeros(nb + nc + n_same, dtype=int)
        pa = np.r_[np.zeros(nb, int), np.ones(nc, int), np.zeros(n_same, int)]
        pb = np.r_[np.ones(nb, int), np.zeros(nc, int), np.zeros(n_same, int)]
        for method in ("auto", "exact", "chi2"):
            synth.append({"name": f"synthetic b={nb} c={nc} ({method})", "yTrue": yy.tolist(), "predA": pa.tolist(),
                          "predB": pb.tolist(), "method": method, "expected": mcnemar(yy, pa, pb, method)})
    out["mcnemar"] = mc
    out["mcnemarSynthetic"] = synth

    dl = []
    for a, b in (("hgb", "logistic"), ("logistic", "naive_bayes"), ("naive_bayes", "hgb")):
        dl.append({"name": f"credit {a} vs {b}", "a": a, "b": b, "expected": delong(yte, proba[a], proba[b]),
                   "ciA": {lvl: delong_ci(yte, proba[a], lvl) for lvl in (0.9, 0.95)}})
    out["delong"] = dl
    yy = rng.binomial(1, 0.4, 60)
    sa = np.round(np.clip(0.35 * yy + rng.uniform(0, 0.7, 60), 0, 1), 1)  # 0.1 grid: heavy ties
    sb = np.round(np.clip(0.15 * yy + rng.uniform(0, 0.8, 60), 0, 1), 1)
    out["delongSynthetic"] = {"yTrue": yy.tolist(), "scoreA": sa.tolist(), "scoreB": sb.tolist(),
                              "expected": delong(yy, sa, sb), "ciA": {0.95: delong_ci(yy, sa, 0.95)}}

    cb = []
    for metric, greater in (("accuracy", True), ("roc_auc", True)):
        for corr in ("holm", "none"):
            cb.append({"name": f"credit {metric} ({corr})", "scores": fold_scores[metric], "greaterIsBetter": greater,
                       "nTrain": n_train, "nTest": n_test, "correction": corr,
                       "expected": compare_to_best(fold_scores[metric], greater, n_train, n_test, correction=corr)})
    err = {k: (1 - np.asarray(v)).tolist() for k, v in fold_scores["accuracy"].items()}
    cb.append({"name": "credit error rate (lower is better)", "scores": err, "greaterIsBetter": False, "nTrain": n_train,
               "nTest": n_test, "correction": "holm", "expected": compare_to_best(err, False, n_train, n_test)})
    # Scores on a 1/1024 grid, so that differences are exact: "a_minus_8" trails "a" by exactly
    # 8/1024 on every fold (zero variance, p = 0) and "same_as_a" ties it on every fold (p = 1).
    base = np.round(rng.normal(0.8, 0.02, 10) * 1024) / 1024
    toy = {"a": base, "same_as_a": base.copy(), "a_minus_8": base - 8 / 1024,
           "noisy": np.round((base + rng.normal(-0.005, 0.01, 10)) * 1024) / 1024,
           "bad": np.round((base - 0.05 + rng.normal(0, 0.005, 10)) * 1024) / 1024}
    cb.append({"name": "synthetic ties and zero variance", "scores": {k: v.tolist() for k, v in toy.items()},
               "greaterIsBetter": True, "nTrain": 900, "nTest": 100, "correction": "holm",
               "expected": compare_to_best(toy, True, 900, 100)})
    out["compareToBest"] = cb
    return out


def main():
    warnings.simplefilter("ignore")
    doc = {
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                     "sklearn": sklearn.__version__, "mpmath": mp.__version__, "pandas": pd.__version__},
        "special": special_cases(),
        "distributions": distribution_cases(),
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    sig = significance_cases()
    SIG_OUT.write_text(json.dumps({"versions": doc["versions"], **sig}, separators=(",", ":")) + "\n")
    print(f"wrote {SIG_OUT} ({SIG_OUT.stat().st_size} bytes)", file=sys.stderr)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
