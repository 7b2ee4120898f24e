/** The result of `specml analyze`: everything the report and `--json` print. Plain data. */
import type { Issue } from '../core/issue.js';
import type { Profile } from './profile/types.js';
import type { Schema } from './schema/types.js';
import type { MetricRecommendation, TaskInference } from './task.js';

export interface Analysis {
  name: string;
  data: { file: string; format: string; bytes: number; rows: number; columns: number; truncated: boolean; test?: string };
  target: string;
  task: TaskInference;
  metric: MetricRecommendation;
  schema: Schema;
  profile: Profile;
  issues: Issue[];
  /** Seconds spent, for the report footer. */
  seconds: number;
  specmlVersion: string;
}
