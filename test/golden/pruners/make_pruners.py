"""Golden pruning decisions for src/tune/pruners.ts, made by Optuna itself.

Run from the repository root with Debian's Python and Optuna (python3-optuna 3.1.0):

    /usr/bin/python3 test/golden/pruners/make_pruners.py

Each case replays a study through Optuna's ask / report / should_prune / tell with a fixed event
order and writes every event with Optuna's decision to test/golden/pruners/pruners.json; the
TypeScript test replays the same events through specml's pruners and expects the same decisions.
An event is [trial, step, value, prune (0/1)] (a report followed by should_prune; a trial whose
prune is 1 is told pruned) or [trial, value] (the trial is told complete with that value). Trials
are asked when a slot frees, so trial numbers also give the order of asking.
Curves are seeded (numpy RandomState) and rounded to 2 decimals so values tie; NaN is written as
null.
"""
import json
import math
import pathlib
import platform
import warnings

import numpy as np
import optuna
from optuna.trial import TrialState

OUT = pathlib.Path(__file__).with_name("pruners.json")
optuna.logging.set_verbosity(optuna.logging.ERROR)
# numpy warns on an all-NaN curve; Optuna then prunes (a decision the cases test on purpose).
warnings.filterwarnings("ignore", message="All-NaN slice")


def curves(rs, n, n_steps, direction, nan_rate):
    """n learning curves: value(s) = final - gap * exp(-s / tau) + noise (loss-like when minimizing)."""
    final = rs.uniform(0.6, 0.9, n)
    gap = rs.uniform(0.1, 0.4, n)
    tau = rs.uniform(1.0, 6.0, n)
    s = np.arange(n_steps)[None, :]
    c = final[:, None] - gap[:, None] * np.exp(-s / tau[:, None]) + rs.normal(0, 0.02, (n, n_steps))
    if direction == "minimize":
        c = 1.0 - c
    c = np.round(c, 2)
    nan = rs.uniform(size=c.shape) < nan_rate
    nan[:, -1] = False  # a completed trial needs a finite final value
    c[nan] = np.nan
    return c


def make_pruner(kind, opts):
    if kind == "median":
        return optuna.pruners.MedianPruner(
            n_startup_trials=opts["nStartupTrials"],
            n_warmup_steps=opts["nWarmupSteps"],
            interval_steps=opts["intervalSteps"],
            n_min_trials=opts["nMinTrials"],
        )
    return optuna.pruners.SuccessiveHalvingPruner(
        min_resource=opts["minResource"],
        reduction_factor=opts["reductionFactor"],
        min_early_stopping_rate=opts["minEarlyStoppingRate"],
    )


def replay(name, kind, opts, direction, n, n_steps, steps, concurrent, seed, nan_rate=0.0):
    """Runs n trials, `concurrent` at a time; which running trial reports next is drawn by seed."""
    rs = np.random.RandomState(seed)
    c = curves(rs, n, n_steps, direction, nan_rate)
    study = optuna.create_study(direction=direction, pruner=make_pruner(kind, opts), sampler=optuna.samplers.RandomSampler(seed=0))
    running = {}  # trial number -> (optuna trial, next step index)
    started = 0
    events = []
    while started < n or running:
        while len(running) < concurrent and started < n:
            t = study.ask()
            running[t.number] = [t, 0]
            started += 1
        number = sorted(running)[rs.randint(len(running))] if concurrent > 1 else min(running)
        t, i = running[number]
        v = float(c[number, i])
        t.report(v, steps[i])
        prune = bool(t.should_prune())  # numpy bool from the percentile comparison
        events.append([number, steps[i], None if math.isnan(v) else v, int(prune)])
        if prune:
            study.tell(t, state=TrialState.PRUNED)
            del running[number]
        elif i + 1 == n_steps:
            study.tell(t, v)
            events.append([number, v])
            del running[number]
        else:
            running[number][1] = i + 1
    n_pruned = sum(1 for e in events if len(e) == 4 and e[3])
    return {"name": name, "pruner": kind, "options": opts, "direction": direction, "events": events, "nPruned": n_pruned}


MED = dict(nStartupTrials=5, nWarmupSteps=0, intervalSteps=1, nMinTrials=1)
SH = dict(minResource=1, reductionFactor=3, minEarlyStoppingRate=0)
dense = lambda k: list(range(k))

cases = [
    replay("median_default_max", "median", MED, "maximize", 20, 12, dense(12), 1, 1),
    replay("median_default_min_nan", "median", MED, "minimize", 20, 12, dense(12), 1, 2, nan_rate=0.08),
    replay("median_warmup_interval_min", "median", dict(nStartupTrials=3, nWarmupSteps=4, intervalSteps=3, nMinTrials=2), "minimize", 20, 15, dense(15), 1, 3),
    replay("median_sparse_steps_max", "median", dict(nStartupTrials=2, nWarmupSteps=1, intervalSteps=3, nMinTrials=1), "maximize", 16, 10, [2 * i for i in range(10)], 1, 4),
    replay("median_concurrent_max", "median", dict(nStartupTrials=2, nWarmupSteps=0, intervalSteps=1, nMinTrials=1), "maximize", 24, 10, dense(10), 4, 5, nan_rate=0.05),
    replay("median_concurrent_min", "median", dict(nStartupTrials=3, nWarmupSteps=2, intervalSteps=2, nMinTrials=3), "minimize", 24, 10, dense(10), 5, 6),
    replay("sh_default_max", "successive_halving", SH, "maximize", 30, 28, dense(28), 1, 7),
    replay("sh_default_min_nan", "successive_halving", SH, "minimize", 30, 28, dense(28), 1, 8, nan_rate=0.05),
    replay("sh_eta2_rate1_min", "successive_halving", dict(minResource=1, reductionFactor=2, minEarlyStoppingRate=1), "minimize", 25, 17, dense(17), 1, 9),
    replay("sh_concurrent_max", "successive_halving", dict(minResource=2, reductionFactor=3, minEarlyStoppingRate=0), "maximize", 30, 19, dense(19), 5, 10),
    replay("sh_concurrent_eta4_min", "successive_halving", dict(minResource=1, reductionFactor=4, minEarlyStoppingRate=0), "minimize", 30, 17, dense(17), 6, 11, nan_rate=0.03),
    # Reports only on multiples of 3 with rungs at 3, 9, 27: every rung is a reported step.
    replay("sh_aligned_steps_max", "successive_halving", dict(minResource=3, reductionFactor=3, minEarlyStoppingRate=0), "maximize", 24, 10, [3 * i for i in range(10)], 3, 12),
]

out = {
    "versions": {"python": platform.python_version(), "optuna": optuna.__version__, "numpy": np.__version__},
    "cases": cases,
}
OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
for cs in cases:
    n_events = sum(1 for e in cs["events"] if len(e) == 4)
    print(f'{cs["name"]}: {n_events} checks, {cs["nPruned"]} pruned')
