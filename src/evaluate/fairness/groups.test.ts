import { describe, expect, it } from 'vitest';
import { BOOL_MISSING, Frame, booleanColumn, categoricalColumn, datetimeColumn, numericColumn, textColumn } from '../../core/frame.js';
import { groupingFromLabels, MAX_UNBANDED_GROUPS, MISSING_GROUP, sensitiveGroups } from '../../data/groups.js';
import { intersectGroups } from './intersect.js';
import { loadCredit, thrown } from './fairness.fixture.js';
import { resolveGroupings } from './resolve.js';

const labelsOf = (g: { labels: string[]; codes: Int32Array }): string[] => [...g.codes].map((c) => g.labels[c]!);

describe('sensitiveGroups', () => {
  it('bands are closed on the left, open on the right; NaN is its own group', () => {
    const f = Frame.fromColumns([numericColumn('age', Float64Array.of(24.999, 25, 34.9, 35, 49, 50, 80, NaN, -3))]);
    const g = sensitiveGroups(f, { column: 'age', bands: [25, 35, 50] });
    expect(g.labels).toEqual(['<25', '25-35', '35-50', '>=50', MISSING_GROUP]);
    expect(labelsOf(g)).toEqual(['<25', '25-35', '25-35', '35-50', '35-50', '>=50', '>=50', MISSING_GROUP, '<25']);
    expect(g.attribute).toBe('age');
  });

  it('keeps empty bands and levels (count 0) and adds (missing) only when something is missing', () => {
    const f = Frame.fromColumns([numericColumn('x', Float64Array.of(1, 2)), categoricalColumn('c', Int32Array.of(0, 0), ['p', 'q'])]);
    expect(sensitiveGroups(f, { column: 'x', bands: [10, 20] }).labels).toEqual(['<10', '10-20', '>=20']);
    expect(sensitiveGroups(f, { column: 'c' }).labels).toEqual(['p', 'q']);
  });

  it('labels fractional cut points as JavaScript prints them', () => {
    const f = Frame.fromColumns([numericColumn('r', Float64Array.of(0.1, 0.5, 2))]);
    expect(sensitiveGroups(f, { column: 'r', bands: [0.25, 1.5] }).labels).toEqual(['<0.25', '0.25-1.5', '>=1.5']);
  });

  it('boolean, categorical, text and small-cardinality numeric columns use their values', () => {
    const f = Frame.fromColumns([
      booleanColumn('b', Uint8Array.of(1, 0, BOOL_MISSING)),
      categoricalColumn('c', Int32Array.of(1, -1, 0), ['x', 'y']),
      textColumn('t', ['zeta', null, 'alpha']),
      numericColumn('n', Float64Array.of(2, 0, 2)),
    ]);
    expect(labelsOf(sensitiveGroups(f, { column: 'b' }))).toEqual(['true', 'false', MISSING_GROUP]);
    expect(labelsOf(sensitiveGroups(f, { column: 'c' }))).toEqual(['y', MISSING_GROUP, 'x']);
    expect(sensitiveGroups(f, { column: 't' }).labels).toEqual(['alpha', 'zeta', MISSING_GROUP]);
    expect(sensitiveGroups(f, { column: 'n', name: 'sex01' })).toMatchObject({ attribute: 'sex01', labels: ['0', '2'] });
  });

  it('names the missing column and lists the available ones', () => {
    const f = Frame.fromColumns([numericColumn('Age', Float64Array.of(1)), categoricalColumn('Marital', Int32Array.of(0), ['x'])]);
    const e = thrown(() => sensitiveGroups(f, { column: 'age' }));
    expect(e.code).toBe('data.missing_column');
    expect(e.message).toMatch(/'age'/);
    expect(e.hint).toMatch(/Age, Marital/);
  });

  it('rejects bands that are not strictly increasing, empty, infinite, or on a non-numeric column', () => {
    const f = Frame.fromColumns([numericColumn('x', Float64Array.of(1)), categoricalColumn('c', Int32Array.of(0), ['a'])]);
    const e = thrown(() => sensitiveGroups(f, { column: 'x', bands: [25, 50, 35] }));
    expect(e.code).toBe('usage.bad_param');
    expect(e.message).toMatch(/50 is followed by 35/);
    expect(e.hint).toMatch(/25, 35, 50/);
    expect(thrown(() => sensitiveGroups(f, { column: 'x', bands: [25, 25] })).message).toMatch(/strictly increasing/);
    expect(thrown(() => sensitiveGroups(f, { column: 'x', bands: [] })).code).toBe('usage.bad_param');
    expect(thrown(() => sensitiveGroups(f, { column: 'x', bands: [1, Infinity] })).message).toMatch(/not a finite number/);
    expect(thrown(() => sensitiveGroups(f, { column: 'c', bands: [1] })).message).toMatch(/categorical column/);
  });

  it('asks for bands when a numeric attribute is continuous, and refuses dates', () => {
    const many = Float64Array.from({ length: MAX_UNBANDED_GROUPS + 1 }, (_, i) => i);
    const f = Frame.fromColumns([numericColumn('income', many), datetimeColumn('d', new Float64Array(many.length))]);
    const e = thrown(() => sensitiveGroups(f, { column: 'income' }));
    expect(e.code).toBe('data.too_many_groups');
    expect(e.hint).toMatch(/bands/);
    expect(thrown(() => sensitiveGroups(f, { column: 'd' })).code).toBe('usage.bad_param');
  });

  it('refuses a value that would collide with the missing-group label', () => {
    const f = Frame.fromColumns([categoricalColumn('c', Int32Array.of(0), [MISSING_GROUP])]);
    expect(thrown(() => sensitiveGroups(f, { column: 'c' })).code).toBe('data.ambiguous_group');
  });
});

describe('intersections', () => {
  it('count every credit row exactly once, under the label of its own groups', async () => {
    const { frame } = await loadCredit();
    const [age, marital, both] = resolveGroupings(frame, [{ column: 'Age', bands: [30, 40, 50] }, { column: 'Marital' }], true);
    expect(both!.attribute).toBe('Age × Marital');
    const counts = new Map<string, number>();
    for (let i = 0; i < frame.nRows; i++) {
      const label = both!.labels[both!.codes[i]!]!;
      expect(label).toBe(`Age=${age!.labels[age!.codes[i]!]} & Marital=${marital!.labels[marital!.codes[i]!]}`);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(frame.nRows);
    // Only observed combinations, each non-empty, labels distinct.
    expect(counts.size).toBe(both!.labels.length);
    expect(new Set(both!.labels).size).toBe(both!.labels.length);
    // Marginals agree with the single attributes.
    for (const [g, name] of [[age!, 'Age'], [marital!, 'Marital']] as const) {
      g.labels.forEach((l, j) => {
        const fromBoth = [...counts].filter(([k]) => k.split(' & ').includes(`${name}=${l}`)).reduce((a, [, c]) => a + c, 0);
        expect(fromBoth).toBe(g.codes.filter((c) => c === j).length);
      });
    }
    expect(both!.labels).toContain('Age=30-40 & Marital=(missing)');
  });

  it('orders groups by their parts, not by row order', () => {
    const a = groupingFromLabels(['y', 'x', 'y', 'x'], 'A');
    const b = groupingFromLabels(['2', '1', '1', '2'], 'B');
    const g = intersectGroups([a, b]);
    expect(g.labels).toEqual(['A=x & B=1', 'A=x & B=2', 'A=y & B=1', 'A=y & B=2']);
    expect([...g.codes]).toEqual([3, 0, 2, 1]);
  });

  it('accepts explicit lists and rejects unknown names', () => {
    const f = Frame.fromColumns([categoricalColumn('a', Int32Array.of(0, 1), ['p', 'q']), categoricalColumn('b', Int32Array.of(0, 0), ['r']), categoricalColumn('c', Int32Array.of(0, 0), ['s'])]);
    const attrs = [{ column: 'a' }, { column: 'b' }, { column: 'c' }];
    expect(resolveGroupings(f, attrs, [['a', 'c']]).map((g) => g.attribute)).toEqual(['a', 'b', 'c', 'a × c']);
    expect(resolveGroupings(f, attrs, true).map((g) => g.attribute)).toEqual(['a', 'b', 'c', 'a × b × c']);
    expect(thrown(() => resolveGroupings(f, attrs, [['a', 'z']])).hint).toMatch(/a, b, c/);
    expect(thrown(() => resolveGroupings(f, [{ column: 'a' }, { column: 'a' }])).message).toMatch(/listed twice/);
    expect(thrown(() => resolveGroupings(f, [])).code).toBe('usage.bad_param');
  });
});
