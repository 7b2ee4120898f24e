/**
 * The fitted k-nearest-neighbours model (inference only): the training rows as a dense matrix and
 * their targets; a prediction is the (weighted) vote or mean of the k closest rows by Euclidean
 * distance. Brute force: O(n_train x p) per predicted row, which is fine for the tabular sizes the
 * AutoML portfolio meets (20,000 x 16 predicts ~1,000 rows in well under a second) and keeps the
 * answer exact. Ties in distance go to the earlier training row, so predictions are deterministic.
 * The package holds the training matrix: 8 x n x p bytes.
 *
 * @example
 * const m = await new KnnEstimator({ n_neighbors: 3 }).fit(frame, y, { rng });
 * m.predict(frame).proba;
 */
import { registerModel, selectInputs, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../../core/estimator.js';
import type { Frame } from '../../core/frame.js';
import type { StateValue } from '../../core/state.js';
import { designMatrix } from '../linear/design.js';

export type KnnState = {
  task: LearningTask;
  classes?: string[];
  /** Training rows, n x p row-major. */
  x: Float64Array;
  p: number;
  /** Regression values, or class codes as numbers. */
  y: Float64Array;
};

export class KnnModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'knn';
  readonly task: LearningTask;
  readonly classes?: readonly string[];

  constructor(
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly s: KnnState,
  ) {
    this.task = s.task;
    if (s.classes) this.classes = s.classes;
    Object.freeze(this);
  }

  predict(frame: Frame): Prediction {
    const q = designMatrix(selectInputs(this, frame), 'knn');
    const { x, p, y } = this.s;
    const nTrain = y.length;
    const k = Math.min(Number(this.params['n_neighbors'] ?? 5), nTrain);
    const byDistance = this.params['weights'] === 'distance';
    const nClasses = this.classes?.length ?? 0;
    const values = new Float64Array(q.n);
    const proba = nClasses ? new Float64Array(q.n * nClasses) : undefined;
    const bestD = new Float64Array(k);
    const bestI = new Int32Array(k);
    for (let r = 0; r < q.n; r++) {
      // The k smallest distances so far, ascending (insertion; strict < keeps the earlier row on ties).
      let filled = 0;
      const qo = r * p;
      for (let i = 0; i < nTrain; i++) {
        let d = 0;
        const xo = i * p;
        for (let j = 0; j < p; j++) {
          const t = q.x[qo + j]! - x[xo + j]!;
          d += t * t;
        }
        if (filled === k && d >= bestD[k - 1]!) continue;
        let at = filled < k ? filled++ : k - 1;
        while (at > 0 && bestD[at - 1]! > d) {
          bestD[at] = bestD[at - 1]!;
          bestI[at] = bestI[at - 1]!;
          at--;
        }
        bestD[at] = d;
        bestI[at] = i;
      }
      // Distance weights: 1/d; when some neighbours match exactly, only they count (scikit-learn's rule).
      const exact = byDistance && bestD[0] === 0;
      let total = 0;
      for (let j = 0; j < filled; j++) {
        const w = !byDistance ? 1 : exact ? (bestD[j] === 0 ? 1 : 0) : 1 / Math.sqrt(bestD[j]!);
        total += w;
        if (proba) proba[r * nClasses + y[bestI[j]!]!]! += w;
        else values[r]! += w * y[bestI[j]!]!;
      }
      if (proba) {
        let best = 0;
        for (let c = 0; c < nClasses; c++) {
          proba[r * nClasses + c]! /= total;
          if (proba[r * nClasses + c]! > proba[r * nClasses + best]!) best = c;
        }
        values[r] = best;
      } else values[r]! /= total;
    }
    return proba ? { values, proba } : { values };
  }

  state(): StateValue {
    return { task: this.s.task, ...(this.s.classes ? { classes: this.s.classes } : {}), x: this.s.x, p: this.s.p, y: this.s.y };
  }
}

registerModel('knn', ({ params, inputs, state }) => new KnnModel(params, inputs, state as unknown as KnnState));
