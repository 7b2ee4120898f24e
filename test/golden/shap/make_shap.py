"""Golden TreeSHAP values from XGBoost for src/evaluate/explain/golden.test.ts.

Run from the repository root with Debian's python3 (python3-xgboost 1.7.4):

    /usr/bin/python3 test/golden/shap/make_shap.py

Writes test/golden/shap/shap.json: for each case the trees as XGBoost dumps them (JSON with
stats: split, split_condition, yes/no/missing, leaf, cover), the base margin, ~50 rows (NaN as
null) and `pred_contribs` (exact path-dependent TreeSHAP, bias column last) on the margin scale.
The script checks its own output before writing: the dump re-predicts XGBoost's margins and each
row's contributions sum to its margin.
"""
import csv
import json
import os
import sys

import numpy as np
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
NAN = float("nan")


def load_credit():
    """examples/credit/credit.csv: its numeric columns (Income, Assets, Debt have NaN), y = Status == bad."""
    names = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
    X, y = [], []
    with open(os.path.join(ROOT, "examples", "credit", "credit.csv"), newline="") as f:
        for row in csv.DictReader(f):
            X.append([float(row[c]) if row[c] != "" else NAN for c in names])
            y.append(1.0 if row["Status"] == "bad" else 0.0)
    return np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32), names


def synth(n, p, k, seed):
    """Seeded features with ~10 % NaN in the first two; k classes (or a value when k == 0)."""
    rs = np.random.RandomState(seed)
    X = rs.normal(size=(n, p)).astype(np.float32)
    X[rs.uniform(size=n) < 0.1, 0] = np.nan
    X[rs.uniform(size=n) < 0.1, 1] = np.nan
    s = np.nan_to_num(X[:, 0], nan=1.0) + 0.7 * X[:, 2] - 0.5 * np.nan_to_num(X[:, 1], nan=-1.0) * X[:, 3] + 0.3 * rs.normal(size=n)
    if k == 0:
        return X, s.astype(np.float32)
    return X, np.digitize(s, np.quantile(s, np.linspace(0, 1, k + 1)[1:-1])).astype(np.float32)


def pick_rows(X, n_rows, seed):
    """n_rows rows: half with a NaN somewhere (missing routing), half without, sorted."""
    rs = np.random.RandomState(seed)
    has_nan = np.isnan(X).any(axis=1)
    a = rs.choice(np.flatnonzero(has_nan), n_rows // 2, replace=False)
    b = rs.choice(np.flatnonzero(~has_nan), n_rows - n_rows // 2, replace=False)
    return np.sort(np.concatenate([a, b]))


def leaf_sum(tree, x):
    """The leaf value x reaches in one dumped tree, routing as XGBoost does (x < split_condition)."""
    node = tree
    while "leaf" not in node:
        v = x[int(node["split"].lstrip("f"))]
        nxt = node["missing"] if np.isnan(v) else (node["yes"] if v < np.float32(node["split_condition"]) else node["no"])
        node = next(c for c in node["children"] if c["nodeid"] == nxt)
    return node["leaf"]


def case(name, X, y, params, rounds, k, rows_seed):
    d = xgb.DMatrix(X, label=y, missing=np.nan)
    b = xgb.train(params, d, num_boost_round=rounds)
    trees = [json.loads(t) for t in b.get_dump(dump_format="json", with_stats=True)]
    rows = pick_rows(X, 50, rows_seed)
    dr = xgb.DMatrix(X[rows], missing=np.nan)
    margin = b.predict(dr, output_margin=True).reshape(len(rows), max(k, 1))
    contribs = b.predict(dr, pred_contribs=True).reshape(len(rows), max(k, 1), X.shape[1] + 1)
    # base_score as a margin, as XGBoost 1.7 adds it (float32: logit for binary:logistic).
    bs = np.float32(params["base_score"])
    base = float(np.float32(-np.log(np.float32(1) / bs - np.float32(1)))) if params["objective"] == "binary:logistic" else float(bs)
    kk = max(k, 1)
    for i, r in enumerate(rows):
        for c in range(kk):
            rebuilt = base + sum(leaf_sum(t, X[r]) for t in trees[c::kk])
            assert abs(rebuilt - margin[i, c]) < 1e-4, (name, i, c, rebuilt, margin[i, c])
            assert abs(contribs[i, c].astype(np.float64).sum() - margin[i, c]) < 1e-4, (name, i, c)
    return {
        "name": name,
        "objective": params["objective"],
        "params": {key: v for key, v in params.items()},
        "rounds": rounds,
        "nOutputs": kk,
        "nFeatures": int(X.shape[1]),
        "baseMargin": [base] * kk,
        "trees": trees,
        "rows": [[None if np.isnan(v) else float(v) for v in X[r]] for r in rows],
        "margin": [float(v) for v in margin.ravel()],
        "contribs": [float(v) for v in contribs.ravel()],
    }


def main():
    cases = []
    X, y, _ = load_credit()
    cases.append(case("credit_binary", X, y,
                      {"objective": "binary:logistic", "max_depth": 3, "eta": 0.3, "base_score": 0.3, "tree_method": "exact", "seed": 0},
                      10, 0, 1))
    X, y = synth(600, 6, 3, 2)
    cases.append(case("synth_multiclass", X, y,
                      {"objective": "multi:softprob", "num_class": 3, "max_depth": 3, "eta": 0.3, "base_score": 0.5, "tree_method": "exact", "seed": 0},
                      5, 3, 3))
    X, y = synth(600, 5, 0, 4)
    cases.append(case("synth_regression", X, y,
                      {"objective": "reg:squarederror", "max_depth": 4, "eta": 0.3, "base_score": 0.25, "tree_method": "hist", "seed": 0},
                      10, 0, 5))
    out = {"versions": {"xgboost": xgb.__version__, "numpy": np.__version__, "python": sys.version.split()[0]}, "cases": cases}
    with open(os.path.join(HERE, "shap.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
