/**
 * Checks on the target column itself: present, filled, and (for classes) not too lopsided.
 */
import type { Issue } from '../../core/issue.js';
import { missingCount } from './missing.js';
import { formatPct } from './stats.js';
import { encodeClasses } from '../classes.js';
import { closeMatches } from '../../core/suggest.js';
import { isClassificationTarget, targetColumn } from './target.js';
import type { Check } from './types.js';

/**
 * `target_missing`: the target column is absent (error, with close names as the hint), entirely
 * missing (error), or missing on some rows (warning: those rows are dropped from training).
 *
 * @example
 * targetMissing.run({ frame, schema, target: 'saleprice', rng: new Rng(1) });
 * // [{ code: 'target_missing', path: 'target', severity: 'error', message: "target 'saleprice' is not a column …", hint: "Did you mean 'SalePrice'?" }]
 */
export const targetMissing: Check = {
  name: 'target_missing',
  description: 'The target column is absent, or has missing values.',
  run(ctx) {
    const { frame, target } = ctx;
    if (target === undefined) return [];
    const col = frame.get(target);
    if (!col) {
      const close = closeMatches(target, frame.names);
      return [
        {
          code: 'target_missing',
          path: 'target',
          severity: 'error',
          message: `target '${target}' is not a column of the data (${frame.nCols} columns)`,
          hint: close.length > 0 ? `Did you mean ${close.map((n) => `'${n}'`).join(' or ')}?` : `Pick one of: ${frame.names.slice(0, 20).join(', ')}.`,
          details: { target, closeNames: close },
        },
      ];
    }
    const missing = missingCount(col);
    if (missing === 0) return [];
    const ratio = missing / frame.nRows;
    if (missing === frame.nRows) {
      return [
        {
          code: 'target_missing',
          path: 'target',
          severity: 'error',
          message: `target '${target}' is missing on all ${frame.nRows} rows`,
          hint: 'Check the target name and the file: this looks like a test set without labels, or a column that failed to parse.',
          details: { target, missing, rows: frame.nRows, ratio },
        },
      ];
    }
    return [
      {
        code: 'target_missing',
        path: 'target',
        severity: 'warning',
        message: `target '${target}' is missing on ${missing} of ${frame.nRows} rows (${formatPct(ratio)}); these rows will be dropped`,
        hint: 'Check why labels are missing: if it is not at random, the remaining rows are a biased sample.',
        details: { target, missing, rows: frame.nRows, ratio },
      },
    ];
  },
};

/**
 * Class-balance thresholds on the imbalance ratio IR = largest class / smallest class. IR > 4 is a
 * binary minority under 20%: accuracy misleads (always predicting the majority scores 80%), so
 * the metric should be balanced or ranking-based. IR > 19 is a binary minority under 5%: even
 * those metrics get noisy and class weights or resampling start to matter. The ratio, not the
 * minority's share, generalises to many classes: ten balanced classes each hold 10% and are fine.
 * 10 rows per class: stratified 5-fold CV then puts 2 per validation fold, the least that gives a
 * per-class recall.
 */
export const IMBALANCE_INFO = 4;
export const IMBALANCE_WARN = 19;
export const MIN_CLASS_ROWS = 10;

/**
 * `class_imbalance`: for classification targets, the imbalance ratio largest/smallest class
 * (> 19 warning, > 4 info: for two classes a minority under 5% or 20%), classes with fewer than
 * 10 rows (warning), and a single class (error: nothing to learn).
 *
 * @example
 * classImbalance.run({ frame, schema, target: 'Attrition', task: 'binary', rng: new Rng(1) });
 * // [{ code: 'class_imbalance', path: 'target', severity: 'info', message: "minority class 'Yes' is 16.1% of rows (237 of 1470)" }]
 */
export const classImbalance: Check = {
  name: 'class_imbalance',
  description: 'Classification targets with a rare class or classes too small to cross-validate.',
  run(ctx) {
    const col = targetColumn(ctx);
    if (!col || !isClassificationTarget(col, ctx.task)) return [];
    const { codes, classes } = encodeClasses(col);
    const tally = new Float64Array(classes.length);
    let total = 0;
    for (let i = 0; i < codes.length; i++) {
      const k = codes[i]!;
      if (k < 0) continue;
      tally[k]!++;
      total++;
    }
    const counts: Record<string, number> = {};
    const present: number[] = [];
    classes.forEach((name, k) => {
      if (tally[k]! > 0) {
        counts[name] = tally[k]!;
        present.push(k);
      }
    });
    if (present.length === 0) return [];
    const issues: Issue[] = [];
    if (present.length === 1) {
      return [
        {
          code: 'class_imbalance',
          path: 'target',
          severity: 'error',
          message: `target '${col.name}' has a single class '${classes[present[0]!]}' on all ${total} labelled rows`,
          hint: 'A classifier needs at least two classes: check the target column and any row filter.',
          details: { counts },
        },
      ];
    }
    let minority = present[0]!;
    let majority = present[0]!;
    for (const k of present) {
      if (tally[k]! < tally[minority]!) minority = k;
      if (tally[k]! > tally[majority]!) majority = k;
    }
    const share = tally[minority]! / total;
    const ratio = tally[majority]! / tally[minority]!;
    if (ratio > IMBALANCE_INFO) {
      const extreme = ratio > IMBALANCE_WARN;
      const vsMajority = present.length > 2 ? `; the largest, '${classes[majority]}', has ${tally[majority]} (${formatRatio(ratio)}:1)` : '';
      issues.push({
        code: 'class_imbalance',
        path: 'target',
        severity: extreme ? 'warning' : 'info',
        message: `${extreme ? 'extreme imbalance: ' : ''}minority class '${classes[minority]}' is ${formatPct(share)} of rows (${tally[minority]} of ${total})${vsMajority}`,
        hint: extreme
          ? 'Use a ranking or balanced metric (PR AUC, balanced accuracy), stratified CV, and class weights; consider more data for the rare class.'
          : 'Prefer a balanced or ranking metric (balanced accuracy, ROC/PR AUC) to accuracy, and stratify the CV folds.',
        details: { counts, minorityClass: classes[minority], minorityShare: share, majorityClass: classes[majority], imbalanceRatio: ratio },
      });
    }
    const small = present.filter((k) => tally[k]! < MIN_CLASS_ROWS);
    if (small.length > 0) {
      const shown = small.slice(0, 10).map((k) => `'${classes[k]}' (${tally[k]})`).join(', ');
      issues.push({
        code: 'class_imbalance',
        path: 'target',
        severity: 'warning',
        message: `${small.length} class(es) have fewer than ${MIN_CLASS_ROWS} rows: ${shown}${small.length > 10 ? ', …' : ''}; too few for stratified 5-fold CV`,
        hint: 'Merge rare classes into an "other" class, drop them, or collect more rows; otherwise some CV folds will not contain them.',
        details: { counts, smallClasses: small.map((k) => classes[k]!) },
      });
    }
    return issues;
  },
};

function formatRatio(r: number): string {
  return r >= 10 ? r.toFixed(0) : r.toFixed(1);
}
