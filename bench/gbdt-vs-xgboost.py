"""XGBoost side of bench/gbdt-vs-xgboost.mjs: reads the float64 matrix it wrote, times the fit (DMatrix
build included) for each thread count, times batch prediction over all rows, and reports peak RSS."""
import os
import resource
import sys
import time

import numpy as np
import xgboost as xgb

rows, cols, tmp = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
threads = [int(t) for t in (sys.argv[4] if len(sys.argv) > 4 else "1,2").split(",")]
X = np.fromfile(os.path.join(tmp, "gbdt-X.f64"), dtype=np.float64).reshape(rows, cols)
y = np.fromfile(os.path.join(tmp, "gbdt-y.i32"), dtype=np.int32)
for nthread in threads:
    params = {"objective": "binary:logistic", "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": 255,
              "max_depth": 0, "max_bin": 255, "eta": 0.1, "lambda": 1.0, "min_child_weight": 1e-3, "nthread": nthread}
    t0 = time.perf_counter()
    d = xgb.DMatrix(X, label=y, missing=np.nan, nthread=nthread)
    booster = xgb.train(params, d, num_boost_round=100)
    fit = time.perf_counter() - t0
    times = []
    for _ in range(5):  # the median of 5 calls, as the Node side
        t0 = time.perf_counter()
        booster.predict(xgb.DMatrix(X, missing=np.nan, nthread=nthread))
        times.append(time.perf_counter() - t0)
    pred = sorted(times)[2]
    print(f"xgboost nthread={nthread}: {fit:.2f} s (DMatrix + 100 rounds); predict {rows / pred:.0f} rows/s")
# ru_maxrss is in KiB on Linux.
print(f"xgboost peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
