/** How long-lived a logged prediction is once acknowledged: see `Store.logPredictions`. */
export type LogDurability = 'crash' | 'power';

/**
 * The tracking store's contract (STYLE.md §7, after Optuna's `storages/_base.py`): what a run, a
 * model version and an alias move are, and the rules every store keeps. `checkStore` (check-store.ts)
 * proves an implementation keeps them.
 *
 * Rules:
 * 1. A run is created `running`; the only legal moves are `running -> finished | failed | killed`.
 *    Anything else is a `store.illegal_transition` error.
 * 2. A run that is not `running` is immutable: logging params, metrics, tags or artifacts to it is a
 *    `store.run_finished` error. What a finished run says can be trusted to stay said.
 * 3. A param is written once per run (a second, different value is `store.param_changed`): params
 *    describe what was run, not what happened.
 * 4. Metrics are a history: (key, step) pairs may repeat, nothing is overwritten, reads return
 *    them in the order they were logged.
 * 5. Model versions are numbered 1, 2, 3... per model name, never reused, never deleted; each names
 *    the run it came from (lineage) and the content hash of its package.
 * 6. An alias points at one version of one model. Every move (set, promote, rollback, remove) is
 *    appended to the model's audit history with the previous version, the new one, who and why;
 *    the history is append-only. A rollback moves an alias back to the version it held before its
 *    latest move.
 * 7. Writes are atomic: a crash (kill -9) leaves every record either written or absent; a write
 *    whose promise resolved survives a crash.
 * 8. The prediction log is append-only: a record whose (id, role) is already logged is ignored,
 *    the first one stays; a label joins a served prediction once (a second label for the same id
 *    is refused as unknown).
 *
 * @example
 * const store = await openStore('sqlite:.specml/store.db');
 * const run = await store.createRun({ experiment: 'credit-risk', seed: 42 });
 * await store.logMetric(run.id, 'roc_auc', 0.81);
 * await store.finishRun(run.id, 'finished');
 */

/** A run's life: created running, then exactly one final state. */
export type RunStatus = 'running' | 'finished' | 'failed' | 'killed';

/** JSON-safe values for params and summaries. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One logged metric value.
 *
 * @example
 * const m: MetricPoint = { key: 'cv_roc_auc', value: 0.82, step: 3, at: 1764150000000 };
 */
/** One prediction as the server logged it (`specml serve`; monitoring reads these). */
export interface PredictionRecord {
  /** `<request id>/<row index>`. */
  id: string;
  /** 'served' answered the request; 'shadow' scored it beside the answer and was not returned. */
  role: 'served' | 'shadow';
  model: string;
  version: string;
  /** Milliseconds since the epoch. */
  at: number;
  input: Record<string, JsonValue>;
  output: Record<string, JsonValue>;
  latencyMs: number;
  requestId: string;
  clientRequestId?: string;
}

/** A rollout change as the store keeps it: states are the server's (serve/rollout.ts), as JSON. */
export interface RolloutEventRecord {
  seq: number;
  name: string;
  /** start, advance, promote, rollback. */
  action: string;
  from: JsonValue;
  to: JsonValue;
  reason: string;
  actor: string;
  at: number;
}

export interface PredictionFilter {
  model?: string;
  role?: 'served' | 'shadow';
  /** From this time (ms since the epoch), inclusive. */
  since?: number;
  /** The first `limit` matching records, oldest first. */
  limit?: number;
  /** The latest `last` matching records (still oldest first); with `limit`, `limit` wins. */
  last?: number;
}

export interface MetricPoint {
  key: string;
  value: number;
  /** Fold, round or epoch; 0 for a single value. */
  step: number;
  /** Milliseconds since the epoch. */
  at: number;
}

/**
 * A file kept with a run, stored once by content.
 *
 * @example
 * const a: ArtifactRef = { name: 'report.html', sha256: 'ab12…', bytes: 48213 };
 */
export interface ArtifactRef {
  name: string;
  sha256: string;
  bytes: number;
}

/** What a run starts with. */
export interface RunInput {
  /** Groups runs, e.g. the spec's name. */
  experiment: string;
  seed?: number;
  params?: Record<string, JsonValue>;
  tags?: Record<string, string>;
  /** sha256 of the spec as loaded. */
  specHash?: string;
  /** Input name -> sha256 of the file. */
  data?: Record<string, string>;
  specmlVersion?: string;
  /** Node version, platform, CPU count... */
  environment?: Record<string, string>;
}

/**
 * A run as stored.
 *
 * @example
 * const r: Run = await store.getRun(id);
 * r.status; // 'finished'
 */
export interface Run {
  id: string;
  experiment: string;
  status: RunStatus;
  /** ms since the epoch */
  startedAt: number;
  endedAt: number | null;
  seed: number | null;
  specHash: string | null;
  specmlVersion: string | null;
  params: Record<string, JsonValue>;
  tags: Record<string, string>;
  data: Record<string, string>;
  environment: Record<string, string>;
  metrics: MetricPoint[];
  artifacts: ArtifactRef[];
  /** A short machine-readable summary written when the run ends (e.g. the --json document). */
  summary: JsonValue | null;
}

/**
 * A registered model version.
 *
 * @example
 * const v: ModelVersion = await store.registerModel({ name: 'credit-risk', runId, packageDir, packageSha256 });
 * v.version; // 1
 */
export interface ModelVersion {
  name: string;
  version: number;
  /** The run that produced it (lineage); null when registered from outside a run. */
  runId: string | null;
  /** Where the package lives (inside the store's folder). */
  packageDir: string;
  packageSha256: string;
  createdAt: number;
  /** Headline metrics and gate verdicts, for listings. */
  summary: JsonValue | null;
}

/** What a registration needs. */
export interface ModelVersionInput {
  name: string;
  runId?: string;
  packageDir: string;
  packageSha256: string;
  summary?: JsonValue;
}

/** Kinds of alias moves in the audit history. */
export type AliasAction = 'set' | 'rollback' | 'remove';

/**
 * One entry of a model's append-only audit history.
 *
 * @example
 * const e: AliasEvent = { seq: 3, name: 'credit-risk', alias: 'champion', action: 'set', from: 1, to: 2, actor: 'ci', reason: 'gates passed', at: 1764150000000 };
 */
export interface AliasEvent {
  /** Increases with every event of the store. */
  seq: number;
  name: string;
  alias: string;
  action: AliasAction;
  /** Version before the move (null when the alias was new). */
  from: number | null;
  /** Version after the move (null when removed). */
  to: number | null;
  actor: string;
  reason: string;
  at: number;
}

/** Who moves an alias and why (recorded in the history). */
export interface MoveNote {
  actor?: string;
  reason?: string;
}

/** Filters for {@link Store.listRuns}. */
export interface RunFilter {
  experiment?: string;
  status?: RunStatus;
  /** Most recent first; default 100. */
  limit?: number;
}

/**
 * The store: runs, artifacts and the model registry. Implementations: SQLite (sqlite-store.ts);
 * all methods are async so that a networked store (PostgreSQL) fits the same interface.
 */
export interface Store {
  /** The URI it was opened with (`sqlite:/abs/path.db`). */
  readonly uri: string;
  /** Folder for content-addressed artifacts and registered packages. */
  readonly root: string;

  createRun(input: RunInput): Promise<Run>;
  getRun(id: string): Promise<Run>;
  listRuns(filter?: RunFilter): Promise<Run[]>;
  logParams(id: string, params: Record<string, JsonValue>): Promise<void>;
  logMetric(id: string, key: string, value: number, step?: number): Promise<void>;
  setTags(id: string, tags: Record<string, string>): Promise<void>;
  /** Stores `bytes` by content (once per distinct content) and attaches it to the run as `name`. */
  logArtifact(id: string, name: string, bytes: Uint8Array): Promise<ArtifactRef>;
  readArtifact(sha256: string): Promise<Uint8Array>;
  /** Ends a running run (rule 1); `summary` is kept with it. */
  finishRun(id: string, status: Exclude<RunStatus, 'running'>, summary?: JsonValue): Promise<Run>;

  registerModel(input: ModelVersionInput): Promise<ModelVersion>;
  getModelVersion(name: string, version: number): Promise<ModelVersion>;
  listModels(): Promise<{ name: string; latest: number; aliases: Record<string, number> }[]>;
  listVersions(name: string): Promise<ModelVersion[]>;
  /** Alias -> version for one model. */
  aliases(name: string): Promise<Record<string, number>>;
  setAlias(name: string, alias: string, version: number, note?: MoveNote): Promise<AliasEvent>;
  /** Moves the alias back to the version it held before its latest move (rule 6). */
  rollbackAlias(name: string, alias: string, note?: MoveNote): Promise<AliasEvent>;
  removeAlias(name: string, alias: string, note?: MoveNote): Promise<AliasEvent>;
  history(name: string): Promise<AliasEvent[]>;

  /**
   * Appends prediction records as one batch (all or none of it is logged): durable when the
   * promise resolves (rule 7); visible to `listPredictions` and `addFeedback` from then on.
   * `durability: 'crash'` (what a server uses by default) asks only for rule 7 — the records
   * survive a crash or kill -9 of this process — and lets a store skip waiting for the disk;
   * `'power'` (the default here) also waits until they would survive an OS crash or power loss.
   */
  logPredictions(records: readonly PredictionRecord[], options?: { durability?: LogDurability }): Promise<void>;
  /** Logged predictions, oldest first. */
  listPredictions(filter?: PredictionFilter): Promise<PredictionRecord[]>;
  /** Joins labels to served predictions by id; ids not in the log (or already labelled) come back in `unknown`. */
  addFeedback(model: string, labels: readonly { id: string; label: JsonValue }[]): Promise<{ accepted: number; unknown: string[] }>;
  /** Labels given for predictions, by prediction id. */
  feedbackFor(ids: readonly string[]): Promise<Map<string, JsonValue>>;
  /** Records a rollout change made by a server (append-only, like the alias history). */
  logRolloutEvent(e: Omit<RolloutEventRecord, 'seq' | 'at'>): Promise<RolloutEventRecord>;
  /** A model's rollout changes, oldest first. */
  rolloutEvents(name: string): Promise<RolloutEventRecord[]>;

  close(): Promise<void>;
}
