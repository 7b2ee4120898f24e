"""Golden outputs for specml's k-nearest neighbours: scikit-learn's KNeighborsClassifier and
KNeighborsRegressor (algorithm='brute', Euclidean) on seeded continuous data, so distance ties
(whose order scikit-learn does not define) have probability zero.

    /usr/bin/python3 test/golden/knn/make_knn.py
"""
import json
import os

import numpy as np
import scipy
import sklearn
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

rs = np.random.RandomState(0)
x = np.round(rs.normal(size=(240, 4)), 6)
score = x[:, 0] - 1.5 * x[:, 1] + 0.5 * x[:, 2] * x[:, 3]
y_cls = np.digitize(score + rs.normal(scale=0.5, size=240), [-1.0, 0.5]).astype(int)  # 3 classes
y_reg = np.round(score + rs.normal(scale=0.3, size=240), 6)
train, test = slice(0, 180), slice(180, 240)

cases = []
for k, weights in [(5, "uniform"), (9, "distance")]:
    c = KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="brute").fit(x[train], y_cls[train])
    r = KNeighborsRegressor(n_neighbors=k, weights=weights, algorithm="brute").fit(x[train], y_reg[train])
    cases.append({
        "n_neighbors": k,
        "weights": weights,
        "proba": c.predict_proba(x[test]).tolist(),
        "regression": r.predict(x[test]).tolist(),
    })

out = {
    "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
    "x": x.tolist(),
    "y_class": y_cls.tolist(),
    "y_reg": y_reg.tolist(),
    "n_train": 180,
    "cases": cases,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "knn.json"), "w") as f:
    json.dump(out, f)
print("wrote knn.json")
