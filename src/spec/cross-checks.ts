/**
 * The spec checks that involve two fields (the zod object checks each field alone): the metric
 * against the task, a time split without data.time, the target listed as an id or ignored, a
 * fairness gate without sensitive columns, fairness bands for a column that is not sensitive or
 * not increasing. Each problem becomes a custom zod issue the loader words with file:line:col.
 *
 * @example
 * specObject.superRefine(crossFieldChecks);
 */
import type { z } from 'zod';
import { FAIRNESS_METRICS, metricFamily } from './metrics.js';
import type { IssueParams, specObject } from './schema.js';

export function crossFieldChecks(s: z.output<typeof specObject>, ctx: z.RefinementCtx): void {
  const add = (path: (string | number)[], specCode: string, message: string, hint: string) =>
    ctx.addIssue({ code: 'custom', path, params: { specCode, message, hint } satisfies IssueParams });
  if (s.metric !== undefined) {
    const family = metricFamily(s.metric);
    if (s.task === 'regression' && family === 'classification')
      add(['metric'], 'spec.metric_task_mismatch', `'${s.metric}' judges classifiers but task is regression`, 'Use a regression metric (rmse, mae, r2, …) or set task: auto.');
    if ((s.task === 'binary' || s.task === 'multiclass') && family === 'regression')
      add(['metric'], 'spec.metric_task_mismatch', `'${s.metric}' judges regressors but task is ${s.task}`, 'Use a classification metric (roc_auc, log_loss, f1, …) or set task: auto.');
  }
  if (s.split.strategy === 'time' && s.data.time === undefined)
    add(['split', 'strategy'], 'spec.missing_time_column', "strategy 'time' needs data.time, the column that orders rows", 'Add data.time: <timestamp column>, or use another strategy.');
  for (const field of ['id', 'ignore'] as const) {
    const i = s.data[field]?.indexOf(s.data.target) ?? -1;
    if (i >= 0)
      add(['data', field, ...(field === 'id' && s.data.id!.length === 1 ? [] : [i])], 'spec.target_excluded', `the target '${s.data.target}' is listed in data.${field}`, `Remove '${s.data.target}' from data.${field}: the target cannot be ${field === 'id' ? 'an id' : 'ignored'}.`);
  }
  s.gates.forEach((g, i) => {
    if (g.kind === 'threshold' && (FAIRNESS_METRICS as readonly string[]).includes(g.metric) && !s.fairness)
      add(['gates', i], 'spec.missing_sensitive', `gate '${g.source}' needs fairness.sensitive, the columns to measure ${g.metric} over`, 'Add fairness: { sensitive: [<column>, …] }.');
  });
  for (const [col, cuts] of Object.entries(s.fairness?.bands ?? {})) {
    if (!s.fairness!.sensitive.includes(col))
      add(['fairness', 'bands', col], 'spec.bands_not_sensitive', `fairness.bands names '${col}', which is not in fairness.sensitive`, `Add '${col}' to fairness.sensitive, or remove its bands.`);
    else if (cuts.some((c, i) => i > 0 && !(c > cuts[i - 1]!)))
      add(['fairness', 'bands', col], 'spec.bands_not_increasing', `fairness.bands.${col} must be strictly increasing, got [${cuts.join(', ')}]`, 'Write the cut points in increasing order, e.g. [25, 35, 50].');
  }
}
