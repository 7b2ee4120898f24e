/**
 * Hand-built analyses for the report tests and examples: a credit-scoring binary task with numeric,
 * categorical, text and datetime columns and a few issues, and a wide image-like analysis. Numbers
 * are shaped like the credit_data set in shared/datasets (4,454 rows, 28% "bad").
 */
import type { Analysis } from '../data/analysis.js';
import type { ColumnProfile, Histogram } from '../data/profile/types.js';
import type { SemanticType } from '../data/schema/types.js';

/** A column name that must come out escaped everywhere. */
export const HOSTILE_NAME = '<script>alert(1)</script>';

const ROWS = 4454;

function hist(lo: number, hi: number, counts: number[]): Histogram {
  const w = (hi - lo) / counts.length;
  return { edges: Array.from({ length: counts.length + 1 }, (_, i) => lo + i * w), counts };
}

function numeric(name: string, lo: number, hi: number, counts: number[], extra: Partial<ColumnProfile> = {}): ColumnProfile {
  const n = counts.reduce((s, c) => s + c, 0);
  const mid = (lo + hi) / 2;
  return {
    name, type: 'numeric', idLike: false, count: n, missing: ROWS - n, distinct: Math.min(n, 200),
    numeric: { min: lo, max: hi, mean: mid * 0.9, std: (hi - lo) / 5, quantiles: [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99].map((p) => lo + p * (hi - lo)), zeros: 3, skewness: 1.234, histogram: hist(lo, hi, counts) },
    ...extra,
  };
}

function categorical(name: string, levels: [string, number][], type: SemanticType = 'categorical', extra: Partial<ColumnProfile> = {}): ColumnProfile {
  const n = levels.reduce((s, [, c]) => s + c, 0);
  return { name, type, idLike: false, count: n, missing: ROWS - n, distinct: levels.length, categorical: { top: levels.map(([value, count]) => ({ value, count })), otherCount: 0 }, ...extra };
}

const mi = (value: number, normalized: number) => ({ measure: 'mutual_information' as const, value, normalized });

/**
 * A binary credit-scoring analysis with every column kind, a hostile column name and issues of
 * every severity.
 *
 * @example
 * const html = await renderAnalysisHtml(creditAnalysis());
 */
export function creditAnalysis(): Analysis {
  const columns: ColumnProfile[] = [
    { ...numeric('id', 1, ROWS, [445, 445, 445, 446, 445, 446, 445, 446, 445, 446]), type: 'integer', idLike: true, distinct: ROWS },
    categorical('Status', [['good', 3200], ['bad', 1254]]),
    numeric('Seniority', 0, 48, [1400, 900, 700, 500, 380, 250, 150, 90, 50, 34], { association: mi(0.0512, 0.087) }),
    categorical('Home', [['owner', 2107], ['rent', 973], ['parents', 783], ['priv', 246], ['other', 319], ['ignore', 20]], 'categorical', { missing: 6, count: 4448, association: mi(0.0301, 0.051) }),
    numeric('Income', 6, 959, [300, 1400, 1200, 600, 300, 150, 80, 40, 20, 10], { association: mi(0.0723, 0.123) }),
    numeric('Amount', 100, 5000, [400, 1500, 1300, 700, 300, 120, 60, 20, 10, 44], { association: mi(0.0205, 0.035) }),
    numeric('Assets', 0, 300000, [3800, 400, 100, 50, 20, 10, 5, 3, 2, 0], { missing: 64, association: mi(0.0412, 0.07) }),
    categorical('Marital', [['married', 3241], ['single', 977], ['separated', 130], ['widow', 67], ['divorced', 38]], 'categorical', { missing: 1, association: mi(0.0105, 0.018) }),
    categorical('Records', [['no', 3681], ['yes', 773]], 'boolean', { association: mi(0.0621, 0.106) }),
    { name: 'Notes', type: 'text', idLike: false, count: 4100, missing: 354, distinct: 3987, text: { meanLength: 86.4, maxLength: 1204, meanTokens: 15.2 }, association: mi(0.0099, 0.017) },
    { name: 'Applied', type: 'datetime', idLike: false, count: ROWS, missing: 0, distinct: 1022, datetime: { min: '2010-01-04T00:00:00.000Z', max: '2012-12-28T00:00:00.000Z', histogram: hist(Date.UTC(2010, 0, 4), Date.UTC(2012, 11, 28), [300, 350, 420, 380, 400, 450, 470, 500, 520, 664]) }, association: mi(0.0022, 0.004) },
    categorical(HOSTILE_NAME, [['<b>bold</b>', 2000], ['a|b', 1500], ['', 954]], 'categorical', { association: mi(0.0009, 0.002) }),
  ];
  return {
    name: 'credit',
    data: { file: 'examples/credit/credit.csv', format: 'csv', bytes: 186_732, rows: ROWS, columns: columns.length, truncated: false },
    target: 'Status',
    task: { task: 'binary', targetKind: 'binary', reason: 'Status has 2 distinct values in 4,454 rows.', classes: ['bad', 'good'], positiveClass: 'bad' },
    metric: { metric: 'roc_auc', secondary: ['average_precision', 'log_loss'], reason: 'Binary target with a 28% minority class: ROC AUC ranks well regardless of threshold.', notes: ['Classes are imbalanced (28% bad): report average precision too.'] },
    schema: { version: 1, columns: columns.map((c) => ({ name: c.name, type: c.type, nullable: c.missing > 0, idLike: c.idLike })) },
    profile: { rows: ROWS, columns, target: 'Status', missingCells: columns.reduce((s, c) => s + c.missing, 0), sampledRows: ROWS },
    issues: [
      { code: 'id_like_column', path: 'id', severity: 'warning', message: 'id is unique in every row: a row identifier, not a feature.', hint: 'It is excluded from features; drop it from the data to silence this.' },
      { code: 'missing_values', path: 'Assets', severity: 'info', message: 'Assets is missing in 1.4% of rows.', hint: 'Imputed with the median.' },
      { code: 'target_leakage', path: HOSTILE_NAME, severity: 'error', message: `${HOSTILE_NAME} predicts the target almost perfectly.`, hint: 'Remove it if it is known only after the outcome.' },
      { code: 'high_cardinality', path: 'Notes', severity: 'info', message: 'Notes has 3,987 distinct values.' },
    ],
    seconds: 1.234,
    specmlVersion: '0.1.0',
  };
}

/**
 * A Fashion-MNIST-shaped analysis: 784 pixel columns and a 10-class label, 70,000 rows.
 *
 * @example
 * const a = wideAnalysis(785); // 784 pixels + label
 */
export function wideAnalysis(columnCount = 785): Analysis {
  const rows = 70_000;
  const pixels: ColumnProfile[] = Array.from({ length: columnCount - 1 }, (_, i) => {
    const edge = Math.abs(14 - (i % 28)) + Math.abs(14 - Math.floor(i / 28));
    const zeros = Math.min(rows - 10, 20_000 + edge * 2000);
    return {
      name: `pixel${i + 1}`, type: 'integer', idLike: false, count: rows, missing: 0, distinct: 256,
      numeric: { min: 0, max: 255, mean: 255 * (1 - zeros / rows) * 0.5, std: 80, quantiles: [0, 0, 0, 10, 120, 230, 250], zeros, skewness: 1.5, histogram: hist(0, 255, Array.from({ length: 32 }, (_, b) => (b === 0 ? zeros : Math.round((rows - zeros) / 31)))) },
      association: mi(0.5 * (1 - edge / 28), 1 - edge / 28),
    };
  });
  const labels = ['T-shirt', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
  const label = categorical('label', labels.map((l): [string, number] => [l, 7000]));
  label.count = rows;
  label.missing = 0;
  const columns = [label, ...pixels];
  return {
    name: 'fashion_mnist',
    data: { file: 'datasets/fashion_mnist/fashion-mnist.csv', format: 'csv', bytes: 133_000_000, rows, columns: columns.length, truncated: false },
    target: 'label',
    task: { task: 'image', targetKind: 'multiclass', reason: '784 integer columns in [0, 255] named pixel1..pixel784 form a 28 × 28 image.', classes: labels, imageShape: [28, 28] },
    metric: { metric: 'accuracy', secondary: ['macro_f1'], reason: 'Balanced classes: accuracy is meaningful.', notes: [] },
    schema: { version: 1, columns: columns.map((c) => ({ name: c.name, type: c.type, nullable: false, idLike: false })) },
    profile: { rows, columns, target: 'label', missingCells: 0, sampledRows: 20_000 },
    issues: [],
    seconds: 42.5,
    specmlVersion: '0.1.0',
  };
}
