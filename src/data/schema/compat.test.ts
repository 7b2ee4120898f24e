import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, datetimeColumn, numericColumn } from '../../core/frame.js';
import { checkCompatibility } from './compat.js';
import { toJsonSchema } from './json-schema.js';
import type { Schema } from './types.js';

const saved: Schema = {
  version: 1,
  columns: [
    { name: 'age', type: 'integer', nullable: false, idLike: false, min: 18, max: 70 },
    { name: 'home', type: 'categorical', nullable: true, idLike: false, categories: ['own', 'rent'] },
    { name: 'status', type: 'categorical', nullable: false, idLike: false, categories: ['bad', 'good'] },
  ],
};

describe('checkCompatibility', () => {
  it('accepts matching data', () => {
    const frame = Frame.fromColumns([numericColumn('age', new Float64Array([20, 30])), categoricalColumn('home', new Int32Array([0, -1]), ['own'])]);
    const current: Schema = { version: 1, columns: [saved.columns[0]!, { ...saved.columns[1]!, categories: ['own'] }] };
    expect(checkCompatibility(saved, frame, current, { optional: ['status'] })).toEqual([]);
  });

  it('reports missing columns, type changes, unseen categories, out-of-range, new missing and extra columns', () => {
    const frame = Frame.fromColumns([
      numericColumn('age', new Float64Array([10, 30, 99, NaN])),
      categoricalColumn('home', new Int32Array([0, 1, 1, 2]), ['own', 'boat', 'castle']),
      numericColumn('new', new Float64Array(4)),
    ]);
    const current: Schema = {
      version: 1,
      columns: [
        { name: 'age', type: 'integer', nullable: true, idLike: false },
        { name: 'home', type: 'categorical', nullable: false, idLike: false },
        { name: 'new', type: 'numeric', nullable: false, idLike: false },
      ],
    };
    const issues = checkCompatibility(saved, frame, current);
    const codes = issues.map((i) => `${i.severity}:${i.code}:${i.path}`);
    expect(codes).toContain('error:missing_column:status');
    expect(codes).toContain('warning:out_of_range:age');
    expect(codes).toContain('warning:unexpected_missing:age');
    expect(codes).toContain('warning:unseen_category:home');
    expect(codes).toContain('info:extra_column:new');
    expect(issues[0]!.severity).toBe('error');
    const unseen = issues.find((i) => i.code === 'unseen_category')!;
    expect(unseen.details).toMatchObject({ unseen: 2, rows: 3 });
    expect(issues.find((i) => i.code === 'out_of_range')!.details).toMatchObject({ below: 1, above: 1 });
  });

  it('flags an incompatible type change', () => {
    const frame = Frame.fromColumns([categoricalColumn('age', new Int32Array([0]), ['forty'])]);
    const current: Schema = { version: 1, columns: [{ name: 'age', type: 'categorical', nullable: false, idLike: false }] };
    const issues = checkCompatibility({ version: 1, columns: [saved.columns[0]!] }, frame, current);
    expect(issues.map((i) => i.code)).toEqual(['type_changed']);
  });
});

describe('toJsonSchema', () => {
  it('describes a row with nullability', () => {
    const js = toJsonSchema(saved, { exclude: ['status'] });
    expect(js.properties.age).toEqual({ type: 'integer' });
    expect(js.properties.home!.type).toEqual(['string', 'null']);
    expect(js.required).toEqual(['age']);
    expect(js.properties.status).toBeUndefined();
  });
});

describe('checkCompatibility on dates', () => {
  it('states a datetime range as dates', () => {
    const day = (d: string): number => Date.parse(`${d}T00:00:00Z`);
    const saved: Schema = { version: 1, columns: [{ name: 'd', type: 'datetime', nullable: false, idLike: false, min: day('2012-01-01'), max: day('2015-12-31') }] };
    const frame = Frame.fromColumns([datetimeColumn('d', Float64Array.of(day('2016-01-01')))]);
    const [issue] = checkCompatibility(saved, frame, saved);
    expect(issue!.message).toContain('[2012-01-01, 2015-12-31]');
  });
});
