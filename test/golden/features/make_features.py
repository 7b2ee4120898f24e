"""Reference outputs for src/features/golden.test.ts, from scikit-learn.

Run with Debian's python3 (it ships python3-sklearn):  /usr/bin/python3 make_features.py
Writes features.json beside this file. Inputs are small and deterministic (written out below, or
drawn from numpy's seeded generator and stored in the JSON), so the TypeScript side reads the
inputs from the same file.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, RobustScaler, StandardScaler

rng = np.random.default_rng(20240601)
n = 40
X = np.column_stack([rng.normal(5, 2, n), rng.exponential(3, n), rng.integers(0, 4, n).astype(float)])
X[rng.random((n, 3)) < 0.15] = np.nan
X_full = np.nan_to_num(X, nan=0.0)


def nums(a):
    return [None if v != v else float(v) for v in np.asarray(a, dtype=float).ravel()]


out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "numeric": {"columns": [nums(X[:, j]) for j in range(3)], "full": [nums(X_full[:, j]) for j in range(3)]}}

# Scalers on the complete matrix and on the one with NaN (sklearn ignores NaN when fitting).
out["standard_scaler"] = {k: [nums(c) for c in StandardScaler().fit_transform(m).T] for k, m in (("full", X_full), ("nan", X))}
out["robust_scaler"] = {k: [nums(c) for c in RobustScaler().fit_transform(m).T] for k, m in (("full", X_full), ("nan", X))}
out["robust_scaler_10_90"] = [nums(c) for c in RobustScaler(quantile_range=(10, 90)).fit_transform(X).T]
out["simple_imputer"] = {s: [nums(c) for c in SimpleImputer(strategy=s).fit_transform(X).T] for s in ("mean", "median", "most_frequent")}

# Categorical: counts chosen so min_frequency and max_categories both bite.
cats = ["b"] * 9 + ["a"] * 7 + ["d"] * 5 + ["c"] * 3 + ["e"] * 2 + ["f"] * 1 + ["g"] * 1
order = rng.permutation(len(cats))
cats = [cats[i] for i in order]
test_cats = ["a", "c", "f", "zz", "g", "b", "e"]
out["categorical"] = {"train": cats, "test": test_cats}
cases = {}
for name, kw in {"min_frequency_3": {"min_frequency": 3}, "min_frequency_0.1": {"min_frequency": 0.1}, "max_categories_4": {"max_categories": 4}, "both": {"min_frequency": 2, "max_categories": 5}}.items():
    enc = OneHotEncoder(handle_unknown="infrequent_if_exist", sparse_output=False, **kw).fit(np.array(cats, dtype=object).reshape(-1, 1))
    names = [f.replace("x0_", "c=").replace("infrequent_sklearn", "__infrequent__") for f in enc.get_feature_names_out()]
    t = enc.transform(np.array(test_cats, dtype=object).reshape(-1, 1))
    cases[name] = {"params": kw, "names": names, "test": [nums(t[:, j]) for j in range(t.shape[1])]}
out["one_hot"] = cases
ord_enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan).fit(np.array(cats, dtype=object).reshape(-1, 1))
out["ordinal"] = {"test": nums(ord_enc.transform(np.array(test_cats, dtype=object).reshape(-1, 1))[:, 0])}

corpus = [
    "The quick brown fox jumps over the lazy dog.",
    "The lazy dog sleeps; the quick fox runs away!",
    "A brown dog and a brown fox are friends, friends, friends.",
    "Naïve café owners serve crème brûlée to the fox_1 and dog_2.",
    "Dogs bark. Foxes bark too? The dog barks at 3 foxes.",
    "",
    "quick quick quick brown brown fox",
    "Über-fast ÆTHER tokens: x y z 42 4 2 under_score",
]
test_docs = ["the quick dog", "unseen words only", "brown brown brown fox fox dog", "", "Naïve FOX"]
out["text"] = {"train": corpus, "test": test_docs}
tf = {}
for name, kw in {"ngram12": {"ngram_range": (1, 2)}, "ngram12_sublinear": {"ngram_range": (1, 2), "sublinear_tf": True}, "unigram_min_df2": {"min_df": 2}, "unigram_no_smooth_l1": {"smooth_idf": False, "norm": "l1"}}.items():
    v = TfidfVectorizer(**kw).fit(corpus)
    t = v.transform(test_docs).toarray()
    tf[name] = {"params": {k: list(x) if isinstance(x, tuple) else x for k, x in kw.items()}, "terms": list(v.get_feature_names_out()), "idf": nums(v.idf_), "test": [nums(t[i]) for i in range(t.shape[0])]}
out["tfidf"] = tf
hv = HashingVectorizer(n_features=16, ngram_range=(1, 2)).transform(corpus).toarray()
out["hashing"] = {"n_features": 16, "ngram_range": [1, 2], "rows": [nums(r) for r in hv]}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "features.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(path, os.path.getsize(path), "bytes")
