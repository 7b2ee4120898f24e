/** Task inference results: what kind of problem the target makes, and the metric to judge it by. */
export type Task = 'binary' | 'multiclass' | 'regression' | 'text' | 'image';

export interface TaskInference {
  task: Task;
  /** The learning problem under a text/image task: the target is still binary or multiclass. */
  targetKind: 'binary' | 'multiclass' | 'regression';
  /** Why, in one or two sentences, with the numbers that decided it. */
  reason: string;
  classes?: string[];
  /** binary: the class treated as positive (minority class unless the user says otherwise). */
  positiveClass?: string;
  /** The text column that carries the signal (text task), or the pixel columns (image task). */
  textColumn?: string;
  imageShape?: [number, number];
}

export interface MetricRecommendation {
  metric: string;
  /** Further metrics worth reporting beside the main one. */
  secondary: string[];
  reason: string;
  notes: string[];
}
