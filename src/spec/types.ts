/** The validated spec's type (the zod schema in schema.ts produces it; `tsc` checks they agree). */
import type { SPEC_METRICS } from './metrics.js';
import type { Gate } from './gates.js';
import type { ModelFamily, SpecTask, SplitStrategy } from './schema.js';

/**
 * A validated spec with its defaults filled in. The loader adds `file`, resolves data paths against
 * the spec's folder and keeps what the user wrote in `data.given`.
 *
 * @example
 * const s: Spec = await loadSpec('specml.yaml');
 * s.gates[0]; // { kind: 'threshold', metric: 'roc_auc', op: '>=', value: 0.85, source: 'roc_auc >= 0.85' }
 */
export interface Spec {
  name: string;
  goal?: string;
  why?: string;
  data: {
    /** Absolute path, or the URI unchanged. */
    train: string;
    test?: string;
    target: string;
    id?: string[];
    time?: string;
    ignore?: string[];
    delimiter?: string;
    /** `train`/`test` as written in the spec, for messages. */
    given?: { train: string; test?: string };
  };
  task: SpecTask;
  metric?: (typeof SPEC_METRICS)[number];
  models?: ModelFamily[];
  split: { holdout: number; folds: number; strategy: SplitStrategy; gap?: number };
  /** AutoML budget (pipeline/automl/presets.ts); `max_time` in seconds. */
  budget: { preset?: 'fast' | 'balanced' | 'best'; units?: number; max_time?: number; deploy?: 'refit' | 'bag'; infer_limit_ms?: number };
  seed: number;
  calibration: 'none' | 'sigmoid' | 'isotonic';
  threshold?: { precision: number } | { recall: number };
  fairness?: { sensitive: string[]; bands?: Record<string, number[]>; min_group_size: number; mitigation: 'none' | 'group_thresholds' };
  gates: Gate[];
  deploy?: { name: string; alias: string };
  monitor?: {
    reference: 'train' | 'test';
    drift: 'default' | 'strict' | 'lenient';
    bands?: { numeric?: number; categorical?: number; missing?: number; domain?: number; features?: Record<string, number> };
    window: string;
    rules: string[];
    webhook?: string;
    retrain: boolean;
  };
  /** Absolute path of the spec file, when it came from one. */
  file?: string;
}

