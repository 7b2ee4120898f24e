/**
 * Where each level of a categorical column sits in a model's known levels, memoised. Prediction
 * matches categories by their level strings (a frame's level order may differ from training), and
 * building that mapping used to cost a Map per column per call — most of a single-row prediction.
 * Frames cut from one column (`take`, `select`) share its levels array, so the mapping is cached
 * on the identity of the two arrays ({@link pairMemo}: the last few frame arrays per model array).
 * Levels arrays only ever grow by appending (a streaming reader); a cached entry is recomputed
 * when a length changed.
 *
 * @example
 * levelPositions(['a', 'b'], ['b', 'z', 'a']); // Int32Array [1, -1, 0]
 */
// Positions of the model's levels, per known-levels array (a model's: long-lived, so weak keys
// cost nothing). A Map from level to position, built once per model column.
const knownIndex = new WeakMap<readonly string[], { length: number; at: Map<string, number> }>();

/**
 * A memo keyed by a pair of arrays, a long-lived one (a model's levels: held weakly) and a
 * short-lived one (a frame's levels), of which only the last few are kept, strongly, compared by
 * identity. Not a WeakMap keyed by the frame's array: a server builds new levels arrays for every
 * request, and V8's young-generation collector keeps WeakMap keys (and their values) alive, so each
 * request's levels would be promoted to the old generation (measured under single-row load: ~700
 * KB promoted per scavenge and 5 ms scavenges, halved without this and the server's request
 * WeakMaps). Eight entries cover the frames one prediction cuts from a column.
 *
 * @example
 * const memo = pairMemo<Int32Array>();
 * memo.get(known, levels) ?? memo.set(known, levels, compute());
 */
export function pairMemo<V>(size = 8): { get(known: readonly string[], levels: readonly string[]): V | undefined; set(known: readonly string[], levels: readonly string[], value: V): V } {
  const recent = new WeakMap<readonly string[], { levels: readonly string[]; length: number; knownLength: number; value: V }[]>();
  return {
    get(known, levels) {
      const list = recent.get(known);
      if (list) for (const e of list) if (e.levels === levels && e.length === levels.length && e.knownLength === known.length) return e.value;
      return undefined;
    },
    set(known, levels, value) {
      let list = recent.get(known);
      if (!list) recent.set(known, (list = []));
      if (list.length >= size) list.shift();
      list.push({ levels, length: levels.length, knownLength: known.length, value });
      return value;
    },
  };
}

const positionsMemo = pairMemo<Int32Array>();

export function levelPositions(known: readonly string[], levels: readonly string[]): Int32Array {
  const hit = positionsMemo.get(known, levels);
  if (hit) return hit;
  let idx = knownIndex.get(known);
  if (!idx || idx.length !== known.length) knownIndex.set(known, (idx = { length: known.length, at: new Map(known.map((l, i) => [l, i])) }));
  const at = idx.at;
  const positions = new Int32Array(levels.length);
  for (let i = 0; i < levels.length; i++) positions[i] = at.get(levels[i]!) ?? -1;
  return positionsMemo.set(known, levels, positions);
}
