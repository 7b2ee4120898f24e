/**
 * Where each level of a categorical column sits in a model's known levels, memoised. Prediction
 * matches categories by their level strings (a frame's level order may differ from training), and
 * building that mapping used to cost a Map per column per call — most of a single-row prediction.
 * Frames cut from one column (`take`, `select`) share its levels array, so the mapping is cached
 * on the identity of the two arrays (weakly: it goes with them). Levels arrays only ever grow by
 * appending (a streaming reader); a cached entry is recomputed when the length changed.
 *
 * @example
 * levelPositions(['a', 'b'], ['b', 'z', 'a']); // Int32Array [1, -1, 0]
 */
const memo = new WeakMap<readonly string[], WeakMap<readonly string[], { length: number; positions: Int32Array }>>();

export function levelPositions(known: readonly string[], levels: readonly string[]): Int32Array {
  let inner = memo.get(known);
  if (!inner) memo.set(known, (inner = new WeakMap()));
  const hit = inner.get(levels);
  if (hit && hit.length === levels.length && known.length === knownLength.get(known)) return hit.positions;
  const at = new Map(known.map((l, i) => [l, i]));
  const positions = Int32Array.from(levels, (l) => at.get(l) ?? -1);
  inner.set(levels, { length: levels.length, positions });
  knownLength.set(known, known.length);
  return positions;
}

const knownLength = new WeakMap<readonly string[], number>();
