"""Reference coefficients for specml's linear models, from scikit-learn.

Run with Debian's interpreter (it has python3-sklearn):  /usr/bin/python3 make_linear.py
Writes linear.json beside this script. Inputs are standardised and rounded to 6 decimals so the
JSON holds them exactly; every fit uses a tight tol so that the reference sits close to the optimum.
"""
import json
import os
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge


def standardise(x):
    return np.round((x - x.mean(axis=0)) / x.std(axis=0), 6)


def regression_data():
    rs = np.random.RandomState(0)
    x = standardise(rs.normal(size=(200, 5)) * [1.0, 2.0, 0.5, 1.0, 3.0])
    y = x @ np.array([1.5, -2.0, 0.0, 0.5, 3.0]) + 2.0 + 0.5 * rs.normal(size=200)
    return x, np.round(y, 6)


def binary_data():
    rs = np.random.RandomState(1)
    x = standardise(rs.normal(size=(300, 4)))
    z = x @ np.array([1.0, -1.5, 0.5, 0.0]) - 0.8  # shifted: about 1 positive in 3, so balancing matters
    y = (rs.uniform(size=300) < 1 / (1 + np.exp(-z))).astype(int)
    return x, y


def multiclass_data():
    rs = np.random.RandomState(2)
    x = standardise(rs.normal(size=(300, 4)))
    w = np.array([[1.0, -1.0, 0.5, 0.0], [-0.5, 1.0, 0.0, 0.8], [0.0, 0.2, -1.0, -0.5]])
    z = x @ w.T + np.array([0.2, 0.0, -0.2])
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    u = rs.uniform(size=(300, 1))
    y = (u > np.cumsum(p, axis=1)).sum(axis=1)
    return x, y


def fitted(model, proba_rows=None, x=None):
    coef = np.atleast_2d(model.coef_)
    intercept = np.atleast_1d(np.asarray(model.intercept_, dtype=float))
    if coef.shape[0] > 1:
        # Multinomial intercepts are unpenalised, so only their differences are identified: centre them.
        intercept = intercept - intercept.mean()
    out = {"coef": coef.tolist(), "intercept": intercept.tolist()}
    if getattr(model, "n_iter_", None) is not None:
        out["n_iter"] = int(np.max(model.n_iter_))
    if proba_rows is not None:
        out["proba"] = model.predict_proba(x[:proba_rows]).tolist()
    return out


def main():
    warnings.simplefilter("error")  # a reference that did not converge is no reference
    xr, yr = regression_data()
    xb, yb = binary_data()
    xm, ym = multiclass_data()
    tight = dict(tol=1e-10, max_iter=1_000_000)
    saga = dict(solver="saga", tol=1e-12, max_iter=1_000_000)
    # newton-cg, not lbfgs: in sklearn 1.2 lbfgs stops on scipy's ftol=64*eps before gtol=1e-10 is
    # reached (max |gradient| of the summed loss left at 2e-5 binary, 2e-3 multinomial); newton-cg
    # minimises the same objective and converges quadratically (tol=1e-8: a tighter tol makes its line
    # search fail on rounding and warn).
    newton = dict(solver="newton-cg", tol=1e-8, max_iter=10_000)
    cases = {
        "linear_regression": ("regression", {}, LinearRegression()),
        "ridge": ("regression", {"alpha": 1.0}, Ridge(alpha=1.0)),
        "ridge_no_intercept": ("regression", {"alpha": 10.0, "fit_intercept": False}, Ridge(alpha=10.0, fit_intercept=False)),
        "lasso": ("regression", {"alpha": 0.1}, Lasso(alpha=0.1, **tight)),
        "elastic_net": ("regression", {"alpha": 0.1, "l1_ratio": 0.5}, ElasticNet(alpha=0.1, l1_ratio=0.5, **tight)),
        "logistic_binary": ("binary", {"C": 1.0}, LogisticRegression(C=1.0, **newton)),
        "logistic_binary_balanced": ("binary", {"C": 0.3, "class_weight": "balanced"}, LogisticRegression(C=0.3, class_weight="balanced", **newton)),
        "logistic_multinomial": ("multiclass", {"C": 1.0}, LogisticRegression(C=1.0, multi_class="multinomial", **newton)),
        "logistic_l1_binary": ("binary", {"penalty": "l1", "C": 0.05}, LogisticRegression(penalty="l1", C=0.05, **saga)),
        "logistic_l1_multinomial": ("multiclass", {"penalty": "l1", "C": 0.05}, LogisticRegression(penalty="l1", C=0.05, multi_class="multinomial", **saga)),
        "logistic_elasticnet_binary": ("binary", {"penalty": "elasticnet", "C": 0.5, "l1_ratio": 0.5}, LogisticRegression(penalty="elasticnet", C=0.5, l1_ratio=0.5, **saga)),
    }
    data = {"regression": (xr, yr), "binary": (xb, yb), "multiclass": (xm, ym)}
    out = {
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
        "datasets": {k: {"x": x.tolist(), "y": y.tolist()} for k, (x, y) in data.items()},
        "cases": {},
    }
    for name, (dataset, params, model) in cases.items():
        x, y = data[dataset]
        model.fit(x, y)
        case = {"dataset": dataset, "params": params, "sklearn": repr(model)}
        case.update(fitted(model, 5 if dataset != "regression" else None, x))
        if dataset == "regression":
            case["predict"] = model.predict(x[:5]).tolist()
        out["cases"][name] = case
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "linear.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
