/**
 * Run reports for the report tests and the browser check: a credit-scoring binary run whose
 * fairness gate fails (Age bands and Marital), a house-price regression run that passes, and a
 * variant of the binary run with hostile strings in every user-controlled field. Curves, metrics
 * and fairness tables come from one simulated holdout each (run.fixture-sim.ts), so they agree.
 */
import { binaryHoldout, fairnessOf, regressionMetrics, simulateBinary, simulateRegression, withBootstrap } from './run.fixture-sim.js';
import type { GateResult, LeaderboardRow, RunReport } from './run-types.js';

/** A string that must come out escaped everywhere. */
export const HOSTILE = '<script>alert(1)</script>';

const AGE = ['< 30', '30–39', '40–49', '50–64', '≥ 65'];
const MARITAL = ['married', 'single', 'separated', 'widow', 'divorced'];
/** The gate detail's number format (pipeline/run/judge.ts). */
const f4 = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4));

function row(name: string, description: string, folds: number[], p: number | null, extra: Partial<LeaderboardRow> = {}): LeaderboardRow {
  const mean = folds.reduce((s, v) => s + v, 0) / folds.length;
  const std = Math.sqrt(folds.reduce((s, v) => s + (v - mean) ** 2, 0) / (folds.length - 1));
  return { name, description, mean, std, folds, isBest: p === null, selected: p === null, pValueVsBest: p, significantlyWorse: p !== null && p < 0.05, seconds: 1.2, ...extra };
}

function metricGate(gate: string, metric: string, op: GateResult['op'], threshold: number, measured: number, detail: string): GateResult {
  const passed = op === '>=' ? measured >= threshold : op === '<=' ? measured <= threshold : op === '>' ? measured > threshold : measured < threshold;
  return { gate, kind: 'threshold', metric, op, threshold, measured, passed, detail };
}

/**
 * The credit run: gbdt selected, ROC AUC near 0.85 on 891 holdout rows, beats the baseline, and
 * fails `demographic_parity_difference <= 0.1` because applicants under 30 are flagged far more
 * often; per-group thresholds are offered as a mitigation.
 *
 * @example
 * const html = await renderRunHtml(binaryRun());
 */
export function binaryRun(): RunReport {
  const sim = simulateBinary(891, 20240611, {
    Age: { levels: [['< 30', 24], ['30–39', 30], ['40–49', 25], ['50–64', 18.5], ['≥ 65', 2.5]], shift: { '< 30': 0.55, '50–64': -0.2, '≥ 65': -0.3 } },
    Marital: { levels: [['married', 72.5], ['single', 22], ['separated', 3], ['widow', 1.5], ['divorced', 1]], shift: { single: 0.1 } },
  });
  const holdout = binaryHoldout(sim, ['bad', 'good']);
  const auc = holdout.metrics.roc_auc!;
  const fairness = [fairnessOf(sim, 'Age', AGE, 'banded at 30, 40, 50 and 65 years'), fairnessOf(sim, 'Marital', MARITAL)];
  const dpd = fairness.map((s) => s.metrics.demographic_parity_difference!);
  const beats = { metric: 'roc_auc', difference: auc.value - 0.5, ci_low: auc.ci_low! - 0.5, ci_high: auc.ci_high! - 0.5, p_value: 0.0002, significant: true };
  return {
    runId: 'run-20240611-142233-7f3a',
    name: 'credit-risk',
    goal: 'Flag loan applicants likely to default so that an underwriter reviews them before approval.',
    why: 'Manual review of every application costs two days; reviewing the riskiest quarter keeps most of the protection at a fraction of the cost.',
    startedAt: '2024-06-11T14:22:33.000Z',
    seconds: 48.6,
    specmlVersion: '0.1.0',
    seed: 42,
    passed: false,
    data: {
      file: 'examples/credit/credit.csv', sha256: '9c1b7e04a2f35d8e6b0f1c2d3e4a5b6c7d8e9f00112233445566778899aabbcc', rows: 4454,
      features: ['Seniority', 'Home', 'Time', 'Age', 'Marital', 'Records', 'Job', 'Expenses', 'Income', 'Assets', 'Debt', 'Amount', 'Price'],
      target: 'Status', task: 'binary', classes: ['bad', 'good'], positiveClass: 'bad', trainRows: 3563, holdoutRows: 891,
      splitMethod: 'Stratified 20% holdout on Status (seed 42), untouched until the final evaluation.',
      cvMethod: 'Stratified 5-fold cross-validation on the 3,563 training rows; preprocessing fitted inside each fold.',
      issues: [
        { severity: 'warning', code: 'missing_values', message: 'Income is missing in 8.5% of rows; imputed with the median inside each fold.' },
        { severity: 'warning', code: 'sentinel_values', message: 'Assets and Debt use 99999999 for "unknown" in 47 rows; treated as missing.' },
      ],
    },
    metric: { name: 'roc_auc', greaterIsBetter: true, reason: '28% positives and no fixed decision threshold: ROC AUC ranks applicants regardless of where the cut-off lands.' },
    leaderboard: [
      row('gbdt', 'gradient-boosted trees, 200 rounds, depth 6', [0.851, 0.829, 0.846, 0.838, 0.822], null),
      row('forest', 'random forest, 300 trees', [0.842, 0.826, 0.838, 0.835, 0.815], 0.21),
      row('linear', 'logistic regression on standardised, one-hot features', [0.823, 0.807, 0.821, 0.812, 0.79], 0.012),
      row('baseline', 'predicts the training prevalence for everyone', [0.5, 0.5, 0.5, 0.5, 0.5], 0.0001, { seconds: 0.01 }),
    ],
    holdout,
    beats,
    importance: {
      method: 'permutation (10 repeats)', metric: 'roc_auc',
      features: [
        ['Seniority', 0.0712, 0.009], ['Income', 0.0524, 0.008], ['Records', 0.0398, 0.006], ['Amount', 0.0311, 0.007], ['Job', 0.0264, 0.005],
        ['Age', 0.0159, 0.004], ['Assets', 0.0121, 0.005], ['Expenses', 0.0077, 0.004], ['Price', 0.0049, 0.004], ['Home', 0.0031, 0.003],
        ['Time', 0.0012, 0.002], ['Marital', -0.0004, 0.002], ['Debt', -0.0011, 0.002],
      ].map(([name, mean, std]) => ({ name: name as string, mean: mean as number, std: std as number, ci_low: (mean as number) - 1.96 * (std as number), ci_high: (mean as number) + 1.96 * (std as number) })),
    },
    shap: {
      rows: 891,
      features: [['Seniority', 0.412], ['Income', 0.338], ['Records', 0.291], ['Amount', 0.227], ['Job', 0.204], ['Age', 0.141], ['Assets', 0.118], ['Expenses', 0.086], ['Price', 0.071], ['Home', 0.052], ['Time', 0.031], ['Marital', 0.018], ['Debt', 0.012]]
        .map(([name, meanAbs]) => ({ name: name as string, meanAbs: meanAbs as number })),
    },
    fairness,
    mitigation: {
      attribute: 'Age', constraint: 'demographic_parity', tolerance: 0.1,
      thresholds: { '< 30': 0.583, '30–39': 0.472, '40–49': 0.497, '50–64': 0.455, '≥ 65': 0.5 },
      before: { accuracy: holdout.metrics.accuracy!.value, balanced_accuracy: holdout.metrics.balanced_accuracy!.value, gap: dpd[0]! },
      after: { accuracy: holdout.metrics.accuracy!.value - 0.009, balanced_accuracy: holdout.metrics.balanced_accuracy!.value - 0.006, gap: 0.071 },
      applied: false,
      note: 'Offered, not applied: set fairness.mitigation: group_thresholds in the spec to allow it (it needs the sensitive attribute at prediction time).',
    },
    gates: [
      metricGate('roc_auc >= 0.80', 'roc_auc', '>=', 0.8, auc.value, `holdout ${f4(auc.value)} (95% CI ${f4(auc.ci_low!)}-${f4(auc.ci_high!)})`),
      metricGate('roc_auc (ci_low) >= 0.78', 'roc_auc', '>=', 0.78, auc.ci_low!, `CI bound ${f4(auc.ci_low!)} (holdout ${f4(auc.value)})`),
      { gate: 'beats baseline', kind: 'beats', metric: 'roc_auc', measured: beats.difference, passed: true, detail: `roc_auc better than the baseline by ${f4(beats.difference)} (paired bootstrap p = 0.0002)` },
      metricGate('demographic_parity_difference <= 0.1', 'demographic_parity_difference', '<=', 0.1, Math.max(...dpd), `Age ${f4(dpd[0]!)}, Marital ${f4(dpd[1]!)}`),
      metricGate('p95_latency_ms <= 50', 'p95_latency_ms', '<=', 50, 3.4, 'measured on the saved package: 3.400'),
    ],
    model: { name: 'credit-risk', version: 7, alias: null, packageDir: 'models/credit-risk/7', sizeBytes: 1_482_113, latencyMs: { p50: 1.9, p95: 3.4, p99: 5.2 } },
    lineage: { specSha256: '4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce', dataSha256: '9c1b7e04a2f35d8e6b0f1c2d3e4a5b6c7d8e9f00112233445566778899aabbcc', node: 'v20.19.2', platform: 'linux-x64' },
  };
}

/**
 * The house-price run: gbdt on Ames, RMSE gate and baseline gate pass, promoted to `production`;
 * no SHAP and no sensitive attributes.
 *
 * @example
 * const md = renderRunMarkdown(regressionRun());
 */
export function regressionRun(): RunReport {
  const { yTrue, yPred } = simulateRegression(292, 1460);
  const metrics = withBootstrap(yTrue.length, 5, (idx) => regressionMetrics(yTrue, yPred, idx));
  const rmse = metrics.rmse!;
  return {
    runId: 'run-20240612-091500-c41d', name: 'ames-prices',
    goal: 'Estimate the sale price of a house from its listing so that agents can price new listings consistently.',
    startedAt: '2024-06-12T09:15:00.000Z', seconds: 131.2, specmlVersion: '0.1.0', seed: 7, passed: true,
    data: {
      file: 'examples/ames/ames.csv', sha256: 'a4f0e1d2c3b4a5968778695a4b3c2d1e0f1e2d3c4b5a69788796a5b4c3d2e1f0', rows: 1460,
      features: ['OverallQual', 'GrLivArea', 'GarageCars', 'TotalBsmtSF', 'YearBuilt', 'Neighborhood', 'LotArea', 'FullBath', 'KitchenQual', 'Fireplaces'],
      target: 'SalePrice', task: 'regression', trainRows: 1168, holdoutRows: 292,
      splitMethod: 'Random 20% holdout (seed 7).', cvMethod: '5-fold cross-validation on the 1,168 training rows.',
      issues: [],
    },
    metric: { name: 'rmse', greaterIsBetter: false, reason: 'Prices are in dollars and large errors matter most: RMSE is in the same unit and punishes them.' },
    leaderboard: [
      row('gbdt', 'gradient-boosted trees, 400 rounds, depth 5', [21010, 23840, 19920, 24550, 22130], null),
      row('linear', 'ridge regression on log-price', [25950, 29200, 24010, 30800, 26400], 0.018),
      row('baseline', 'predicts the training mean', [78100, 80900, 76300, 83500, 77200], 0.0001, { seconds: 0.01 }),
    ],
    holdout: { metrics, residuals: { yTrue, yPred } },
    beats: { metric: 'rmse', difference: 79300 - rmse.value, ci_low: 71000 - rmse.value, ci_high: 87900 - rmse.value, p_value: 0.0001, significant: true },
    importance: {
      method: 'permutation (10 repeats)', metric: 'rmse',
      features: [['OverallQual', 24100, 1800], ['GrLivArea', 15800, 1400], ['TotalBsmtSF', 6100, 900], ['GarageCars', 4200, 700], ['YearBuilt', 3900, 800], ['Neighborhood', 3100, 600], ['LotArea', 1500, 500], ['KitchenQual', 1200, 600], ['FullBath', 300, 400], ['Fireplaces', 200, 300]]
        .map(([name, mean, std]) => ({ name: name as string, mean: mean as number, std: std as number, ci_low: (mean as number) - 1.96 * (std as number), ci_high: (mean as number) + 1.96 * (std as number) })),
    },
    gates: [
      metricGate('rmse <= 30000', 'rmse', '<=', 30000, rmse.value, `holdout ${f4(rmse.value)} (95% CI ${f4(rmse.ci_low!)}-${f4(rmse.ci_high!)})`),
      { gate: 'beats baseline', kind: 'beats', metric: 'rmse', measured: 79300 - rmse.value, passed: true, detail: 'rmse better than the baseline (paired bootstrap p = 0.0001)' },
    ],
    model: { name: 'ames-prices', version: 3, alias: 'production', packageDir: 'models/ames-prices/3', sizeBytes: 2_904_551, latencyMs: { p50: 2.2, p95: 4.1, p99: 6.8 } },
    lineage: { specSha256: '0d9c8b7a69584736251403f2e1d0c9b8a7968574635241302f1e0d9c8b7a6958', dataSha256: 'a4f0e1d2c3b4a5968778695a4b3c2d1e0f1e2d3c4b5a69788796a5b4c3d2e1f0', node: 'v20.19.2', platform: 'darwin-arm64' },
  };
}

/**
 * The binary run with {@link HOSTILE} (and table-breaking characters) in every string a user or
 * their data controls: names, goal, classes, groups, gates, issues, paths.
 *
 * @example
 * (await renderRunHtml(hostileRun())).includes(HOSTILE); // false
 */
export function hostileRun(): RunReport {
  const r = binaryRun();
  const h = (s: string) => `${s} ${HOSTILE} a|b`;
  r.name = h('credit');
  r.goal = h('goal');
  r.why = h('why');
  r.data.file = h('data/credit.csv');
  r.data.features = r.data.features.map((x, i) => (i === 0 ? HOSTILE : x));
  r.data.target = h('Status');
  r.data.positiveClass = HOSTILE;
  r.data.classes = [HOSTILE, 'good'];
  r.data.splitMethod = h('split');
  r.data.issues.push({ severity: 'error', code: HOSTILE, message: h('issue') });
  r.metric.reason = h('reason');
  r.leaderboard[0] = { ...r.leaderboard[0]!, name: HOSTILE, description: h('desc') };
  r.holdout.confusion!.labels = [HOSTILE, 'good'];
  r.importance!.features[0]!.name = HOSTILE;
  r.shap!.features[0]!.name = HOSTILE;
  r.fairness![0]!.attribute = h('Age');
  r.fairness![0]!.groups[0]!.group = HOSTILE;
  r.fairness![0]!.excluded.push({ group: HOSTILE, reason: h('reason') });
  r.mitigation = { ...r.mitigation!, attribute: h('Age'), thresholds: { [HOSTILE]: 0.5 }, note: h('note') };
  r.gates[0] = { ...r.gates[0]!, gate: h('roc_auc >= 0.80'), detail: h('detail') };
  r.model = { ...r.model, name: h('model'), packageDir: h('models') };
  r.runId = h('run');
  return r;
}
