"""Golden outputs for src/evaluate/fairness, by fairlearn 0.10's published definitions.

fairlearn is not installed here, so this script evaluates its definitions directly:

- selection_rate: fairlearn/metrics/_base_metrics.py, `np.dot(selected, s_w) / s_w.sum()`.
- true/false positive rate: fairlearn computes them as
  `sklearn.metrics.confusion_matrix(y_true, y_pred, labels=[0, 1], normalize="true").ravel()`
  (tnr, fpr, fnr, tpr); that exact call is used for the `undefinedRates: "zero"` runs, where a
  group without positives (negatives) gets TPR (FPR) 0 from sklearn's nan_to_num.
- MetricFrame.difference / ratio with method="between_groups": group max - group min and
  group min / group max; equalized_odds_difference = max(tpr difference, fpr difference);
  equal_opportunity_difference = tpr difference; demographic_parity_* on selection_rate.

The default `undefinedRates: "exclude"` runs drop undefined rates (0/0) from that rate's spread,
and groups below minGroupSize are dropped from every aggregate; both are computed here by plain
counting, independently of the TypeScript. The 95 % Wilson interval is evaluated by formula in
numpy (no statsmodels), in the same operation order as src/evaluate/fairness/wilson.ts.

Run from the repository root with Debian's Python:

    /usr/bin/python3 test/golden/fairness/make_fairness.py

It writes test/golden/fairness/fairness.json (floats via repr, so they round-trip exactly).
"""
import json
import math
import pathlib
import platform

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy.stats import norm
from sklearn.metrics import confusion_matrix

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parent.parent.parent
OUT = HERE / "fairness.json"
CREDIT = ROOT / "examples" / "credit" / "credit.csv"

Z = 1.959963984540054
assert Z == norm.ppf(0.975)
MISSING = "(missing)"
RATES = ["selection_rate", "tpr", "fpr", "precision", "accuracy", "error_rate"]
ALL_METRICS = [
    "demographic_parity_difference",
    "demographic_parity_ratio",
    "true_positive_rate_difference",
    "false_positive_rate_difference",
    "equalized_odds_difference",
    "equal_opportunity_difference",
    "disparate_impact",
    "four_fifths_pass",
]
USES = {
    "tpr": ["true_positive_rate_difference", "equalized_odds_difference", "equal_opportunity_difference"],
    "fpr": ["false_positive_rate_difference", "equalized_odds_difference"],
}


def wilson(k, n):
    """Wilson score interval, same expression and order as wilson.ts."""
    p = k / n
    z2 = Z * Z
    denom = 1 + z2 / n
    center = (p + z2 / (2 * n)) / denom
    half = (Z / denom) * math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
    # Exact ends at k = 0 and k = n (center - half rounds to ~3e-17 there), as wilson.ts does.
    return [0.0 if k == 0 else max(0.0, center - half), 1.0 if k == n else min(1.0, center + half)]


def num_label(b):
    """A cut point as JavaScript's String(b) writes it (25, not 25.0)."""
    b = float(b)
    return str(int(b)) if b.is_integer() else repr(b)


def band_labels(bands):
    labels = ["<" + num_label(bands[0])]
    labels += [f"{num_label(a)}-{num_label(b)}" for a, b in zip(bands[:-1], bands[1:])]
    labels.append(">=" + num_label(bands[-1]))
    return labels


def groups_of(series, bands=None, levels=None):
    """(labels in order, per-row label array). Bands are left-closed: pandas cut(right=False)."""
    if bands is not None:
        labels = band_labels(bands)
        cats = pd.cut(series.astype(float), [-np.inf, *bands, np.inf], right=False, labels=labels)
        rows = cats.astype(object).where(cats.notna(), MISSING)
    elif series.dtype == bool or (levels is None and set(series.dropna().unique()) <= {True, False} and series.dtype == object and all(isinstance(v, bool) for v in series.dropna())):
        labels = ["false", "true"]
        rows = series.map(lambda v: MISSING if v is None or (isinstance(v, float) and math.isnan(v)) else ("true" if v else "false"))
    else:
        labels = list(levels) if levels is not None else list(pd.unique(series.dropna()))
        rows = series.astype(object).where(series.notna(), MISSING)
    rows = np.asarray(rows, dtype=object)
    if (rows == MISSING).any():
        labels = labels + [MISSING]
    return labels, rows


def intersect(parts):
    """parts: [(name, labels, rows)]; observed combinations only."""
    n = len(parts[0][2])
    keys = [tuple(labels.index(rows[i]) for _, labels, rows in parts) for i in range(n)]
    names = {}
    for key in sorted(set(keys)):
        names[key] = " & ".join(f"{parts[j][0]}={parts[j][1][c]}" for j, c in enumerate(key))
    rows = np.array([names[k] for k in keys], dtype=object)
    return " × ".join(p[0] for p in parts), [names[k] for k in sorted(names)], rows


def fairlearn_rates(y, p):
    """fairlearn's selection_rate, true_positive_rate, false_positive_rate for one group."""
    selected = p == 1
    s_w = np.ones(len(selected))
    sel = np.dot(selected, s_w) / s_w.sum()
    tnr, fpr, fnr, tpr = confusion_matrix(y, p, labels=[0, 1], normalize="true").ravel()
    return float(sel), float(tpr), float(fpr)


def group_table(labels, rows, y, p, min_group_size, score=None):
    out = []
    for g in labels:
        m = rows == g
        n = int(m.sum())
        yt, yp = y[m], p[m]
        pos, pred = int(yt.sum()), int(yp.sum())
        tp = int(((yt == 1) & (yp == 1)).sum())
        fp = int(((yt == 0) & (yp == 1)).sum())
        correct = int((yt == yp).sum())
        fracs = {
            "selection_rate": (pred, n),
            "tpr": (tp, pos),
            "fpr": (fp, n - pos),
            "precision": (tp, pred),
            "accuracy": (correct, n),
            "error_rate": (n - correct, n),
        }
        small = n < min_group_size
        out.append({
            "group": g,
            "count": n,
            "positives": pos,
            "predicted_positives": pred,
            "mean_score": None if score is None or n == 0 else float(np.mean(score[m])),
            "small": small,
            "rates": {k: (a / b if b > 0 else None) for k, (a, b) in fracs.items()},
            "ci": {k: (wilson(a, b) if b > 0 and not small else None) for k, (a, b) in fracs.items()},
            "fairlearn": fairlearn_rates(yt, yp) if n > 0 else None,
        })
    return out


def spread(vals):
    if len(vals) < 2:
        return None, None
    lo, hi = min(vals), max(vals)
    return hi - lo, (lo / hi if hi > 0 else None)


def aggregates(table, policy):
    eligible = [g for g in table if g["count"] > 0 and not g["small"]]
    excluded = [[g["group"], ALL_METRICS] for g in table if g not in eligible]

    def vals(rate, idx):
        out = []
        for g in eligible:
            v = g["rates"][rate]
            if policy == "zero":
                out.append(g["fairlearn"][idx])  # sklearn's nan_to_num: 0 where undefined
                if v is not None:
                    assert v == g["fairlearn"][idx]
            elif v is not None:
                out.append(v)
            else:
                excluded.append([g["group"], USES[rate]])
        return out

    sel_vals = [g["fairlearn"][0] for g in eligible]
    assert sel_vals == [g["rates"]["selection_rate"] for g in eligible]
    dpd, dpr = spread(sel_vals)
    tprd, _ = spread(vals("tpr", 1))
    fprd, _ = spread(vals("fpr", 2))
    eod = None if tprd is None or fprd is None else max(tprd, fprd)
    metrics = {
        "demographic_parity_difference": dpd,
        "demographic_parity_ratio": dpr,
        "true_positive_rate_difference": tprd,
        "false_positive_rate_difference": fprd,
        "equalized_odds_difference": eod,
        "equal_opportunity_difference": tprd,
        "disparate_impact": dpr,
        "four_fifths_pass": None if dpr is None else dpr >= 0.8,
    }
    return metrics, excluded


def strip(table):
    return [{k: v for k, v in g.items() if k not in ("fairlearn", "small")} for g in table]


def binary_runs(groupings, y, p, runs, score=None):
    out = []
    for min_group_size, policy in runs:
        entries = []
        for name, labels, rows in groupings:
            table = group_table(labels, rows, y, p, min_group_size, score)
            metrics, excluded = aggregates(table, policy)
            entries.append({"attribute": name, "labels": labels, "groups": strip(table), "metrics": metrics, "excluded": excluded})
        out.append({"minGroupSize": min_group_size, "undefinedRates": policy, "attributes": entries})
    return out


def regression_runs(groupings, y, p, min_group_size):
    entries = []
    for name, labels, rows in groupings:
        groups = []
        for g in labels:
            m = rows == g
            n = int(m.sum())
            e = p[m] - y[m]
            groups.append({
                "group": g,
                "count": n,
                "mae": float(np.mean(np.abs(e))) if n else None,
                "rmse": float(np.sqrt(np.mean(e * e))) if n else None,
                "mean_prediction": float(np.mean(p[m])) if n else None,
                "mean_target": float(np.mean(y[m])) if n else None,
            })
        ok = [g for g in groups if g["count"] >= min_group_size and g["count"] > 0]
        reg_metrics = ["mae_difference", "mae_group_max", "rmse_difference", "rmse_group_max", "mean_prediction_difference"]
        excluded = [[g["group"], reg_metrics] for g in groups if g not in ok]
        mae_d, _ = spread([g["mae"] for g in ok])
        rmse_d, _ = spread([g["rmse"] for g in ok])
        mp_d, _ = spread([g["mean_prediction"] for g in ok])
        entries.append({
            "attribute": name,
            "labels": labels,
            "groups": groups,
            "metrics": {
                "mae_difference": mae_d,
                "mae_group_max": max(g["mae"] for g in ok) if ok else None,
                "rmse_difference": rmse_d,
                "rmse_group_max": max(g["rmse"] for g in ok) if ok else None,
                "mean_prediction_difference": mp_d,
            },
            "excluded": excluded,
        })
    return [{"minGroupSize": min_group_size, "attributes": entries}]


def groupings_for(frame, attributes, intersections, levels):
    singles = []
    for a in attributes:
        labels, rows = groups_of(frame[a["column"]], a.get("bands"), levels.get(a["column"]))
        singles.append((a["column"], labels, rows))
    out = list(singles)
    if intersections and len(singles) >= 2:
        out.append(intersect(singles))
    return out


def column_json(name, series, kind):
    vals = [None if (v is None or (isinstance(v, float) and math.isnan(v))) else (float(v) if kind == "numeric" else v) for v in series.tolist()]
    return {"name": name, "kind": kind, "values": vals}


def hand_cases():
    cases = []
    rs = np.random.RandomState(20240611)

    # 1. three categories, n = 60, ~balanced, scores on a 0.05 grid.
    n = 60
    g = rs.choice(["a", "b", "c"], size=n, p=[0.5, 0.3, 0.2])
    y = rs.binomial(1, np.where(g == "a", 0.4, np.where(g == "b", 0.3, 0.6)))
    score = np.round(np.clip(0.25 * y + rs.uniform(0, 0.75, n), 0, 1) / 0.05) * 0.05
    p = (score >= 0.5).astype(int)
    frame = pd.DataFrame({"g": g})
    attrs = [{"column": "g"}]
    levels = {"g": ["a", "b", "c"]}
    cases.append({
        "name": "three_groups",
        "columns": [column_json("g", frame["g"], "categorical")],
        "levels": levels,
        "attributes": attrs,
        "intersections": False,
        "yTrue": y.tolist(), "yPred": p.tolist(), "score": score.tolist(),
        "runs": binary_runs(groupings_for(frame, attrs, False, levels), y, p, [(5, "exclude"), (0, "zero")], score),
    })

    # 2. empty denominators: no positives / no negatives / nothing predicted 1.
    spec = {
        "normal": ([1, 1, 0, 0, 0, 1, 0, 1], [1, 0, 0, 1, 0, 1, 0, 1]),
        "no_pos": ([0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 1, 0]),
        "no_neg": ([1, 1, 1, 1, 1], [1, 0, 1, 1, 0]),
        "none_pred": ([1, 0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]),
        "tiny": ([1, 0], [1, 1]),
    }
    g = np.array([k for k, (yy, _) in spec.items() for _ in yy], dtype=object)
    y = np.array([v for yy, _ in spec.values() for v in yy])
    p = np.array([v for _, pp in spec.values() for v in pp])
    frame = pd.DataFrame({"grp": g})
    attrs = [{"column": "grp"}]
    levels = {"grp": list(spec)}
    cases.append({
        "name": "empty_denominators",
        "columns": [column_json("grp", frame["grp"], "categorical")],
        "levels": levels,
        "attributes": attrs,
        "intersections": False,
        "yTrue": y.tolist(), "yPred": p.tolist(),
        "runs": binary_runs(groupings_for(frame, attrs, False, levels), y, p, [(3, "exclude"), (3, "zero"), (0, "exclude"), (0, "zero")]),
    })

    # 3. bands with values on the cut points, NaN, an empty band; a boolean with missing; intersection.
    age = np.array([18, 24.5, 25, 25, 30, 34.999, 35, 35, np.nan, 50, 50, 61, 70, 22, 27, 33, np.nan, 52, 29, 31], dtype=float)
    flag = [True, False, None, True, True, False, False, True, True, None, False, True, False, True, False, True, False, False, True, False]
    y = np.array([1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0])
    p = np.array([1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0])
    frame = pd.DataFrame({"age": age, "flag": pd.Series(flag, dtype=object)})
    attrs = [{"column": "age", "bands": [25, 35, 40, 50]}, {"column": "flag"}]
    cases.append({
        "name": "bands_missing_boolean",
        "columns": [column_json("age", frame["age"], "numeric"), {"name": "flag", "kind": "boolean", "values": flag}],
        "levels": {},
        "attributes": attrs,
        "intersections": True,
        "yTrue": y.tolist(), "yPred": p.tolist(),
        "runs": binary_runs(groupings_for(frame, attrs, True, {}), y, p, [(2, "exclude"), (0, "zero")]),
    })

    # 4. nothing selected anywhere: ratio 0/0 is null, difference 0.
    g = np.array(["x"] * 6 + ["y"] * 5, dtype=object)
    y = np.array([1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0])
    p = np.zeros(11, dtype=int)
    frame = pd.DataFrame({"s": g})
    attrs = [{"column": "s"}]
    cases.append({
        "name": "no_selection",
        "columns": [column_json("s", frame["s"], "categorical")],
        "levels": {"s": ["x", "y"]},
        "attributes": attrs,
        "intersections": False,
        "yTrue": y.tolist(), "yPred": p.tolist(),
        "runs": binary_runs(groupings_for(frame, attrs, False, {"s": ["x", "y"]}), y, p, [(0, "exclude")]),
    })
    # 5. undefined TPR where it matters: scored 0 (fairlearn) it becomes the group minimum.
    spec = {
        "g1": ([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [1, 1, 1, 1, 0, 1, 0, 0, 0, 0]),
        "g2": ([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [1, 1, 1, 0, 0, 1, 1, 0, 0, 0]),
        "g3": ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 1, 1, 1, 0]),
    }
    g = np.array([k for k, (yy, _) in spec.items() for _ in yy], dtype=object)
    y = np.array([v for yy, _ in spec.values() for v in yy])
    p = np.array([v for _, pp in spec.values() for v in pp])
    frame = pd.DataFrame({"grp": g})
    attrs = [{"column": "grp"}]
    levels = {"grp": list(spec)}
    cases.append({
        "name": "undefined_tpr_exclude_vs_zero",
        "columns": [column_json("grp", frame["grp"], "categorical")],
        "levels": levels,
        "attributes": attrs,
        "intersections": False,
        "yTrue": y.tolist(), "yPred": p.tolist(),
        "runs": binary_runs(groupings_for(frame, attrs, False, levels), y, p, [(0, "exclude"), (0, "zero")]),
    })
    return cases


def regression_hand_case():
    rs = np.random.RandomState(7)
    n = 50
    g = rs.choice(["north", "south", "east"], size=n, p=[0.5, 0.4, 0.1])
    y = np.round(rs.gamma(3.0, 10.0, n), 2)
    p = np.round(y * rs.uniform(0.7, 1.3, n) + np.where(g == "south", 5.0, 0.0), 2)
    frame = pd.DataFrame({"region": g})
    attrs = [{"column": "region"}]
    levels = {"region": ["north", "south", "east"]}
    return {
        "name": "regression_regions",
        "task": "regression",
        "columns": [column_json("region", frame["region"], "categorical")],
        "levels": levels,
        "attributes": attrs,
        "intersections": False,
        "yTrue": y.tolist(), "yPred": p.tolist(),
        "runs": regression_runs(groupings_for(frame, attrs, False, levels), y, p, 10),
    }


def credit_cases():
    d = pd.read_csv(CREDIT)
    y = (d["Status"] == "bad").astype(int).to_numpy()
    p = (d["Seniority"] < 3).astype(int).to_numpy()
    attrs = [{"column": "Age", "bands": [30, 40, 50]}, {"column": "Marital"}]
    # specml's schema inference sorts a categorical column's levels; so do the groups here.
    groupings = groupings_for(d, attrs, True, {"Marital": sorted(d["Marital"].dropna().unique())})
    binary = {
        "name": "credit",
        "task": "binary",
        "data": "examples/credit/credit.csv",
        "rule": {"yTrue": "Status == 'bad'", "yPred": "Seniority < 3"},
        "attributes": attrs,
        "intersections": True,
        "runs": binary_runs(groupings, y, p, [(30, "exclude"), (0, "zero")]),
    }
    ry = d["Amount"].to_numpy(dtype=float)
    rp = d["Price"].to_numpy(dtype=float) * 0.75
    regression = {
        "name": "credit_regression",
        "task": "regression",
        "data": "examples/credit/credit.csv",
        "rule": {"yTrue": "Amount", "yPred": "Price * 0.75"},
        "attributes": attrs,
        "intersections": True,
        "runs": regression_runs(groupings, ry, rp, 30),
    }
    return [binary, regression]


def main():
    wilson_cases = [(0, 1), (1, 1), (0, 12), (12, 12), (3, 10), (45, 100), (1, 3000), (2999, 3000), (704, 1327)]
    doc = {
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scipy": scipy.__version__,
            "sklearn": sklearn.__version__,
            "fairlearn_definitions": "0.10",
        },
        "z": Z,
        "wilson": [{"k": k, "n": n, "interval": wilson(k, n)} for k, n in wilson_cases],
        "cases": [dict(c, task="binary") for c in hand_cases()] + [regression_hand_case()] + credit_cases(),
    }
    # One case per line: small, and a regenerated file diffs case by case.
    head = {k: v for k, v in doc.items() if k != "cases"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "cases": [']
    lines.append(",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in doc["cases"]))
    lines.append("]}")
    OUT.write_text("\n".join(lines) + "\n")
    json.loads(OUT.read_text())
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB, {len(doc['cases'])} cases)")


if __name__ == "__main__":
    main()
