/** `specml train` then `specml predict`, as a user runs them. */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { predict } from '../../src/pipeline/predict.js';
import { ROOT, runCli, STACK_TRACE } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'specml-tp-'));
const credit = path.join(ROOT, 'examples/credit/credit.csv');
const lines = readFileSync(credit, 'utf8').trim().split('\n');

// A copy of the credit data with a customer id column, to check ids are carried into predictions.
const withId = path.join(tmp, 'credit-id.csv');
writeFileSync(withId, lines.map((l, i) => (i === 0 ? `customer_id,${l}` : `C${String(i).padStart(5, '0')},${l}`)).join('\n') + '\n');
const model = path.join(tmp, 'model');
const trained = runCli(['train', '--data', withId, '--target', 'Status', '--model', 'baseline', '--out', model, '--json']);

describe('specml train', () => {
  it('writes a model package with a manifest, weights, reference profile and card', () => {
    expect(trained.code, trained.stderr).toBe(0);
    const doc = JSON.parse(trained.stdout);
    expect(doc).toMatchObject({ ok: true, family: 'baseline', task: 'binary', classes: ['bad', 'good'], rows: 4454 });
    expect(doc.features).not.toContain('customer_id');
    const manifest = JSON.parse(readFileSync(path.join(model, 'model.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'specml.package', target: 'Status', input: { id_columns: ['customer_id'] }, output: { columns: ['prediction', 'proba_bad', 'proba_good'] } });
    expect(manifest.weights.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path.join(model, 'card.md'), 'utf8')).toMatch(/Model card/);
    expect(JSON.parse(readFileSync(path.join(model, 'reference.json'), 'utf8')).rows).toBe(4454);
  });

  it('rejects a parameter of another family and an unknown family', () => {
    const r = runCli(['train', '--data', credit, '--target', 'Status', '--model', 'baseline', '--out', path.join(tmp, 'x'), '--strategy', 'mean']);
    expect(r.code).toBe(0);
    const bad = runCli(['train', '--data', credit, '--target', 'Status', '--model', 'baseline', '--out', path.join(tmp, 'x'), '--task', 'regression']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/regression needs a numeric target/);
    const fam = runCli(['train', '--data', credit, '--target', 'Status', '--model', 'baselin', '--out', path.join(tmp, 'x')]);
    expect(fam.code).toBe(2);
    expect(fam.stderr).toMatch(/Did you mean 'baseline'/);
  });
});

describe('specml predict', () => {
  it('writes ids, prediction and one proba column per class, in input order', () => {
    const out = path.join(tmp, 'pred.csv');
    const r = runCli(['predict', '--model', model, '--input', withId, '--output', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 4454, columns: ['customer_id', 'prediction', 'proba_bad', 'proba_good'] });
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('customer_id,prediction,proba_bad,proba_good');
    expect(rows.length).toBe(4455);
    expect(rows[1]!.startsWith('C00001,good,')).toBe(true);
    expect(rows[4454]!.startsWith('C04454,')).toBe(true);
  });

  it('works without the target column and writes JSON lines', () => {
    const noTarget = path.join(tmp, 'no-target.csv');
    writeFileSync(noTarget, readFileSync(withId, 'utf8').split('\n').map((l) => l.split(',').filter((_, j) => j !== 1).join(',')).join('\n'));
    const out = path.join(tmp, 'pred.jsonl');
    const r = runCli(['predict', '--model', model, '--input', noTarget, '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!);
    expect(Object.keys(first)).toEqual(['customer_id', 'prediction', 'proba_bad', 'proba_good']);
  });

  it('names a missing column, a wrong-typed value, and a damaged package; never a stack trace', () => {
    const missing = path.join(tmp, 'missing.csv');
    writeFileSync(missing, lines.map((l) => l.split(',').slice(0, 12).join(',')).join('\n') + '\n');
    let r = runCli(['predict', '--model', model, '--input', missing, '--output', path.join(tmp, 'o.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column 'customer_id' .* is missing|column 'Amount' .* is missing|'Price'/);
    expect(r.stderr).not.toMatch(STACK_TRACE);

    const wrongType = path.join(tmp, 'wrong.csv');
    writeFileSync(wrongType, readFileSync(withId, 'utf8').replace(/\n(C00003,\w+,)(\d+)/, '\n$1lots'));
    r = runCli(['predict', '--model', model, '--input', wrongType, '--output', path.join(tmp, 'o.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Seniority.*"lots"/);

    // With --bad-rows the bad row goes to a side file with its row number and reason; the rest is predicted.
    const side = path.join(tmp, 'bad.csv');
    const rest = path.join(tmp, 'rest.csv');
    r = runCli(['predict', '--model', model, '--input', wrongType, '--output', rest, '--bad-rows', side, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 4453, bad_rows: 1 });
    const sideLines = readFileSync(side, 'utf8').trim().split('\n');
    expect(sideLines[0]).toMatch(/^row,reason,customer_id,Status,Seniority/);
    expect(sideLines[1]).toMatch(/^3,"?column 'Seniority': ""lots"" is not integer"?,C00003,/);
    const restLines = readFileSync(rest, 'utf8').trim().split('\n');
    expect(restLines).toHaveLength(4454);
    expect(restLines.some((l) => l.startsWith('C00003,'))).toBe(false);

    const damaged = path.join(tmp, 'damaged');
    runCli(['train', '--data', credit, '--target', 'Status', '--model', 'baseline', '--out', damaged]);
    appendFileSync(path.join(damaged, 'weights.bin'), 'x');
    r = runCli(['predict', '--model', damaged, '--input', credit, '--output', path.join(tmp, 'o.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/checksum/);
  });

  it('warns about unseen categories and still predicts', () => {
    const unseen = path.join(tmp, 'unseen.csv');
    writeFileSync(unseen, readFileSync(withId, 'utf8').replace(/\n(C00002,good,\d+,)rent/, '\n$1boat'));
    const r = runCli(['predict', '--model', model, '--input', unseen, '--output', path.join(tmp, 'u.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: 'Home': 1 category not seen in training \('boat'\)/);
  });

  it('streams CSV in batches with the same output as one batch', async () => {
    const a = path.join(tmp, 'a.csv');
    const b = path.join(tmp, 'b.csv');
    await predict({ model, input: withId, output: a, batchRows: 333 });
    await predict({ model, input: withId, output: b, batchRows: 100_000 });
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });
});

describe('gbdt end to end', () => {
  it('trains with generated flags, predicts, and the saved model predicts like the trained one', () => {
    const out = path.join(tmp, 'gbdt');
    const r = runCli(['train', '--data', withId, '--target', 'Status', '--out', out, '--model', 'gbdt', '--trees', '40', '--max-leaves', '15', '--max-depth', '5', '--learning-rate', '0.1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ family: 'gbdt', params: expect.anything() });
    const p1 = path.join(tmp, 'g1.csv');
    const p2 = path.join(tmp, 'g2.csv');
    expect(runCli(['predict', '--model', out, '--input', withId, '--output', p1]).code).toBe(0);
    // Retraining with the same seed gives the same model, so the same predictions bit for bit.
    const again = path.join(tmp, 'gbdt2');
    runCli(['train', '--data', withId, '--target', 'Status', '--out', again, '--model', 'gbdt', '--trees', '40', '--max-leaves', '15', '--max-depth', '5', '--learning-rate', '0.1']);
    expect(runCli(['predict', '--model', again, '--input', withId, '--output', p2]).code).toBe(0);
    expect(readFileSync(p1, 'utf8')).toBe(readFileSync(p2, 'utf8'));
    const rows = readFileSync(p1, 'utf8').trim().split('\n');
    const probs = rows.slice(1).map((l) => Number(l.split(',')[2]));
    expect(new Set(probs).size).toBeGreaterThan(100);
    expect(runCli(['train', '--data', withId, '--target', 'Status', '--out', out, '--model', 'gbdt', '--max-leaves', 'many']).code).toBe(2);
    expect(runCli(['train', '--data', withId, '--target', 'Status', '--out', out, '--model', 'linear', '--max-leaves', '8']).stderr).toMatch(/--max-leaves is not a parameter of the linear model/);
  });
});

describe('AutoML end to end (train without --model)', () => {
  it('searches within the budget, records its trials in the package, and is bit-for-bit reproducible', () => {
    const runs = ['auto1', 'auto2'].map((name) => {
      const out = path.join(tmp, name);
      const r = runCli(['train', '--data', withId, '--target', 'Status', '--out', out, '--preset', 'fast', '--budget', '6', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return { out, doc: JSON.parse(r.stdout) };
    });
    const { out, doc } = runs[0]!;
    expect(doc).toMatchObject({ family: 'automl', automl: { preset: 'fast', units: 6, units_used: 6, folds: 3 }, cv: { metric: 'roc_auc' } });
    expect(doc.automl.trials).toHaveLength(2);
    expect(doc.cv.mean).toBeGreaterThan(0.75);
    const manifest = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
    expect(manifest.lineage.training).toMatchObject({ automl: true, chosen: doc.automl.chosen });
    // Same data, budget and seed: the same weights, byte for byte.
    expect(readFileSync(path.join(runs[1]!.out, 'weights.bin')).equals(readFileSync(path.join(out, 'weights.bin')))).toBe(true);
    const pred = path.join(tmp, 'auto.csv');
    expect(runCli(['predict', '--model', out, '--input', withId, '--output', pred]).code).toBe(0);
    expect(readFileSync(pred, 'utf8').split('\n')[0]).toMatch(/prediction,proba_bad,proba_good/);
  }, 120_000);

  it('rejects AutoML flags that make no sense, with what to do', () => {
    const out = path.join(tmp, 'never');
    const cases: [string[], RegExp][] = [
      [['--budget', '0'], /--budget '0' is not a whole number of work units/],
      [['--preset', 'fastest'], /--preset 'fastest' does not exist/],
      [['--max-time', 'soon'], /--max-time 'soon' is not a duration/],
      [['--model', 'gbdt', '--preset', 'fast'], /--preset is for AutoML, but --model gbdt fits one family/],
      [['--trees', '40'], /--trees is a model parameter, but no --model was given/],
      [['--metric', 'rmse'], /--metric rmse is a regression metric, but 'Status' makes this a binary task/],
      [['--metric', 'auc'], /unknown metric 'auc'/],
    ];
    for (const [flags, message] of cases) {
      const r = runCli(['train', '--data', withId, '--target', 'Status', '--out', out, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
