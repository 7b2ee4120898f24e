/**
 * Alert rules of the spec's `monitor:` section, checked against a monitoring report, and the
 * events they raise: one JSON line per tripped rule appended to the store's monitor log, and a POST
 * to a webhook with retries (3 tries, 0.5 s then 1 s apart, 5 s timeout each; 4xx answers other
 * than 408/429 are not retried). A webhook that stays down is reported, never fatal: the event is
 * in the log either way.
 *
 * A rule is `PATH` (true when the value is true) or `PATH OP NUMBER` with OP one of
 * >= > <= < == !=. Paths: `drift.detected`, `drift.share_drifted`, `drift.importance_drifted`,
 * `prediction.drifted`, `domain.auc`, `domain.drifted`, `performance.<metric>`,
 * `performance.<metric>.worse`, `estimated.<metric>`, `contract.ok`, `contract.broken`.
 *
 * @example
 * const tripped = checkRules(['drift.detected', 'performance.roc_auc < 0.75'], report);
 * await raiseAlerts(tripped, report, { logFile: '.specml/monitor-events.jsonl', webhook: url });
 */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import type { MonitorReport } from './monitor.js';

export interface Rule {
  text: string;
  path: string;
  op?: '>=' | '>' | '<=' | '<' | '==' | '!=';
  value?: number;
}

export interface TrippedRule {
  rule: string;
  value: number | boolean | null;
}

export function parseRule(text: string): Rule {
  const m = /^\s*([a-z_]+(?:\.[a-z0-9_]+)*)\s*(?:(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?))?\s*$/i.exec(text);
  if (!m) {
    throw new SpecmlError('spec.bad_monitor_rule', `monitor rule '${text}' is not PATH or PATH OP NUMBER`, { hint: "e.g. 'drift.detected', 'drift.share_drifted > 0.3', 'performance.roc_auc < 0.75' (OP: >= > <= < == !=)." });
  }
  return { text: text.trim(), path: m[1]!, ...(m[2] ? { op: m[2] as Rule['op'], value: Number(m[3]) } : {}) };
}

/** The value a rule path names in a report (null when the report has no such measurement). */
export function ruleValue(report: MonitorReport, p: string): number | boolean | null {
  const [head, name, leaf] = p.split('.');
  switch (head) {
    case 'drift':
      if (name === 'detected') return report.drift.detected;
      if (name === 'share_drifted') return report.drift.share_drifted;
      if (name === 'importance_drifted') return report.drift.importance_drifted ?? null;
      break;
    case 'prediction':
      if (name === 'drifted') return report.drift.prediction?.drifted ?? null;
      break;
    case 'domain':
      if (name === 'auc') return report.domain?.auc ?? null;
      if (name === 'drifted') return report.domain?.drifted ?? null;
      break;
    case 'performance': {
      const mt = report.performance?.metrics[name ?? ''];
      if (!mt) return null;
      return leaf === 'worse' ? mt.worse : leaf === undefined ? mt.value : null;
    }
    case 'estimated': {
      const v = report.estimated?.[name as 'accuracy' | 'roc_auc' | 'precision' | 'recall'];
      return typeof v === 'number' ? v : null;
    }
    case 'contract':
      if (name === 'ok') return report.contract.ok;
      if (name === 'broken') return !report.contract.ok;
      break;
  }
  throw new SpecmlError('spec.bad_monitor_rule', `monitor rule path '${p}' names nothing in a monitoring report`, {
    hint: 'Paths: drift.detected, drift.share_drifted, drift.importance_drifted, prediction.drifted, domain.auc, domain.drifted, performance.<metric>, performance.<metric>.worse, estimated.<metric>, contract.ok, contract.broken.',
  });
}

/** The rules that trip on this report; a rule whose value is unknown (no labels, say) does not trip. */
export function checkRules(rules: readonly string[], report: MonitorReport): TrippedRule[] {
  const out: TrippedRule[] = [];
  for (const text of rules) {
    const r = parseRule(text);
    const v = ruleValue(report, r.path);
    if (v === null) continue;
    let hit: boolean;
    if (!r.op) hit = v === true;
    else {
      const x = typeof v === 'boolean' ? Number(v) : v;
      const y = r.value!;
      hit = r.op === '>=' ? x >= y : r.op === '>' ? x > y : r.op === '<=' ? x <= y : r.op === '<' ? x < y : r.op === '==' ? x === y : x !== y;
    }
    if (hit) out.push({ rule: r.text, value: v });
  }
  return out;
}

export interface AlertEvent {
  type: 'specml.monitor.alert';
  at: string;
  model: string;
  window: string;
  rules: TrippedRule[];
  drifted_features: string[];
}

export interface AlertDelivery {
  event: AlertEvent;
  logged: string | null;
  webhook?: { url: string; ok: boolean; attempts: number; status?: number; error?: string };
}

/** Writes the event to the log file and posts it to the webhook (when given). */
export async function raiseAlerts(tripped: TrippedRule[], report: MonitorReport, o: { logFile?: string; webhook?: string; now?: Date; retryDelaysMs?: number[]; timeoutMs?: number }): Promise<AlertDelivery | undefined> {
  if (tripped.length === 0) return undefined;
  const event: AlertEvent = { type: 'specml.monitor.alert', at: (o.now ?? new Date()).toISOString(), model: report.model.name, window: report.window.source, rules: tripped, drifted_features: report.drift.drifted_features };
  let logged: string | null = null;
  if (o.logFile) {
    await mkdir(path.dirname(o.logFile), { recursive: true });
    // One line per event, appended with a single write: a crash leaves whole lines only.
    await appendFile(o.logFile, JSON.stringify(event) + '\n');
    logged = o.logFile;
  }
  const delivery: AlertDelivery = { event, logged };
  if (o.webhook) delivery.webhook = await postWithRetries(o.webhook, event, o.retryDelaysMs ?? [500, 1000], o.timeoutMs ?? 5000);
  return delivery;
}

async function postWithRetries(url: string, body: unknown, delays: number[], timeoutMs: number): Promise<NonNullable<AlertDelivery['webhook']>> {
  let attempts = 0;
  let last: { status?: number; error?: string } = {};
  for (;;) {
    attempts++;
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { url, ok: true, attempts, status: res.status };
      last = { status: res.status, error: `HTTP ${res.status}` };
      if (res.status < 500 && res.status !== 408 && res.status !== 429) break;
    } catch (e) {
      last = { error: (e as Error).message };
    }
    const wait = delays[attempts - 1];
    if (wait === undefined) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  return { url, ok: false, attempts, ...last };
}
