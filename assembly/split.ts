// The GBDT split scan in AssemblyScript, part of the `gbdt` WebAssembly module (compiled with
// assembly/gbdt.ts, which exports `bestNumericSplit`; see that file for the histogram layout).

/** T(G)^2 / (H + l2), with T the L1 soft threshold (src/models/gbdt/splitter.ts leafScore). */
// @ts-ignore: decorator
@inline
function leafScore(g: f64, h: f64, l1: f64, l2: f64): f64 {
  const a = Math.abs(g) - l1;
  const t = a > 0 ? (g > 0 ? a : -a) : 0.0;
  return (t * t) / (h + l2);
}

/**
 * The best numeric split over `feats[0..nFeat)` (categorical features, `isCat[f] = 1`, skipped) of
 * a leaf with histogram `hist`: the scan of `numericSplit` in src/models/gbdt/splitter.ts,
 * operation for operation, so gains and ties come out the same. Reads f64 `params[0..9)`: G, H, C,
 * l1, l2, minC, minH, parent score, gain floor. Writes f64 `out[0..7)`: j (index in feats, -1 if
 * none), gain, bin, missingLeft, leftG, leftH, leftCount. (Records in memory, not arguments, so
 * that worker threads, which get integer arguments, can run it.)
 */
export function bestNumericSplit(histP: usize, featsP: usize, nFeat: i32, offBP: usize, nBinsP: usize, isCatP: usize, paramsP: usize, outP: usize): void {
  const G = load<f64>(paramsP);
  const H = load<f64>(paramsP, 8);
  const C = load<f64>(paramsP, 16);
  const l1 = load<f64>(paramsP, 24);
  const l2 = load<f64>(paramsP, 32);
  const minC = load<f64>(paramsP, 40);
  const minH = load<f64>(paramsP, 48);
  const parent = load<f64>(paramsP, 56);
  const floor = load<f64>(paramsP, 64);
  let bestJ: i32 = -1;
  let bestGain: f64 = -Infinity;
  let bestBin: i32 = -1;
  let bestMissLeft: i32 = 0;
  let bestG: f64 = 0;
  let bestH: f64 = 0;
  let bestC: f64 = 0;
  for (let j = 0; j < nFeat; j++) {
    const f = <usize>load<i32>(featsP + (<usize>j << 2));
    if (load<u8>(isCatP + f)) continue;
    const h0 = histP + <usize>load<i32>(offBP + (f << 2));
    const nb = load<i32>(nBinsP + (f << 2));
    const mo = h0 + <usize>(nb - 1) * 24;
    const mG = load<f64>(mo);
    const mH = load<f64>(mo, 8);
    const mC = load<f64>(mo, 16);
    const passes = mC > 0 ? 2 : 1;
    for (let pass = 0; pass < passes; pass++) {
      let gl: f64 = pass ? mG : 0;
      let hl: f64 = pass ? mH : 0;
      let cl: f64 = pass ? mC : 0;
      for (let b = pass ? -1 : 0; b < nb - 2; b++) {
        if (b >= 0) {
          const o = h0 + <usize>b * 24;
          gl += load<f64>(o);
          hl += load<f64>(o, 8);
          cl += load<f64>(o, 16);
        }
        if (cl < minC || hl < minH) continue;
        const cr = C - cl;
        const hr = H - hl;
        if (cr < minC || hr < minH) break;
        const gr = G - gl;
        const gain = l1 == 0 ? (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parent : leafScore(gl, hl, l1, l2) + leafScore(gr, hr, l1, l2) - parent;
        if (gain > bestGain && gain > floor) {
          bestJ = j;
          bestGain = gain;
          bestBin = b;
          bestMissLeft = pass == 1 || (mC == 0 && cl > cr) ? 1 : 0;
          bestG = gl;
          bestH = hl;
          bestC = cl;
        }
      }
    }
  }
  store<f64>(outP, <f64>bestJ);
  store<f64>(outP, bestGain, 8);
  store<f64>(outP, <f64>bestBin, 16);
  store<f64>(outP, <f64>bestMissLeft, 24);
  store<f64>(outP, bestG, 32);
  store<f64>(outP, bestH, 40);
  store<f64>(outP, bestC, 48);
}
