/**
 * The run's splits: the holdout test rows (set aside before anything is fitted and scored once, at
 * the end) and the cross-validation splitter used on the rest, both from `split:` in the spec.
 *
 * Strategy `auto` means stratified for classification and shuffled k-fold for regression; `time`
 * holds out the latest rows (by data.time) and validates forward in time (TimeSeriesSplit with the
 * spec's gap); `group:<column>` keeps every group's rows on one side of every split.
 *
 * @example
 * const h = holdoutSplit(frame, spec, 'binary', codes, rng.fork('holdout'));
 * const { splitter, groups } = cvSplitter(spec, 'binary', frame.take(h.train));
 */
import type { LearningTask } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import { isMissing, type Column, type Frame } from '../../core/frame.js';
import type { Rng } from '../../core/rng.js';
import { GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit, trainTestSplit, type Splitter } from '../../evaluate/cv/index.js';
import type { Spec } from '../../spec/index.js';

export interface Holdout {
  /** Row indices into the labelled frame, ascending. */
  train: Int32Array;
  test: Int32Array;
  /** One line for the report: how the rows were split. */
  method: string;
}

/** Group codes of a column (missing values form one group of their own). */
export function groupCodes(col: Column): Int32Array {
  const n = col.kind === 'categorical' ? col.codes.length : col.values.length;
  const out = new Int32Array(n);
  const at = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = isMissing(col, i) ? '\u0000missing' : col.kind === 'categorical' ? col.levels[col.codes[i]!]! : String(col.values[i]);
    let c = at.get(key);
    if (c === undefined) at.set(key, (c = at.size));
    out[i] = c;
  }
  return out;
}

function groupColumn(spec: Spec, frame: Frame): Column | null {
  const s = spec.split.strategy;
  if (!s.startsWith('group:')) return null;
  const name = s.slice('group:'.length);
  if (!frame.names.includes(name)) {
    throw new SpecmlError('spec.unknown_column', `split.strategy '${s}': no column '${name}' in the data`, { hint: `Columns: ${frame.names.join(', ')}.`, location: { ...(spec.file ? { file: spec.file } : {}), path: 'split.strategy' } });
  }
  return frame.column(name);
}

const sorted = (a: number[]): Int32Array => Int32Array.from(a).sort();

/**
 * Holdout rows for the final test. `codes` are class codes (classification) for stratification.
 *
 * @example
 * holdoutSplit(frame, spec, 'regression', undefined, new Rng(42).fork('holdout')).test.length;
 */
export function holdoutSplit(frame: Frame, spec: Spec, task: LearningTask, codes: Int32Array | undefined, rng: Rng): Holdout {
  const n = frame.nRows;
  const frac = spec.split.holdout;
  const g = groupColumn(spec, frame);
  if (g) {
    // Whole groups to the test side, in a seeded order, until the fraction is reached.
    const groups = groupCodes(g);
    const nGroups = Math.max(...groups) + 1;
    if (nGroups < 2) throw new SpecmlError('data.too_few_groups', `split.strategy '${spec.split.strategy}': the column has one group only`, { hint: 'Group splits need at least two groups (better: many).' });
    const order = rng.shuffle(Int32Array.from({ length: nGroups }, (_, i) => i)) as Int32Array;
    const size = new Int32Array(nGroups);
    for (const c of groups) size[c]!++;
    const inTest = new Uint8Array(nGroups);
    let taken = 0;
    for (let k = 0; k < nGroups - 1 && taken < frac * n; k++) {
      inTest[order[k]!] = 1;
      taken += size[order[k]!]!;
    }
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (inTest[groups[i]!] ? test : train).push(i);
    return { train: sorted(train), test: sorted(test), method: `${test.length} rows in ${inTest.reduce((a, b) => a + b, 0)} whole groups of ${g.name} held out (${(frac * 100).toFixed(0)}% asked)` };
  }
  if (spec.split.strategy === 'time') {
    const t = frame.column(spec.data.time!);
    if (t.kind !== 'datetime' && t.kind !== 'numeric') {
      throw new SpecmlError('spec.bad_time_column', `data.time '${t.name}' is ${t.kind}, not a date/time or a number`, { hint: 'Point data.time at a timestamp column.' });
    }
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => (t.values[a]! - t.values[b]!) || a - b);
    const nTest = Math.max(1, Math.round(frac * n));
    return { train: sorted(idx.slice(0, n - nTest)), test: sorted(idx.slice(n - nTest)), method: `the latest ${nTest} rows by ${t.name} held out` };
  }
  const stratify = task !== 'regression' && spec.split.strategy !== 'kfold' ? codes : undefined;
  const f = trainTestSplit(n, { testSize: frac, rng, ...(stratify ? { stratify } : {}) });
  return { train: sorted(Array.from(f.train)), test: sorted(Array.from(f.test)), method: `${f.test.length} rows (${(frac * 100).toFixed(0)}%) held out at random${stratify ? ', stratified by class' : ''}` };
}

/**
 * The cross-validation splitter for the training rows, and the group codes it needs.
 *
 * @example
 * const { splitter, groups, method } = cvSplitter(spec, 'binary', trainFrame);
 */
export function cvSplitter(spec: Spec, task: LearningTask, train: Frame): { splitter: Splitter; groups?: Int32Array; method: string } {
  const k = spec.split.folds;
  const g = groupColumn(spec, train);
  if (g) return { splitter: new GroupKFold({ n_splits: k }), groups: groupCodes(g), method: `${k}-fold group CV by ${g.name}` };
  if (spec.split.strategy === 'time') {
    return { splitter: new TimeSeriesSplit({ n_splits: k, gap: spec.split.gap ?? 0 }), method: `${k} forward-in-time splits${spec.split.gap ? ` with a gap of ${spec.split.gap} rows` : ''}` };
  }
  if (task !== 'regression' && spec.split.strategy !== 'kfold') return { splitter: new StratifiedKFold({ n_splits: k, shuffle: true }), method: `${k}-fold stratified CV` };
  return { splitter: new KFold({ n_splits: k, shuffle: true }), method: `${k}-fold CV` };
}
