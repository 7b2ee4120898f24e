/**
 * The starter spec `specml init` writes: every field the user is likely to change, each with a
 * comment saying what it does, and the reasons behind the inferred task and metric so a person can
 * check them. The output is validated by the same loader as any spec (see init.test.ts).
 *
 * @example
 * const text = starterSpec({
 *   name: 'churn', train: 'churn.csv', target: 'Churn', task: 'binary', metric: 'roc_auc',
 *   taskReason: 'Churn has 2 values (Yes 26%, No 74%).',
 *   metricReason: 'roc_auc ranks well under class imbalance.',
 * });
 * await writeFile('specml.yaml', text);
 */
import { stringify } from 'yaml';
import { SpecmlError } from '../core/errors.js';
import type { Task } from '../data/task.js';
import { SPEC_METRICS } from './metrics.js';
import { didYouMean } from './suggest.js';

/**
 * What `specml init` inferred, for {@link starterSpec}.
 *
 * @example
 * const opts: StarterSpecOptions = { name: 'churn', train: 'churn.csv', target: 'Churn', task: 'binary',
 *   metric: 'roc_auc', taskReason: '2 classes', metricReason: 'ranks under imbalance' };
 */
export interface StarterSpecOptions {
  name: string;
  /** Training data path as it should appear in the spec (relative to the spec file). */
  train: string;
  target: string;
  task: Task;
  metric: string;
  taskReason: string;
  metricReason: string;
  idColumns?: string[];
  time?: string;
  sensitive?: string[];
}

/** Metrics where smaller is better, so an example gate points the right way. */
const LOWER_IS_BETTER = new Set(['log_loss', 'brier', 'rmse', 'mae', 'mape', 'median_absolute_error', 'poisson_deviance', 'rmsle']);

/**
 * A commented YAML spec; throws `spec.unknown_metric` for a metric the spec schema would reject.
 *
 * @example
 * const text = starterSpec({ name: 'house', train: 'house.csv', target: 'price', task: 'regression',
 *   metric: 'rmse', taskReason: 'price is numeric with 1,200 distinct values.', metricReason: 'rmse is in dollars.' });
 * parseSpecText(text, 'specml.yaml').metric; // 'rmse'
 */
export function starterSpec(opts: StarterSpecOptions): string {
  if (!(SPEC_METRICS as readonly string[]).includes(opts.metric)) {
    const near = didYouMean(opts.metric, SPEC_METRICS);
    throw new SpecmlError('spec.unknown_metric', `unknown metric '${opts.metric}'${near ? `; did you mean '${near}'?` : ''}`, { hint: `Known: ${SPEC_METRICS.join(', ')}` });
  }
  const ids = opts.idColumns ?? [];
  const sensitive = opts.sensitive ?? [];
  const out: string[] = [];
  const line = (code: string, comment?: string) => out.push(comment ? `${code.padEnd(33)} # ${comment}` : code);
  const comment = (text: string, indent = '') => out.push(...wrap(text, 94 - indent.length).map((l) => `${indent}# ${l}`));

  comment(`specml spec for ${opts.name}, written by \`specml init\`. Check it with \`specml analyze\`; run it with \`specml run\`.`);
  comment('Only data.train and data.target are required; every other field has a default shown here.');
  line(`name: ${yamlScalar(opts.name)}`, 'a slug; names runs and the registered model');
  comment('What the model is for and why it matters (shown in the report and model card):');
  line('# goal: <one sentence>');
  line('# why: <the decision it supports>');
  out.push('');
  line('data:');
  line(`  train: ${yamlScalar(opts.train)}`, 'csv | parquet | jsonl (relative to this file) | sqlite:… | postgres:…');
  line('  # test: <path>', 'optional held-out test set; else a holdout is split off train');
  line(`  target: ${yamlScalar(opts.target)}`, 'the column to predict');
  if (ids.length > 0) line(`  id: ${yamlFlowList(ids)}`, 'kept out of features, carried into predictions');
  else line('  # id: [<column>]', 'id columns: kept out of features, carried into predictions');
  if (opts.time !== undefined) line(`  time: ${yamlScalar(opts.time)}`, 'orders rows: enables time-ordered splits');
  else line('  # time: <column>', 'a timestamp column enables time-ordered splits');
  line('  # ignore: [<column>]', 'columns to leave out of the features');
  out.push('');
  comment(`task: ${opts.task}. ${opts.taskReason}`);
  line(`task: ${opts.task}`, 'auto | binary | multiclass | regression | text | image');
  comment(`metric: ${opts.metric}. ${opts.metricReason}`);
  line(`metric: ${opts.metric}`, 'what model selection optimises');
  line('# models: [gbdt, linear, forest, nn, knn]', 'restrict the candidate families (default: all that fit)');
  out.push('');
  line('split:');
  line('  holdout: 0.2', 'fraction held out for the final test and the gates');
  line('  folds: 5', 'cross-validation folds on the rest, for model selection');
  line(`  strategy: ${opts.time !== undefined ? 'time' : 'auto'}`, 'auto | stratified | kfold | time | group:<column>');
  line('budget:');
  line('  preset: balanced', 'AutoML effort: fast | balanced | best');
  line('  # units: 60', 'work units (a configuration on one fold) decide the result, so runs reproduce');
  line('  # max_time: 10m', 'optional wall-time cap (90s, 10m, 1h)');
  line('seed: 42', 'recorded with every run; same seed + data + spec = same model');
  out.push('');
  if (sensitive.length > 0) {
    line('fairness:');
    line(`  sensitive: ${yamlFlowList(sensitive)}`, 'groups fairness is measured across');
  } else {
    comment('fairness: { sensitive: [<column>] }   # measure and gate fairness across these groups');
  }
  out.push('');
  comment('Gates: the run passes (exit 0) only if every gate holds on the held-out test.');
  line('gates:');
  const op = LOWER_IS_BETTER.has(opts.metric) ? '<=' : '>=';
  line(`  # - ${opts.metric} ${op} <threshold>`, 'set the level that makes the model worth shipping');
  if (sensitive.length > 0 && opts.task === 'binary') line('  - demographic_parity_difference <= 0.1', 'selection rates differ by at most 10 points');
  line('  - beats: baseline', 'significantly better than the trivial model');
  out.push('');
  comment('After a run passes its gates: register it, and watch it for drift.');
  line(`# deploy: { name: ${opts.name}, alias: staging }`);
  line('# monitor: { reference: train, drift: default, window: 1d, rules: [drift.detected] }');
  return out.join('\n') + '\n';
}

function yamlScalar(v: string): string {
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

function yamlFlowList(vs: readonly string[]): string {
  return stringify(vs, { flow: true, flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

/** Greedy word wrap; a reason is prose of a sentence or two. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (cur !== '' && cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur === '' ? word : `${cur} ${word}`;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}
