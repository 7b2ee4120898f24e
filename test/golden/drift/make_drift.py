"""Golden outputs for src/monitor/stats.ts (drift statistics).

Run from the repository root, with the shared datasets checked out beside the repository:

    python3 test/golden/drift/make_drift.py

It writes test/golden/drift/drift.json. References: SciPy's `ks_2samp(method='exact')`,
`kstwobign.sf`, `wasserstein_distance`, `chi2_contingency(correction=False)`,
`spatial.distance.jensenshannon(base=2)`, `fisher_exact`; the PSI written out in numpy. Real cases use columns of
credit_data (Income, Seniority with many ties, Home, Job): the whole column as the reference and a
subset (rows with Age < 30, a real covariate shift) or a random half (no shift) as the current
sample; synthetic cases cover small, unequal and shifted samples. JSON floats are written with
repr, so they round-trip exactly.
"""
import csv
import json
import pathlib
import platform
import sys

import numpy as np
import scipy
from scipy import stats as st
from scipy.spatial import distance

ROOT = pathlib.Path(__file__).resolve().parents[3]
OUT = pathlib.Path(__file__).with_name("drift.json")
DATA = ROOT.parent / "shared" / "datasets" / "credit_data" / "data.csv"
PSI_EPSILON = 1e-4
KS_EXACT_MAX_CELLS = 10_000_000


def floats(xs):
    return [int(x) if float(x).is_integer() and abs(x) < 2**53 else float(x) for x in xs]


def ks_case(name, a, b):
    a = np.sort(np.asarray(a, dtype=float))
    b = np.sort(np.asarray(b, dtype=float))
    n, m = len(a), len(b)
    d = st.ks_2samp(a, b, method="asymp").statistic
    case = {"name": name, "a": floats(a), "b": floats(b), "statistic": float(d), "wasserstein": float(st.wasserstein_distance(a, b))}
    if n * m <= KS_EXACT_MAX_CELLS:
        case["method"] = "exact"
        case["pValue"] = float(st.ks_2samp(a, b, method="exact").pvalue)
    else:
        case["method"] = "asymptotic"
        case["pValue"] = float(st.kstwobign.sf(d * np.sqrt(n * m / (n + m))))
        case["scipyAuto"] = float(st.ks_2samp(a, b).pvalue)  # for the record: SciPy's kstwo(round(en))
    return case


def counts_case(name, a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    keep = (a + b) > 0
    chi2, p, dof, _ = st.chi2_contingency(np.vstack([a[keep], b[keep]]), correction=False)
    r = np.maximum(a / a.sum(), PSI_EPSILON)
    c = np.maximum(b / b.sum(), PSI_EPSILON)
    return {
        "name": name, "a": floats(a), "b": floats(b),
        "chi2": float(chi2), "pValue": float(p), "dof": int(dof),
        "js": float(distance.jensenshannon(a / a.sum(), b / b.sum(), base=2)),
        "psi": float(np.sum((c - r) * np.log(c / r))),
    }


def proportion_case(x1, n1, x2, n2):
    chi2, p, _, _ = st.chi2_contingency(np.array([[x1, n1 - x1], [x2, n2 - x2]]), correction=False)
    z = (x2 / n2 - x1 / n1) / np.sqrt(((x1 + x2) / (n1 + n2)) * (1 - (x1 + x2) / (n1 + n2)) * (1 / n1 + 1 / n2))
    return {"x1": x1, "n1": n1, "x2": x2, "n2": n2, "z": float(z), "chi2": float(chi2), "pValue": float(p)}


class Frame:
    """The CSV as columns: numbers where a column parses as numbers (NaN for empty / NA), else strings."""

    def __init__(self, path):
        with open(path, newline="") as f:
            rows = list(csv.reader(f))
        self.cols = {}
        for j, name in enumerate(rows[0]):
            vals = [r[j] for r in rows[1:]]
            try:
                self.cols[name] = np.array([float(v) if v not in ("", "NA") else np.nan for v in vals])
            except ValueError:
                self.cols[name] = np.array([v if v not in ("", "NA") else None for v in vals], dtype=object)

    def __len__(self):
        return len(next(iter(self.cols.values())))

    def __getitem__(self, name):
        return self.cols[name]


def main():
    df = Frame(DATA)
    rng = np.random.default_rng(20261127)
    young = df["Age"] < 30
    half = rng.random(len(df)) < 0.5
    ks = []
    for col in ["Income", "Seniority", "Price"]:
        x = df[col]
        ok = ~np.isnan(x)
        ks.append(ks_case(f"credit {col}: all vs age < 30", x[ok], x[ok & young]))
        ks.append(ks_case(f"credit {col}: all vs random half", x[ok], x[ok & half]))
    ks.append(ks_case("credit Amount: 300 rows vs 40 rows", df["Amount"][:300], df["Amount"][-40:]))
    ks.append(ks_case("normal 8 vs 5", np.round(rng.normal(size=8), 6), np.round(rng.normal(size=5), 6)))
    ks.append(ks_case("normal 20 vs 30, shift 1", np.round(rng.normal(size=20), 6), np.round(rng.normal(1, 1, size=30), 6)))
    ks.append(ks_case("normal 200 vs 150, shift 0.3", np.round(rng.normal(size=200), 6), np.round(rng.normal(0.3, 1, size=150), 6)))
    ks.append(ks_case("normal 1000 vs 1000, same", np.round(rng.normal(size=1000), 6), np.round(rng.normal(size=1000), 6)))
    ks.append(ks_case("normal 5000 vs 3000, shift 0.05 (asymptotic)", np.round(rng.normal(size=5000), 6), np.round(rng.normal(0.05, 1, size=3000), 6)))
    ks.append(ks_case("normal 4000 vs 3000, scale 1.2 (asymptotic)", np.round(rng.normal(size=4000), 6), np.round(rng.normal(0, 1.2, size=3000), 6)))

    counts = []
    for col in ["Home", "Job", "Marital", "Records"]:
        levels = sorted({v for v in df[col] if v is not None})
        a = [int((df[col] == v).sum()) for v in levels]
        b = [int(((df[col] == v) & young).sum()) for v in levels]
        h = [int(((df[col] == v) & half).sum()) for v in levels]
        counts.append(counts_case(f"credit {col}: all vs age < 30", a, b))
        counts.append(counts_case(f"credit {col}: all vs random half", a, h))
    counts.append(counts_case("one empty category, one new", [50, 30, 20, 0], [10, 0, 25, 5]))
    counts.append(counts_case("two categories, equal", [500, 500], [250, 250]))

    proportions = [proportion_case(*c) for c in [(10, 200, 30, 200), (0, 100, 3, 50), (400, 4454, 120, 1000), (5, 9, 2, 8)]]
    fisher = [{"x1": x1, "n1": n1, "x2": x2, "n2": n2, "pValue": float(st.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue)}
              for (x1, n1, x2, n2) in [(0, 100, 3, 50), (1, 4454, 4, 100), (2, 5000, 0, 1000), (0, 5000, 1, 30), (5, 9, 2, 8), (3, 5000, 6, 60), (0, 20, 0, 30), (12, 2000, 4, 100)]]
    kolmogorov = [{"x": x, "sf": float(st.kstwobign.sf(x))} for x in [0.05, 0.2, 0.5, 0.8, 0.99, 1.0, 1.2, 1.3580986393225505, 2.0, 3.0, 5.0, 8.0]]

    OUT.write_text(json.dumps({
        "generator": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "ks": ks, "counts": counts, "proportions": proportions, "fisher": fisher, "kolmogorov": kolmogorov,
    }) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
