/**
 * `hashing_vectorizer`: each text column becomes `n_features` numeric columns `<col>#<j>` of
 * hashed term counts, as sklearn's `HashingVectorizer`: term t goes to bucket |h(t)| mod
 * n_features with h the signed MurmurHash3 (seed 0) of its UTF-8 bytes ({@link murmur3}), and with
 * `alternate_sign` adds -1 instead of +1 when h < 0 so collisions cancel in expectation. Then
 * `binary` (non-zero -> 1) and row normalisation. Stateless: no vocabulary to learn or store,
 * any text works at serving time, but columns cannot be named after terms.
 *
 * Dense output costs n x n_features x 8 bytes; the default 1,024 (sklearn: 2^20, which is only
 * affordable sparse) keeps 10,000 rows at 82 MB. Collisions grow as terms / n_features.
 *
 * @example
 * const model = await new HashingVectorizer({ n_features: 256, ngram_max: 2 }).fit(frame, undefined, { rng: new Rng(1) });
 * model.transform(frame).nCols; // 256 per text column, plus the other columns
 */
import { numericColumn, type Column } from '../core/frame.js';
import { defineParams } from '../core/params.js';
import { murmur3Signed } from './murmur3.js';
import { normalizeRow } from './tfidf.js';
import { ngrams, tokenize } from './tokenize.js';
import { defineTransformer, mapColumns } from './transformer.js';

export const HASHING_VECTORIZER_PARAMS = defineParams({
  n_features: { type: 'int', default: 1024, min: 1, max: 1_048_576, doc: 'output columns per text column; dense output costs n x this x 8 bytes' },
  alternate_sign: { type: 'bool', default: true, doc: 'sign from the hash so collisions cancel in expectation (as sklearn)' },
  lowercase: { type: 'bool', default: true, doc: 'lower-case before tokenising' },
  ngram_min: { type: 'int', default: 1, min: 1, max: 5, doc: 'shortest word n-gram' },
  ngram_max: { type: 'int', default: 1, min: 1, max: 5, doc: 'longest word n-gram' },
  binary: { type: 'bool', default: false, doc: 'non-zero buckets become 1 (after signs are summed, as sklearn)' },
  norm: { type: 'enum', default: 'l2', values: ['l2', 'l1', 'none'], doc: 'row normalisation of each column block' },
});

type HashingState = { columns: string[] };

/**
 * The `hashing_vectorizer` estimator (parameters: {@link HASHING_VECTORIZER_PARAMS}).
 *
 * @example
 * new HashingVectorizer({ n_features: 4096, alternate_sign: false });
 */
export const HashingVectorizer = defineTransformer({
  name: 'hashing_vectorizer',
  params: HASHING_VECTORIZER_PARAMS,
  fit(frame, _t, _ctx, p): HashingState {
    if (p.ngram_min > p.ngram_max) throw new RangeError(`hashing_vectorizer: ngram_min (${p.ngram_min}) exceeds ngram_max (${p.ngram_max})`);
    return { columns: frame.columns.filter((c) => c.kind === 'text').map((c) => c.name) };
  },
  transform(frame, s, p) {
    const names = new Set(s.columns);
    const m = p.n_features;
    return mapColumns(frame, (c) => {
      if (!names.has(c.name) || c.kind !== 'text') return undefined;
      const out = Array.from({ length: m }, () => new Float64Array(frame.nRows));
      c.values.forEach((doc, i) => {
        if (doc === null) return;
        const touched = new Set<number>();
        for (const t of ngrams(tokenize(doc, p.lowercase), p.ngram_min, p.ngram_max)) {
          const h = murmur3Signed(t);
          // |-2^31| overflows int32 in sklearn's C code; it special-cases it the same way.
          const j = h === -2147483648 ? (2147483647 - (m - 1)) % m : Math.abs(h) % m;
          out[j]![i]! += p.alternate_sign && h < 0 ? -1 : 1;
          touched.add(j);
        }
        const cols = [...touched].filter((j) => out[j]![i] !== 0);
        if (p.binary) for (const j of cols) out[j]![i] = 1;
        normalizeRow(out, cols, i, p.norm);
      });
      return out.map((v, j): Column => numericColumn(`${c.name}#${j}`, v, false));
    });
  },
});
