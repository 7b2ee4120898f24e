"""Golden outputs for src/tune/parzen.ts and src/tune/tpe.ts from Optuna 5.0.0's own TPE code.

Writes tpe.json beside this file:
  parzen: for fixed observations, Optuna's `_ParzenEstimator(...).log_pdf` at points drawn from
          that estimator plus the range ends (what TPE evaluates: log l(x) and log g(x));
  split:  for trial histories mixing complete, pruned (with, without and NaN intermediate values)
          and failed trials, Optuna's ranking of them as `_split_trials` uses it (best first).
Run from the repository root with a Python that has optuna 5.0.0 (see README.md).
"""
import json
import math
import platform
import warnings

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import _split_trials, default_weights
from optuna.trial import TrialState, create_trial

warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)
rs = np.random.RandomState(20240611)


def to_optuna(d):
    if d["kind"] == "categorical":
        return CategoricalDistribution(d["choices"])
    if d["kind"] == "int":
        return IntDistribution(d["low"], d["high"], log=d.get("log", False), step=d.get("step", 1))
    return FloatDistribution(d["low"], d["high"], log=d.get("log", False), step=d.get("step"))


def draw_obs(d, n):
    """n internal-representation observations of one distribution (values on the grid, no ties)."""
    od = to_optuna(d)
    if d["kind"] == "categorical":
        return rs.randint(len(d["choices"]), size=n).astype(float).tolist()
    if d["kind"] == "int":
        vals = np.arange(od.low, od.high + 1, od.step)
        if d.get("log"):  # cluster near the bottom, as tuned counts tend to
            vals = np.unique(np.round(np.exp(rs.uniform(math.log(od.low), math.log(od.high), size=4 * n))))
        return [float(v) for v in rs.choice(vals, size=n, replace=len(vals) < n)]
    if d.get("step") is not None:
        k = rs.randint(0, int(round((od.high - od.low) / od.step)) + 1, size=n)
        return (od.low + k * od.step).tolist()
    if d.get("log"):
        return np.exp(rs.uniform(math.log(od.low), math.log(od.high), size=n)).tolist()
    # Half the points in a tight cluster: exercises the magic-clip floor on sigma.
    c = rs.uniform(od.low, od.high)
    pts = np.where(rs.rand(n) < 0.5, np.clip(c + 0.01 * (od.high - od.low) * rs.randn(n), od.low, od.high), rs.uniform(od.low, od.high, n))
    return pts.tolist()


SPACES = {
    "float": [{"kind": "float", "low": -5.0, "high": 5.0}],
    "float_log": [{"kind": "float", "low": 1e-5, "high": 1.0, "log": True}],
    "float_step": [{"kind": "float", "low": 0.0, "high": 10.0, "step": 0.25}],
    "float_step_off_grid": [{"kind": "float", "low": 0.0, "high": 1.0, "step": 0.3}],
    "int": [{"kind": "int", "low": 2, "high": 12}],
    "int_log": [{"kind": "int", "low": 1, "high": 1024, "log": True}],
    "int_step": [{"kind": "int", "low": 0, "high": 10, "step": 4}],
    "categorical": [{"kind": "categorical", "choices": ["gbdt", "linear", "forest", "nn"]}],
    "mixed": [
        {"kind": "float", "low": 1e-3, "high": 0.3, "log": True},
        {"kind": "int", "low": 1, "high": 64, "log": True},
        {"kind": "float", "low": 0.0, "high": 1.0},
        {"kind": "int", "low": 2, "high": 100},
        {"kind": "categorical", "choices": [False, True]},
        {"kind": "categorical", "choices": ["a", "b", "c"]},
    ],
}

def grid_size(d):
    if d["kind"] == "categorical" or (d["kind"] == "float" and d.get("step") is None):
        return math.inf
    od = to_optuna(d)
    return int(round((od.high - od.low) / od.step)) + 1


parzen_cases = []
for name, space in SPACES.items():
    # From 26 observations on, Optuna weighs them unequally (default_weights), and then tied values
    # make its kernel widths depend on how np.argsort (not stable) orders the ties; so the large
    # case has 40 observations only where 40 distinct values exist, else 20 (equal weights).
    big = 40 if all(grid_size(d) >= 60 for d in space) else 20
    for n in (0, 1, 2, 7, big):
        for prior_weight in ((1.0, 0.4) if n == 7 else (1.0,)):
            obs = [draw_obs(d, n) for d in space]
            names = [f"p{j}" for j in range(len(space))]
            od = {nm: to_optuna(d) for nm, d in zip(names, space)}
            params = _ParzenEstimatorParameters(prior_weight, True, False, default_weights, True)
            pe = _ParzenEstimator({nm: np.asarray(o, dtype=float) for nm, o in zip(names, obs)}, od, params)
            pts = pe.sample(rs, 16)
            # Add each numeric dimension's end values (tails of the kernels, lowest log cell). On a
            # continuous log range they move in by 1e-9 (relative): np.log(high) can exceed
            # math.log(high) by an ulp, and Optuna then gives -inf to kernels at exactly x = high.
            for j, (nm, d) in enumerate(zip(names, space)):
                if d["kind"] != "categorical":
                    cont_log = d.get("log") and d["kind"] == "float"
                    ends = (od[nm].low * (1 + 1e-9), od[nm].high * (1 - 1e-9)) if cont_log else (od[nm].low, od[nm].high)
                    for end in ends:
                        row = {k: v[:1].copy() for k, v in pts.items()}
                        row[nm][0] = end
                        pts = {k: np.append(pts[k], row[k]) for k in pts}
            expected = pe.log_pdf(pts)
            parzen_cases.append({
                "name": f"{name}_n{n}_w{prior_weight}",
                "space": space,
                "priorWeight": prior_weight,
                "obs": obs,
                "points": [pts[nm].tolist() for nm in names],
                "logPdf": expected.tolist(),
            })


def make_history(n, direction, seed, p_complete):
    r = np.random.RandomState(seed)
    dist = {"x": FloatDistribution(0, 1)}
    ours, theirs = [], []
    for i in range(n):
        u = r.rand()
        x = float(np.round(r.rand(), 3))
        if u < p_complete:
            v = float(np.round(r.randn(), 1))  # rounded: ties in value, broken by trial number
            if r.rand() < 0.05:
                v = float("inf") if r.rand() < 0.5 else float("-inf")
            ours.append({"number": i, "state": "complete", "params": {"x": x}, "value": v, "intermediate": []})
            theirs.append(create_trial(state=TrialState.COMPLETE, value=v, params={"x": x}, distributions=dist))
        elif u < p_complete + 0.8 * (1 - p_complete):
            steps = int(r.randint(0, 4))
            inter = [[s, float(np.round(r.randn(), 1))] for s in range(steps)]
            if steps and r.rand() < 0.15:
                inter[-1][1] = float("nan")
            last = inter[-1][1] if inter else None
            t = create_trial(state=TrialState.PRUNED, params={"x": x}, distributions=dist, intermediate_values={s: v for s, v in inter})
            ours.append({"number": i, "state": "pruned", "params": {"x": x}, "intermediate": inter, **({"value": last} if last is not None else {})})
            theirs.append(t)
        else:
            ours.append({"number": i, "state": "failed", "params": {"x": x}, "intermediate": []})
            theirs.append(None)
    kept = []
    for i, t in enumerate(theirs):
        if t is not None:
            t.number = i
            kept.append(t)
    study = optuna.create_study(direction=direction)
    # Optuna's below sets for n_below = 0, 1, 2, ... are nested; their differences give its full
    # ranking (complete trials, then pruned ones), which is what rankTrials must reproduce.
    order, prev = [], set()
    for k in range(1, len(kept) + 1):
        below, _ = _split_trials(study, kept, k)
        now = {t.number for t in below}
        (added,) = now - prev
        order.append(added)
        prev = now
    return ours, order


split_cases = []
for direction in ("minimize", "maximize"):
    for n, seed, p_complete in ((12, 1, 0.5), (40, 2, 0.3), (120, 3, 0.5)):
        trials, order = make_history(n, direction, seed, p_complete)
        split_cases.append({"name": f"{direction}_{n}", "direction": direction, "trials": trials, "order": order})


def clean(x):
    """JSON has no NaN/Infinity: write them as strings the test maps back."""
    if isinstance(x, float) and not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    return x


out = {
    "versions": {"optuna": optuna.__version__, "numpy": np.__version__, "python": platform.python_version()},
    "parzen": parzen_cases,
    "split": split_cases,
}
with open("test/golden/tpe/tpe.json", "w") as f:
    json.dump(clean(out), f, separators=(",", ":"))
print(len(parzen_cases), "parzen cases,", len(split_cases), "split cases")
