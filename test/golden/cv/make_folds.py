"""Writes folds.json: scikit-learn's folds for the deterministic splitters specml reproduces.

Run with Debian's interpreter (the one that has python3-sklearn):
    /usr/bin/python3 test/golden/cv/make_folds.py            # writes test/golden/cv/folds.json
    /usr/bin/python3 test/golden/cv/make_folds.py --stress 300 /tmp/stress.json   # many random inputs

Inputs are drawn with Python's `random` (seeded) and stored in the JSON next to the folds, so the
TypeScript test reads the same y / groups and never depends on numpy's generator. Only test
indices are stored: the train indices are the complement (TimeSeriesSplit stores both, because its
train set is not the complement).
"""
import json
import random
import sys
import warnings

import numpy as np
import sklearn
from sklearn.model_selection import (GroupKFold, KFold, StratifiedGroupKFold,
                                     StratifiedKFold, TimeSeriesSplit)


def imbalanced_y(rnd, n, weights, labels):
    """Class codes with the given weights, first appearance not in code order."""
    y = rnd.choices(labels, weights=weights, k=n)
    return y


def unequal_groups(rnd, n, n_groups):
    """Group codes (sparse, unsorted) with unequal sizes and many tied sizes."""
    codes = rnd.sample(range(3, 10 * n_groups), n_groups)
    sizes = [1] * n_groups  # every group non-empty
    for _ in range(n - n_groups):
        # Sizes skewed: low codes draw more often; plenty of ties among small groups.
        sizes[min(int(rnd.expovariate(3.0 / n_groups)), n_groups - 1)] += 1
    groups = [codes[g] for g, s in enumerate(sizes) for _ in range(s)]
    rnd.shuffle(groups)
    return groups


def tests_of(splitter, n, y=None, groups=None):
    """Test folds and warning messages; on sklearn's ValueError, (None, [message])."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            folds = [t.tolist() for _, t in splitter.split(np.zeros((n, 1)), y, groups)]
        except ValueError as e:
            return None, [str(e)]
    return folds, [str(w.message) for w in caught]


def case(name, params, n, splitter, y=None, groups=None):
    """One golden case: inputs, then sklearn's test folds and warnings, or its error."""
    tests, messages = tests_of(splitter, n, y, groups)
    out = {"splitter": name, "params": params, "n": n}
    if y is not None:
        out["y"] = y
    if groups is not None:
        out["groups"] = groups
    if tests is None:
        out["error"] = messages[0]
    else:
        out["tests"] = tests
        out["warnings"] = messages
    return out


def cases(rnd, sizes, group_counts):
    out = []
    for n in sizes:
        for k in (2, 3, 5, 7):
            if k <= n:
                out.append({"splitter": "kfold", "params": {"n_splits": k}, "n": n, "tests": tests_of(KFold(k), n)[0]})
        # Three imbalanced classes, labelled so that first appearance != code order.
        y = imbalanced_y(rnd, n, [0.15, 0.6, 0.25], [0, 1, 2])
        while y[0] != 2:
            y = imbalanced_y(rnd, n, [0.15, 0.6, 0.25], [0, 1, 2])
        for k in (2, 3, 5, 7):
            if k <= n:
                out.append(case("stratified_kfold", {"n_splits": k}, n, StratifiedKFold(k), y))
        for g in group_counts(n):
            groups = unequal_groups(rnd, n, g)
            for k in (2, 3, 5):
                if k <= g:
                    out.append(case("group_kfold", {"n_splits": k}, n, GroupKFold(k), None, groups))
            for k in (2, 3, 4):
                if k <= g:
                    out.append(case("stratified_group_kfold", {"n_splits": k}, n, StratifiedGroupKFold(k), y, groups))
        for params in ({"n_splits": 3}, {"n_splits": 5}, {"n_splits": 3, "gap": 2, "test_size": 5},
                       {"n_splits": 2, "gap": 2, "test_size": 5, "max_train_size": 6}, {"n_splits": 4, "max_train_size": 10}):
            ts = TimeSeriesSplit(**params)
            if n - params.get("gap", 0) - params.get("test_size", n // (params["n_splits"] + 1)) * params["n_splits"] <= 0:
                continue
            folds = [[tr.tolist(), te.tolist()] for tr, te in ts.split(np.zeros((n, 1)))]
            out.append({"splitter": "time_series_split", "params": params, "n": n, "folds": folds})
    return out


def attrition_cases():
    """Real data: IBM attrition (../shared/datasets, 1470 rows, 16% 'Yes'); groups = Age (43 ages)."""
    import csv
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "../../../../shared/datasets/attrition/data.csv")) as f:
        rows = list(csv.DictReader(f))
    y = [1 if r["Attrition"] == "Yes" else 0 for r in rows]
    groups = [int(r["Age"]) for r in rows]
    n = len(rows)
    return [case("stratified_kfold", {"n_splits": 5}, n, StratifiedKFold(5), y),
            case("group_kfold", {"n_splits": 5}, n, GroupKFold(5), None, groups),
            case("stratified_group_kfold", {"n_splits": 5}, n, StratifiedGroupKFold(5), y, groups)]


def main():
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__, "python": sys.version.split()[0]}
    if len(sys.argv) >= 4 and sys.argv[1] == "--stress":
        rnd = random.Random(12345)
        out = []
        for _ in range(int(sys.argv[2])):
            n = rnd.randint(8, 400)
            out += cases(rnd, [n], lambda n: [rnd.randint(5, max(5, n // 2))])
        path = sys.argv[3]
    else:
        rnd = random.Random(20240601)
        # n=23: 8 groups; n=100: 12, 17, 40 and 70 groups. More than 16 groups makes numpy's
        # introsort partition (not only its insertion sort) decide GroupKFold's order of tied sizes.
        out = cases(rnd, [23, 100], lambda n: [8] if n < 50 else [12, 17, 40, 70])
        # A larger grouped case with many equal-sized groups: 150 groups over 400 rows.
        groups = unequal_groups(rnd, 400, 150)
        for k in (3, 5):
            out.append(case("group_kfold", {"n_splits": k}, 400, GroupKFold(k), None, groups))
        out += attrition_cases()
        path = __file__.replace("make_folds.py", "folds.json")
    with open(path, "w") as f:
        json.dump({"generated_by": "test/golden/cv/make_folds.py", **meta, "cases": out}, f, separators=(",", ":"))
    print(f"{len(out)} cases -> {path}")


if __name__ == "__main__":
    main()
