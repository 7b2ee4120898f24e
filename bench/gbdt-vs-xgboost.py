"""XGBoost side of bench/gbdt-vs-xgboost.mjs: reads the float64 matrix it wrote and times the fit."""
import os
import sys
import time

import numpy as np
import xgboost as xgb

rows, cols, tmp = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
X = np.fromfile(os.path.join(tmp, "gbdt-X.f64"), dtype=np.float64).reshape(rows, cols)
y = np.fromfile(os.path.join(tmp, "gbdt-y.i32"), dtype=np.int32)
# nthread=1 only: the shared 2-core VM oversubscribes with more (one run took 14x longer), and our
# fit is single-threaded too.
for nthread in (1,):
    params = {"objective": "binary:logistic", "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": 255,
              "max_depth": 0, "max_bin": 255, "eta": 0.1, "lambda": 1.0, "min_child_weight": 1e-3, "nthread": nthread}
    t0 = time.perf_counter()
    d = xgb.DMatrix(X, label=y, missing=np.nan, nthread=nthread)
    xgb.train(params, d, num_boost_round=100)
    print(f"xgboost nthread={nthread}: {time.perf_counter() - t0:.2f} s (DMatrix + 100 rounds)")
