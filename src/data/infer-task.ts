/**
 * What kind of problem a target makes, with the reason stated in numbers.
 *
 * Rules (n = rows with a target value, k = distinct target values):
 * - boolean, or k = 2 → binary; the positive class is the minority class (ties: the second level in
 *   sorted order), unless given.
 * - categorical / string target with k > 2 → multiclass.
 * - whole-number target with 3 <= k <= 10 contiguous values and at least 20 rows per value on
 *   average → multiclass (labels coded as integers, e.g. digits); the reason tells how to override.
 * - other numeric targets → regression.
 * - then, on the features: a free-text column among few other features makes it a `text` task;
 *   >= 64 numeric columns whose names share a prefix with a running index, a perfect-square count
 *   and values in a pixel range make it an `image` task (the learning problem stays
 *   binary/multiclass; `targetKind` keeps it).
 */
import { SpecmlError } from '../core/errors.js';
import type { Frame } from '../core/frame.js';
import { encodeClasses, type EncodedClasses } from './classes.js';
import type { Schema } from './schema/types.js';
import type { Task, TaskInference } from './task.js';

export interface TaskOptions {
  /** A task the user asked for; inference still runs and explains a disagreement. */
  task?: Task | 'auto';
  positiveClass?: string;
}

/**
 * @example
 * inferTask(frame, schema, 'Status'); // { task: 'binary', positiveClass: 'bad', reason: '...' }
 */
export function inferTask(frame: Frame, schema: Schema, target: string, opts: TaskOptions = {}): TaskInference {
  const col = frame.column(target);
  const classes = encodeClasses(col);
  const n = classes.counts.reduce((a, b) => a + b, 0);
  let inferred: TaskInference;
  const k = classes.classes.length;
  if (col.kind === 'text') {
    throw new SpecmlError('target.text', `target '${target}' holds free text (${k} distinct values in ${n} rows); a target must be a label or a number`, {
      hint: 'Pick the column with the label to predict as data.target, or map the text to a few labels first.',
    });
  }
  if (col.kind === 'datetime') {
    throw new SpecmlError('target.datetime', `target '${target}' holds dates; specml predicts labels and numbers, not dates`, {
      hint: 'Predict a duration (e.g. days until the event) as a number instead.',
    });
  }
  if (k < 2) {
    throw new SpecmlError('target.constant', `target '${target}' has ${k === 0 ? 'no values' : `a single value ('${classes.classes[0]}')`} in ${n} rows: there is nothing to learn`, {
      hint: 'Check that data.target names the right column and that the file holds both outcomes.',
    });
  }
  if (col.kind === 'boolean' || k === 2) {
    const positive = pickPositive(classes.classes, classes.counts, opts.positiveClass);
    const share = classes.counts[classes.classes.indexOf(positive)]! / n;
    inferred = {
      task: 'binary',
      targetKind: 'binary',
      classes: classes.classes,
      positiveClass: positive,
      reason: `'${target}' has 2 values (${describeCounts(classes)}); positive class '${positive}' (${pct(share)} of rows)${opts.positiveClass ? ', as given' : ', the minority class'}`,
    };
  } else if (col.kind === 'categorical') {
    if (k > Math.max(100, 0.5 * n)) {
      throw new SpecmlError('target.too_many_classes', `target '${target}' has ${k} distinct labels in ${n} rows: too many to learn as classes`, {
        hint: 'Check data.target: an identifier or free-text column is not a target.',
      });
    }
    inferred = { task: 'multiclass', targetKind: 'multiclass', classes: classes.classes, reason: `'${target}' has ${k} labels (${describeCounts(classes)})` };
  } else {
    const nums = classes.classes.map(Number);
    const whole = (col as { integer?: boolean }).integer === true;
    const contiguous = whole && Math.max(...nums) - Math.min(...nums) + 1 === k;
    if (whole && contiguous && k <= 10 && n / k >= 20) {
      inferred = {
        task: 'multiclass',
        targetKind: 'multiclass',
        classes: classes.classes,
        reason: `'${target}' has ${k} contiguous whole-number values (${describeCounts(classes)}): read as class labels; set task: regression if they are counts or scores`,
      };
    } else {
      inferred = { task: 'regression', targetKind: 'regression', reason: `'${target}' is numeric with ${k} distinct values in ${n} rows` };
    }
  }
  if (inferred.targetKind !== 'regression') refineByFeatures(inferred, schema, target);
  if (opts.task && opts.task !== 'auto' && opts.task !== inferred.task) {
    inferred.reason = `task '${opts.task}' as the spec says (inference said '${inferred.task}': ${inferred.reason})`;
    inferred.task = opts.task;
    if (opts.task === 'binary' || opts.task === 'multiclass' || opts.task === 'regression') inferred.targetKind = opts.task;
  }
  return inferred;
}

function refineByFeatures(inf: TaskInference, schema: Schema, target: string): void {
  const features = schema.columns.filter((c) => c.name !== target && !c.idLike);
  const text = features.filter((c) => c.type === 'text');
  if (text.length > 0 && features.length - text.length <= 10) {
    inf.task = 'text';
    inf.textColumn = text[0]!.name;
    inf.reason += `; the signal is free text in '${text[0]!.name}' (${text[0]!.reason}) beside ${features.length - text.length} other feature(s), so this is ${inf.targetKind} text classification`;
    return;
  }
  const image = pixelGrid(schema, features.map((c) => c.name));
  if (image) {
    inf.task = 'image';
    inf.imageShape = image.shape;
    inf.reason += `; ${image.count} numeric columns '${image.prefix}0'..'${image.prefix}${image.count - 1}' with values in [${image.min}, ${image.max}] look like the pixels of ${image.shape[0]}x${image.shape[1]} images, so this is ${inf.targetKind} image classification`;
  }
}

function pixelGrid(schema: Schema, names: string[]): { prefix: string; count: number; shape: [number, number]; min: number; max: number } | undefined {
  if (names.length < 64) return undefined;
  const groups = new Map<string, number>();
  for (const n of names) {
    const m = /^(.*?)(\d+)$/.exec(n);
    if (m) groups.set(m[1]!, (groups.get(m[1]!) ?? 0) + 1);
  }
  const byName = new Map(schema.columns.map((c) => [c.name, c]));
  for (const [prefix, count] of groups) {
    const side = Math.round(Math.sqrt(count));
    if (count < 64 || side * side !== count) continue;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < count; i++) {
      // The schema already holds each column's observed range: no pass over the pixels here.
      const c = byName.get(`${prefix}${i}`);
      if (!c || (c.type !== 'integer' && c.type !== 'numeric')) return undefined;
      if (c.min !== undefined && c.min < min) min = c.min;
      if (c.max !== undefined && c.max > max) max = c.max;
    }
    if (min >= 0 && max <= 255) return { prefix, count, shape: [side, side], min, max };
  }
  return undefined;
}

function pickPositive(labels: string[], counts: number[], given?: string): string {
  if (given !== undefined) {
    if (!labels.includes(given)) {
      throw new SpecmlError('target.unknown_positive_class', `positive class '${given}' is not a value of the target (values: ${labels.join(', ')})`, {
        hint: `Use one of: ${labels.join(', ')}`,
      });
    }
    return given;
  }
  const [a, b] = counts;
  return a! < b! ? labels[0]! : labels[1]!;
}

function describeCounts(c: EncodedClasses): string {
  const total = c.counts.reduce((a, b) => a + b, 0);
  const parts = c.classes.map((l, i) => ({ l, n: c.counts[i]! })).sort((x, y) => y.n - x.n);
  const shown = parts.slice(0, 6).map((p) => `${p.l}: ${p.n} (${pct(p.n / total)})`);
  return shown.join(', ') + (parts.length > 6 ? `, ... ${parts.length - 6} more` : '');
}

function pct(x: number): string {
  return `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
}
