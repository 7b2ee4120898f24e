/**
 * The first stages of `specml run`: load the data the spec names, infer schema and task, drop
 * unlabelled rows, choose the features, and split off the holdout test (or read the spec's test
 * file with the training schema). Nothing is fitted here.
 *
 * Binary targets are re-coded so that the positive class (the minority unless the spec says
 * otherwise) is class 1: probability column 1, precision, recall and F1 then all mean "positive".
 *
 * @example
 * const p = await prepare(spec, step);
 * p.train.nRows + p.test.nRows; // labelled rows (when no separate test file)
 */
import { SpecmlError } from '../../core/errors.js';
import type { LearningTask } from '../../core/estimator.js';
import { categoricalColumn, isMissing, takeColumn, type Column, type Frame } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { encodeClasses } from '../../data/classes.js';
import { readTable } from '../../data/io/index.js';
import { coerceToSchema } from '../../data/schema/index.js';
import { runChecks } from '../../data/validate/index.js';
import type { Issue } from '../../core/issue.js';
import type { Spec } from '../../spec/index.js';
import { inspectData, type Inspection } from '../analyze.js';
import { holdoutSplit } from './split.js';

export interface Prepared {
  inspection: Inspection;
  task: LearningTask;
  /** The metric candidates are ranked by. */
  metric: string;
  features: string[];
  idColumns: string[];
  /** Training rows (features and target) and holdout test rows. */
  train: Frame;
  test: Frame;
  yTrain: Column;
  yTest: Column;
  /** Class labels in code order (positive class last for binary). */
  classes?: string[];
  positiveClass?: string;
  splitMethod: string;
  /** Labelled rows of the training file. */
  labelledRows: number;
  /** Data-quality findings on the training file (warnings; errors stop the run). */
  issues: Issue[];
}

/** Binary: a categorical target whose levels are [negative, positive]. */
function positiveLast(target: Column, positive: string | undefined): Column {
  const enc = encodeClasses(target);
  if (enc.classes.length !== 2 || positive === undefined || enc.classes[1] === positive) return categoricalColumn(target.name, enc.codes, enc.classes);
  const codes = Int32Array.from(enc.codes, (c) => (c < 0 ? c : 1 - c));
  return categoricalColumn(target.name, codes, [enc.classes[1]!, enc.classes[0]!]);
}

function labelledRows(frame: Frame, target: string): Frame {
  const t = frame.column(target);
  const keep: number[] = [];
  for (let i = 0; i < frame.nRows; i++) if (!isMissing(t, i)) keep.push(i);
  return keep.length === frame.nRows ? frame : frame.take(keep);
}

export async function prepare(spec: Spec, step: (s: string) => void): Promise<Prepared> {
  const task = spec.task === 'auto' || spec.task === 'text' || spec.task === 'image' ? 'auto' : spec.task;
  const inspection = await inspectData({
    data: spec.data.train,
    target: spec.data.target,
    task,
    name: spec.name,
    idColumns: spec.data.id ?? [],
    ignore: spec.data.ignore ?? [],
    ...(spec.data.delimiter ? { delimiter: spec.data.delimiter } : {}),
    ...(spec.metric ? { metric: spec.metric } : {}),
    onStep: step,
  });
  const learning: LearningTask = inspection.task.targetKind;
  step('checking the data');
  const issues = [...inspection.raw.warnings, ...runChecks({ frame: inspection.frame, schema: inspection.schema, target: spec.data.target, task: inspection.task.task, rng: new Rng(spec.seed).fork('validate') })];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    throw new SpecmlError('data.invalid', `${spec.data.given?.train ?? spec.data.train}: ${errors.length} error-level data issue${errors.length > 1 ? 's' : ''}: ${errors.slice(0, 3).map((e) => e.message).join('; ')}`, {
      hint: errors[0]!.hint ?? 'Run `specml analyze` on the spec for the full report.',
    });
  }
  const frame = labelledRows(inspection.frame, spec.data.target);
  const idColumns = inspection.schema.columns.filter((c) => c.idLike).map((c) => c.name);
  const exclude = new Set([spec.data.target, ...idColumns, ...(spec.split.strategy.startsWith('group:') ? [spec.split.strategy.slice(6)] : [])]);
  const features = inspection.schema.columns.filter((c) => !exclude.has(c.name)).map((c) => c.name);
  if (features.length === 0) {
    throw new SpecmlError('data.no_features', `${spec.data.train}: no feature columns left after removing the target and id-like columns`, { hint: 'Check data.id and data.ignore in the spec.' });
  }
  const positive = learning === 'binary' ? inspection.task.positiveClass : undefined;
  const target = learning === 'regression' ? frame.column(spec.data.target) : positiveLast(frame.column(spec.data.target), positive);
  const classes = learning === 'regression' ? undefined : (target as Extract<Column, { kind: 'categorical' }>).levels;
  const metric = inspection.metric.metric;

  if (spec.data.test) {
    step(`reading the test file ${spec.data.test}`);
    const raw = await readTable(spec.data.test, spec.data.delimiter ? { delimiter: spec.data.delimiter } : {});
    const schema = { version: 1 as const, columns: inspection.schema.columns.filter((c) => c.name === spec.data.target || features.includes(c.name) || idColumns.includes(c.name)) };
    const { frame: testAll, issues } = coerceToSchema(raw, schema);
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length) {
      throw new SpecmlError('data.test_incompatible', `${spec.data.test}: does not match the training data's schema: ${errors.slice(0, 3).map((i) => i.message).join('; ')}`, {
        hint: 'The test file must have the training columns with the same types.',
      });
    }
    const test = labelledRows(testAll, spec.data.target);
    const yTest = learning === 'regression' ? test.column(spec.data.target) : recode(test.column(spec.data.target), classes!, spec.data.test);
    return { inspection, task: learning, metric, features, idColumns, train: frame, test, yTrain: target, yTest, ...(classes ? { classes } : {}), ...(positive ? { positiveClass: positive } : {}), splitMethod: `the spec's test file (${test.nRows} labelled rows)`, labelledRows: frame.nRows, issues };
  }
  const codes = learning === 'regression' ? undefined : encodeClasses(target).codes;
  const h = holdoutSplit(frame, spec, learning, codes, new Rng(spec.seed).fork('holdout'));
  return {
    inspection,
    task: learning,
    metric,
    features,
    idColumns,
    train: frame.take(h.train),
    test: frame.take(h.test),
    yTrain: takeColumn(target, h.train),
    yTest: takeColumn(target, h.test),
    ...(classes ? { classes } : {}),
    ...(positive ? { positiveClass: positive } : {}),
    splitMethod: h.method,
    labelledRows: frame.nRows,
    issues,
  };
}

/** A test file's labels coded as the training classes; a class training never saw is an error. */
function recode(col: Column, classes: readonly string[], file: string): Column {
  const enc = encodeClasses(col);
  const at = new Map(classes.map((c, i) => [c, i]));
  const unknown = enc.classes.filter((c) => !at.has(c));
  if (unknown.length) {
    throw new SpecmlError('data.unseen_class', `${file}: target classes not in the training data: ${unknown.slice(0, 5).join(', ')}`, { hint: 'The holdout must use the training classes; fix the labels or add such rows to the training file.' });
  }
  return categoricalColumn(col.name, Int32Array.from(enc.codes, (c) => (c < 0 ? -1 : at.get(enc.classes[c]!)!)), [...classes]);
}
