/**
 * `tfidf`: each text column becomes one numeric column per vocabulary term, `<col>:<term>`, as
 * sklearn's `TfidfVectorizer` (tokens from {@link tokenize}, n-grams, document-frequency pruning,
 * `max_features` by total term count, smooth idf, optional sublinear tf, row normalisation).
 * Other kinds pass through; a missing text is an empty document (a row of zeros).
 *
 * Representation: dense numeric columns, because a Frame has no sparse column yet. Memory is
 * n x features x 8 bytes per text column: with the default `max_features` 2,000, 10,000 rows take
 * 160 MB. That default (sklearn: no limit) keeps the common case in memory; raise it knowingly,
 * or use `hashing_vectorizer` for a fixed width without a vocabulary.
 *
 * Vocabulary order is code-point order of the terms (as sklearn). When terms tie on count at the
 * `max_features` cut, the earlier term wins (sklearn's unstable argsort leaves it unspecified).
 *
 * @example
 * const model = await new Tfidf({ ngram_max: 2, sublinear_tf: true }).fit(frame, undefined, { rng: new Rng(1) });
 * model.transform(frame).names; // ['review:bad', 'review:bad movie', ...]
 */
import { numericColumn, type Column } from '../core/frame.js';
import { defineParams, type ParamsOf } from '../core/params.js';
import { compareStrings } from './stats.js';
import { ngrams, tokenize } from './tokenize.js';
import { defineTransformer, mapColumns } from './transformer.js';
import { log } from '../core/math.js';

export const TFIDF_PARAMS = defineParams({
  lowercase: { type: 'bool', default: true, doc: 'lower-case before tokenising (as sklearn)' },
  ngram_min: { type: 'int', default: 1, min: 1, max: 5, doc: 'shortest word n-gram' },
  ngram_max: { type: 'int', default: 1, min: 1, max: 5, doc: 'longest word n-gram (2 adds word pairs; the vocabulary grows fast)' },
  min_df: { type: 'float', default: 1, min: 0, doc: 'keep terms in at least this many documents; below 1 a fraction of documents' },
  max_df: { type: 'float', default: 1, min: 0, max: 1, exclusiveMin: true, doc: 'drop terms in more than this fraction of documents (1: keep all)' },
  max_features: { type: 'int', default: 2000, min: 1, max: 1_000_000, doc: 'keep the most frequent terms (by total count); dense output costs n x this x 8 bytes' },
  binary: { type: 'bool', default: false, doc: 'term presence (0/1) instead of counts' },
  sublinear_tf: { type: 'bool', default: false, doc: 'tf -> 1 + ln(tf), damping repeated words' },
  use_idf: { type: 'bool', default: true, doc: 'weight by inverse document frequency' },
  smooth_idf: { type: 'bool', default: true, doc: 'idf = ln((1 + n) / (1 + df)) + 1, as if one document held every term (as sklearn)' },
  norm: { type: 'enum', default: 'l2', values: ['l2', 'l1', 'none'], doc: 'row normalisation of each column block' },
});

type TfidfParams = ParamsOf<typeof TFIDF_PARAMS>;
type TfidfState = { columns: { name: string; terms: string[]; idf: Float64Array }[] };

/**
 * The `tfidf` estimator (parameters: {@link TFIDF_PARAMS}).
 *
 * @example
 * new Tfidf({ min_df: 2, max_features: 500 });
 */
export const Tfidf = defineTransformer({
  name: 'tfidf',
  params: TFIDF_PARAMS,
  fit(frame, _t, _ctx, p): TfidfState {
    if (p.ngram_min > p.ngram_max) throw new RangeError(`tfidf: ngram_min (${p.ngram_min}) exceeds ngram_max (${p.ngram_max})`);
    const columns: TfidfState['columns'] = [];
    for (const c of frame.columns) if (c.kind === 'text') columns.push({ name: c.name, ...vocabulary(c.values, p) });
    return { columns };
  },
  transform(frame, s, p) {
    const byName = new Map(s.columns.map((c) => [c.name, c]));
    return mapColumns(frame, (c) => {
      const spec = byName.get(c.name);
      if (!spec || c.kind !== 'text') return undefined;
      const index = new Map(spec.terms.map((t, j) => [t, j]));
      const out = spec.terms.map(() => new Float64Array(frame.nRows));
      c.values.forEach((doc, i) => {
        const counts = new Map<number, number>();
        for (const t of terms(doc, p)) {
          const j = index.get(t);
          if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
        }
        for (const [j, n] of counts) {
          const tf = p.binary ? 1 : p.sublinear_tf ? 1 + log(n) : n;
          out[j]![i] = p.use_idf ? tf * spec.idf[j]! : tf;
        }
        normalizeRow(out, [...counts.keys()], i, p.norm);
      });
      return out.map((v, j): Column => numericColumn(`${c.name}:${spec.terms[j]!}`, v, false));
    });
  },
});

function terms(doc: string | null, p: TfidfParams): string[] {
  return doc === null ? [] : ngrams(tokenize(doc, p.lowercase), p.ngram_min, p.ngram_max);
}

/**
 * Scales row `i` over the non-zero columns `cols` to unit l1 or l2 norm (zero rows stay zero).
 *
 * @example
 * const out = [Float64Array.of(3), Float64Array.of(4)];
 * normalizeRow(out, [0, 1], 0, 'l2'); // out: [[0.6], [0.8]]
 */
export function normalizeRow(out: Float64Array[], cols: readonly number[], i: number, norm: string): void {
  if (norm === 'none') return;
  let s = 0;
  for (const j of cols) s += norm === 'l2' ? out[j]![i]! * out[j]![i]! : Math.abs(out[j]![i]!);
  if (norm === 'l2') s = Math.sqrt(s);
  if (s > 0) for (const j of cols) out[j]![i]! /= s;
}

/** Vocabulary and idf from training documents; O(total n-grams) time, O(distinct terms) memory. */
function vocabulary(docs: readonly (string | null)[], p: TfidfParams): { terms: string[]; idf: Float64Array } {
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const t of terms(doc, p)) {
      tf.set(t, (tf.get(t) ?? 0) + 1);
      if (!seen.has(t)) {
        seen.add(t);
        df.set(t, (df.get(t) ?? 0) + 1);
      }
    }
  }
  const n = docs.length;
  const low = p.min_df >= 1 ? p.min_df : p.min_df * n;
  const high = p.max_df * n;
  let kept = [...df.keys()].sort(compareStrings).filter((t) => df.get(t)! >= low && df.get(t)! <= high);
  if (kept.length > p.max_features) {
    const rank = kept.map((t, j) => ({ t, j, c: tf.get(t)! })).sort((a, b) => b.c - a.c || a.j - b.j);
    kept = rank
      .slice(0, p.max_features)
      .sort((a, b) => a.j - b.j)
      .map((r) => r.t);
  }
  const idf = Float64Array.from(kept, (t) => {
    const d = df.get(t)!;
    return p.smooth_idf ? log((1 + n) / (1 + d)) + 1 : log(n / d) + 1;
  });
  return { terms: kept, idf };
}

