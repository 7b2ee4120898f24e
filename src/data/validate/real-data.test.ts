// The checks on a real table (Ames housing, ../shared/datasets), loaded with a minimal CSV split:
// the file has no quoted fields, and data/io is not a dependency this folder should take for tests.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoricalColumn, Frame, numericColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import { runChecks } from './checks.js';

const AMES = new URL('../../../../shared/datasets/ames/data.csv', import.meta.url);

function loadCsv(text: string): Frame {
  const lines = text.trimEnd().split('\n');
  const names = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const cols: Column[] = names.map((name, j) => {
    const raw = rows.map((r) => r[j] ?? '');
    const nums = raw.map((v) => (v === '' ? NaN : Number(v)));
    if (raw.every((v, i) => v === '' || !Number.isNaN(nums[i]))) return numericColumn(name, Float64Array.from(nums));
    const levels = [...new Set(raw.filter((v) => v !== ''))].sort();
    const index = new Map(levels.map((l, k) => [l, k]));
    return categoricalColumn(name, Int32Array.from(raw, (v) => index.get(v) ?? -1), levels);
  });
  return Frame.fromColumns(cols);
}

const schemaOf = (frame: Frame): Schema => ({ version: 1, columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: false })) });

describe.skipIf(!existsSync(AMES))('checks on Ames housing', () => {
  const frame = existsSync(AMES) ? loadCsv(readFileSync(AMES, 'utf8')) : Frame.fromColumns([]);

  it('reports the known near-constant columns and no leakage, errors or duplicates', () => {
    const issues = runChecks({ frame, schema: schemaOf(frame), target: 'Sale_Price', task: 'regression', rng: new Rng(42) });
    const utilities = issues.find((i) => i.code === 'near_constant_column' && i.path === 'Utilities');
    expect(utilities?.message).toBe("Utilities: 99.9% of rows are 'AllPub' (2927 of 2930)");
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.code === 'target_leakage' || i.code === 'duplicate_rows')).toEqual([]);
  });

  it('catches a price-per-square-foot style leak added to the real data', () => {
    const price = (frame.column('Sale_Price') as Extract<Column, { kind: 'numeric' }>).values;
    const leaked = Frame.fromColumns([...frame.columns, numericColumn('Price_Thousands', price.map((v) => Math.round(v / 1000)))]);
    const issues = runChecks({ frame: leaked, schema: schemaOf(leaked), target: 'Sale_Price', task: 'regression', rng: new Rng(42) }, ['target_leakage']);
    expect(issues.map((i) => [i.path, i.severity])).toEqual([['Price_Thousands', 'warning']]);
  });
});
