/**
 * Did-you-mean suggestions for column names, spec keys, enum values and metric names: every
 * "unknown X" message in specml suggests through here, so they all agree on what is close.
 *
 * Distance is optimal string alignment: insertions, deletions, substitutions and swaps of two
 * adjacent letters each cost one (`modle` → `models` is one swap plus one insertion). A candidate
 * is close when its distance is at most max(2, ⌊length/3⌋): catches typos without suggesting
 * unrelated short names.
 *
 * @example
 * closest('trget', ['train', 'target']); // 'target'
 * closeMatches('saleprice', ['SalePrice', 'LotArea']); // ['SalePrice']
 */

/** Edit distance with adjacent transpositions counted as one edit (O(|a|·|b|) time). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

function threshold(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

/** The closest candidate (case-insensitive), if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return closeMatches(word, candidates, 1, false)[0];
}

/**
 * Up to `k` close candidates, closest first. With `containment` (the default), a candidate that
 * contains the word or is contained in it ("Price" for "SalePrice") ranks between a one- and a
 * two-letter typo.
 */
export function closeMatches(word: string, candidates: readonly string[], k = 3, containment = true): string[] {
  const w = word.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const n = c.toLowerCase();
    let d = n === w ? 0 : editDistance(w, n);
    if (containment && d > 0 && w.length >= 3 && n.length >= 3 && (n.includes(w) || w.includes(n))) d = Math.min(d, 1.5);
    if (d <= threshold(word)) scored.push([c, d]);
  }
  // Stable on ties: candidates keep their given order.
  scored.sort((a, b) => a[1] - b[1]);
  return scored.slice(0, k).map((s) => s[0]);
}
