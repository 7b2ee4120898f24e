/**
 * Word tokens and n-grams for the text vectorisers, matching sklearn's default analyser:
 * optional lower-casing, then the token pattern `(?u)\b\w\w+\b` (two or more word characters),
 * then word n-grams joined by one space.
 *
 * Python's Unicode `\w` is letters, numbers and underscore ([\p{L}\p{N}_]; combining marks are
 * not word characters), and a `\b\w\w+\b` match is exactly a maximal run of such characters of
 * length two or more, which is what {@link TOKEN} finds. JavaScript's own `\b`/`\w` are ASCII-only
 * even with the `u` flag, so the class is spelled out.
 *
 * @example
 * tokenize('The cat, the CAT!', true); // ['the', 'cat', 'the', 'cat']
 * ngrams(['a1', 'b2', 'c3'], 1, 2);    // ['a1', 'b2', 'c3', 'a1 b2', 'b2 c3']
 */

/** Maximal runs of two or more Unicode word characters. */
export const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

/**
 * The tokens of `text`, in order.
 *
 * @example
 * tokenize('naïve café', false); // ['naïve', 'café']
 */
export function tokenize(text: string, lowercase: boolean): string[] {
  return (lowercase ? text.toLowerCase() : text).match(TOKEN) ?? [];
}

/**
 * Word n-grams for n in [minN, maxN], shortest first, as sklearn's `_word_ngrams`.
 *
 * @example
 * ngrams(['new', 'york', 'city'], 2, 2); // ['new york', 'york city']
 */
export function ngrams(tokens: readonly string[], minN: number, maxN: number): string[] {
  if (minN === 1 && maxN === 1) return [...tokens];
  const out: string[] = [];
  for (let n = minN; n <= maxN; n++) for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}
