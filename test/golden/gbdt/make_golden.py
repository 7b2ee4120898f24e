"""Golden references for src/models/gbdt from XGBoost (one depth-1 tree, lambda=1, eta=1).

Run with Debian's python3 (python3-xgboost 1.7.4):  /usr/bin/python3 make_golden.py > xgb_stumps.json

Each case fixes base_score to the constant our gbdt starts from (mean of y for squared error; 0.5,
i.e. margin 0, for logistic on balanced labels), so both libraries fit the same gradients. Targets
are chosen so the best split is unique (tie-breaking differs between libraries) and gradients and hessians are exact in float32 (XGBoost stores them as float32), which
makes the leaf values -G/(H+lambda) comparable exactly after rounding ours to float32.
"""
import json

import numpy as np
import xgboost as xgb

cases = []

def stump(name, X, y, objective, base_score):
    d = xgb.DMatrix(np.asarray(X, dtype=np.float32), label=np.asarray(y, dtype=np.float32), missing=np.nan)
    params = {"objective": objective, "max_depth": 1, "eta": 1.0, "lambda": 1.0, "alpha": 0.0,
              "min_child_weight": 0.0, "gamma": 0.0, "tree_method": "exact", "base_score": base_score}
    b = xgb.train(params, d, num_boost_round=1)
    tree = json.loads(b.get_dump(dump_format="json")[0])
    leaves = {c["nodeid"]: c["leaf"] for c in tree["children"]}
    margin = b.predict(d, output_margin=True).tolist()
    cases.append({
        "name": name, "X": [[None if np.isnan(v) else v for v in row] for row in X], "y": list(y),
        "objective": objective, "base_score": base_score,
        "split_feature": int(tree["split"].lstrip("f")), "split_condition": tree["split_condition"],
        "missing_left": tree["missing"] == tree["yes"],
        "left_leaf": leaves[tree["yes"]], "right_leaf": leaves[tree["no"]], "margin": margin,
    })

nan = float("nan")
stump("regression_with_missing",
      [[1, 5], [2, 1], [nan, 7], [nan, 2], [10, 4], [11, 3], [12, nan], [13, 6]],
      [1, 2, 3, 4, 10, 11, 12, 13], "reg:squarederror", 7.0)
stump("binary_logistic",
      [[0.5], [1.5], [2.5], [3.5], [4.5], [5.5], [6.5], [7.5]],
      [0, 0, 1, 0, 0, 1, 1, 1], "binary:logistic", 0.5)
print(json.dumps({"xgboost": xgb.__version__, "cases": cases}, indent=1))
