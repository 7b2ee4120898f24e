/**
 * The metric to select models by, from the task and the target's shape, with the reason.
 *
 * - binary: ROC AUC ranks well whatever the threshold; when the positive class is under 20% of
 *   rows, average precision (area under precision-recall) is the primary metric, because ROC AUC
 *   stays high while precision on the rare class is poor.
 * - multiclass: accuracy when classes are balanced (largest/smallest <= 3); macro F1 otherwise, so
 *   rare classes count as much as common ones.
 * - regression: RMSE; a positive target with skewness > 1 gets a note that errors grow with the
 *   level and that RMSE on log(1 + y) (rmsle) is reported too.
 */
import type { Profile } from './profile/types.js';
import type { MetricRecommendation, TaskInference } from './task.js';
import { encodeClasses } from './classes.js';
import type { Column } from '../core/frame.js';

/**
 * @example
 * recommendMetric(task, targetColumn, profile).metric; // 'average_precision'
 */
export function recommendMetric(task: TaskInference, target: Column, profile: Profile): MetricRecommendation {
  const notes: string[] = [];
  if (task.targetKind === 'binary') {
    const { classes: labels, counts } = encodeClasses(target);
    const total = counts.reduce((a, b) => a + b, 0);
    const share = counts[labels.indexOf(task.positiveClass ?? labels[1]!)]! / total;
    if (share < 0.2) {
      notes.push('Choose the decision threshold from the precision-recall curve, not 0.5.');
      return {
        metric: 'average_precision',
        secondary: ['roc_auc', 'log_loss', 'f1', 'brier'],
        reason: `positive class '${task.positiveClass}' is ${(100 * share).toFixed(1)}% of rows (< 20%): average precision rewards finding the rare class; ROC AUC is reported beside it`,
        notes,
      };
    }
    return {
      metric: 'roc_auc',
      secondary: ['average_precision', 'log_loss', 'accuracy', 'brier'],
      reason: `positive class '${task.positiveClass}' is ${(100 * share).toFixed(1)}% of rows: ROC AUC measures ranking quality independent of the threshold`,
      notes,
    };
  }
  if (task.targetKind === 'multiclass') {
    const { counts } = encodeClasses(target);
    const ratio = Math.max(...counts) / Math.min(...counts);
    if (ratio > 3) {
      return {
        metric: 'f1_macro',
        secondary: ['balanced_accuracy', 'accuracy', 'log_loss'],
        reason: `${counts.length} classes, largest/smallest = ${ratio.toFixed(1)} (> 3): macro F1 weighs rare classes as much as common ones`,
        notes,
      };
    }
    return {
      metric: 'accuracy',
      secondary: ['log_loss', 'f1_macro', 'balanced_accuracy'],
      reason: `${counts.length} classes, balanced (largest/smallest = ${ratio.toFixed(2)}): accuracy is meaningful and easy to read`,
      notes,
    };
  }
  const stats = profile.columns.find((c) => c.name === profile.target)?.numeric;
  const secondary = ['mae', 'r2', 'median_absolute_error'];
  let reason = 'numeric target: RMSE penalises large errors and is in the target\'s own units';
  if (stats && stats.min >= 0 && stats.skewness > 1) {
    secondary.unshift('rmsle');
    notes.push(
      `The target is positive and right-skewed (skewness ${stats.skewness.toFixed(2)}): errors grow with the level, so RMSE is dominated by the largest values. Consider training on log(1 + y); RMSE on the log scale (rmsle) is reported too.`,
    );
    reason += `; skewed positive target (skewness ${stats.skewness.toFixed(2)}), rmsle reported on the log scale`;
  }
  return { metric: 'rmse', secondary, reason, notes };
}
