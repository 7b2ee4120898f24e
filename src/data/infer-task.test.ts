import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn, textColumn } from '../core/frame.js';
import type { Column } from '../core/frame.js';
import type { Schema, ColumnSchema } from './schema/types.js';
import { inferTask } from './infer-task.js';
import { recommendMetric } from './recommend-metric.js';
import { profileFrame } from './profile/profile.js';

function setup(columns: Column[], types: Partial<Record<string, Partial<ColumnSchema>>> = {}): { frame: Frame; schema: Schema } {
  const frame = Frame.fromColumns(columns);
  const schema: Schema = {
    version: 1,
    columns: columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: false, idLike: false, ...types[c.name] }) as ColumnSchema),
  };
  return { frame, schema };
}
const cat = (name: string, labels: string[]): Column => {
  const levels = [...new Set(labels)].sort();
  return categoricalColumn(name, Int32Array.from(labels, (l) => levels.indexOf(l)), levels);
};
const x = (n: number): Column => numericColumn('x', Float64Array.from({ length: n }, (_, i) => i % 13));

describe('inferTask', () => {
  it('binary with the minority class as positive, and imbalance picks average precision', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i < 10 ? 'bad' : 'good'));
    const { frame, schema } = setup([x(100), cat('y', labels)]);
    const t = inferTask(frame, schema, 'y');
    expect(t).toMatchObject({ task: 'binary', positiveClass: 'bad', classes: ['bad', 'good'] });
    expect(t.reason).toMatch(/bad: 10 \(10%\)/);
    const m = recommendMetric(t, frame.column('y'), profileFrame(frame, schema, { target: 'y' }));
    expect(m.metric).toBe('average_precision');
    expect(m.secondary).toContain('roc_auc');
  });

  it('balanced binary picks roc_auc; a given positive class is respected or rejected', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i % 2 ? 'yes' : 'no'));
    const { frame, schema } = setup([x(100), cat('y', labels)]);
    const t = inferTask(frame, schema, 'y', { positiveClass: 'no' });
    expect(t.positiveClass).toBe('no');
    expect(recommendMetric(t, frame.column('y'), profileFrame(frame, schema, { target: 'y' })).metric).toBe('roc_auc');
    expect(() => inferTask(frame, schema, 'y', { positiveClass: 'maybe' })).toThrow(/not a value/);
  });

  it('multiclass: balanced → accuracy, imbalanced → macro F1', () => {
    const balanced = Array.from({ length: 90 }, (_, i) => ['a', 'b', 'c'][i % 3]!);
    let s = setup([x(90), cat('y', balanced)]);
    let t = inferTask(s.frame, s.schema, 'y');
    expect(t.task).toBe('multiclass');
    expect(recommendMetric(t, s.frame.column('y'), profileFrame(s.frame, s.schema, { target: 'y' })).metric).toBe('accuracy');
    const skewed = Array.from({ length: 90 }, (_, i) => (i < 5 ? 'snow' : i < 45 ? 'rain' : 'sun'));
    s = setup([x(90), cat('y', skewed)]);
    t = inferTask(s.frame, s.schema, 'y');
    expect(recommendMetric(t, s.frame.column('y'), profileFrame(s.frame, s.schema, { target: 'y' })).metric).toBe('f1_macro');
  });

  it('integer labels 0..9 read as classes; a wide numeric target is regression with a log note when skewed', () => {
    const digits = numericColumn('y', Float64Array.from({ length: 400 }, (_, i) => i % 10));
    let s = setup([x(400), digits]);
    expect(inferTask(s.frame, s.schema, 'y').task).toBe('multiclass');
    const price = numericColumn('y', Float64Array.from({ length: 400 }, (_, i) => Math.exp(10 + (i % 37) / 8)));
    s = setup([x(400), price]);
    const t = inferTask(s.frame, s.schema, 'y');
    expect(t.task).toBe('regression');
    const m = recommendMetric(t, s.frame.column('y'), profileFrame(s.frame, s.schema, { target: 'y', classification: false }));
    expect(m.metric).toBe('rmse');
    expect(m.secondary).toContain('rmsle');
    expect(m.notes.join(' ')).toMatch(/log/);
  });

  it('text and image tasks from the features', () => {
    const labels = Array.from({ length: 60 }, (_, i) => (i % 2 ? 'spam' : 'ham'));
    let s = setup([textColumn('body', labels.map((l, i) => `message ${i} about ${l} things`)), cat('y', labels)]);
    let t = inferTask(s.frame, s.schema, 'y');
    expect(t).toMatchObject({ task: 'text', targetKind: 'binary', textColumn: 'body' });
    const pixels = Array.from({ length: 64 }, (_, k) => numericColumn(`px${k}`, Float64Array.from({ length: 60 }, (_, i) => (i * k) % 256)));
    s = setup([...pixels, cat('y', labels)]);
    t = inferTask(s.frame, s.schema, 'y');
    expect(t).toMatchObject({ task: 'image', targetKind: 'binary', imageShape: [8, 8] });
    expect(t.reason).toMatch(/pixels/);
  });

  it('rejects constant, text and id-like targets with a hint', () => {
    let s = setup([x(30), cat('y', Array(30).fill('a'))]);
    expect(() => inferTask(s.frame, s.schema, 'y')).toThrow(/single value/);
    s = setup([x(300), cat('y', Array.from({ length: 300 }, (_, i) => `id${i}`))]);
    expect(() => inferTask(s.frame, s.schema, 'y')).toThrow(/too many/);
  });

  it('a task from the spec wins but the disagreement is explained', () => {
    const s = setup([x(400), numericColumn('y', Float64Array.from({ length: 400 }, (_, i) => i % 10))]);
    const t = inferTask(s.frame, s.schema, 'y', { task: 'regression' });
    expect(t.task).toBe('regression');
    expect(t.reason).toMatch(/as the spec says.*multiclass/);
  });
});
