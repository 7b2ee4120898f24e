/**
 * Grown trees (over bins) to the flat {@link TreeEnsemble} (over raw values): bin thresholds
 * become float32 edge values, categorical bin sets become bitsets over training category codes.
 * This is the only bridge from training structures to the serving ones.
 *
 * @example
 * const ens = flatten(result.init, result.trees, mappers);
 */
import type { BinMapper } from './binning.js';
import type { GrownTree } from './grower.js';
import type { TreeEnsemble } from './predictor.js';

/**
 * Concatenates trees into flat arrays (layout in predictor.ts).
 *
 * @example
 * flatten(new Float64Array([0]), trees, mappers).root.length === trees.length;
 */
export function flatten(init: Float64Array, trees: readonly GrownTree[], mappers: readonly BinMapper[]): TreeEnsemble {
  let nodes = 0;
  let leaves = 0;
  for (const t of trees) {
    nodes += t.feature.length;
    leaves += t.leafValue.length;
  }
  const e: TreeEnsemble = {
    nOutputs: init.length,
    init: Float64Array.from(init),
    root: new Int32Array(trees.length),
    feature: new Int32Array(nodes),
    threshold: new Float32Array(nodes),
    catSet: new Int32Array(nodes).fill(-1),
    catOffset: new Int32Array(0),
    catBits: new Uint32Array(0),
    missingLeft: new Uint8Array(nodes),
    left: new Int32Array(nodes),
    right: new Int32Array(nodes),
    leafValue: new Float64Array(leaves),
  };
  const catOffset: number[] = [0];
  const catBits: number[] = [];
  let nodeBase = 0;
  let leafBase = 0;
  trees.forEach((t, ti) => {
    e.root[ti] = t.feature.length ? nodeBase : ~leafBase;
    const child = (c: number): number => (c >= 0 ? c + nodeBase : ~(~c + leafBase));
    for (let j = 0; j < t.feature.length; j++) {
      const at = nodeBase + j;
      const f = t.feature[j]!;
      const m = mappers[f]!;
      e.feature[at] = f;
      e.missingLeft[at] = t.missingLeft[j] ? 1 : 0;
      e.left[at] = child(t.left[j]!);
      e.right[at] = child(t.right[j]!);
      const cat = t.catLeft[j];
      if (m.kind === 'categorical' && cat) {
        const words = new Array<number>(Math.ceil(m.levelBin.length / 32) || 1).fill(0);
        for (let code = 0; code < m.levelBin.length; code++) {
          const b = m.levelBin[code]!;
          if (b < m.nBins - 1 && cat[b] === 1) words[code >>> 5] = (words[code >>> 5]! | (1 << (code & 31))) >>> 0;
        }
        e.catSet[at] = catOffset.length - 1;
        catBits.push(...words);
        catOffset.push(catBits.length);
      } else if (m.kind === 'numeric') {
        // bin -1 is "missing alone goes left": no value is <= -Infinity.
        e.threshold[at] = t.bin[j]! < 0 ? -Infinity : m.edges[t.bin[j]!]!;
      }
    }
    t.leafValue.forEach((v, l) => (e.leafValue[leafBase + l] = v));
    nodeBase += t.feature.length;
    leafBase += t.leafValue.length;
  });
  e.catOffset = Int32Array.from(catOffset);
  e.catBits = Uint32Array.from(catBits);
  return e;
}
