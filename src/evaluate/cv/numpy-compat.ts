/**
 * Bit-for-bit copies of the two numpy 1.24 internals whose exact behaviour decides scikit-learn's
 * grouped folds: `np.argsort`'s default (unstable) introsort, which orders tied group sizes, and
 * numpy's pairwise summation, whose rounding decides near-ties in StratifiedGroupKFold.
 *
 * Ported from numpy/core/src/npysort/quicksort.cpp, heapsort.cpp and umath/loops_utils.h.src.
 * Newer numpy can dispatch argsort to an AVX-512 sort with a different tie order; the goldens in
 * test/golden/cv pin the numpy this copies.
 *
 * @example
 * numpyArgsort([2, 1, 2, 1]); // Int32Array [1, 3, 0, 2] (ties: whatever numpy's introsort leaves)
 */

/** numpy's SMALL_QUICKSORT: ranges with pr - pl <= 15 (16 or fewer elements) are insertion-sorted. */
const SMALL_QUICKSORT = 15;

/**
 * `np.argsort(values)` with the default kind ('quicksort' = introsort) for an integer or float
 * array without NaN. Returns the permutation `Int32Array[n]`.
 *
 * @example
 * numpyArgsort(Float64Array.of(3, 1, 2)); // [1, 2, 0]
 */
export function numpyArgsort(values: ArrayLike<number>): Int32Array {
  const num = values.length;
  const a = Int32Array.from({ length: num }, (_, i) => i);
  if (num < 2) return a;
  const v = values;
  const stack: number[] = [];
  const depthStack: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = 2 * Math.floor(Math.log2(num)); // npy_get_msb(num) * 2
  const swap = (i: number, j: number): void => {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  };
  for (;;) {
    if (cdepth < 0) {
      heapsortRange(v, a, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        // Median of three, pivot parked at pr - 1, Hoare-style partition.
        const pm = pl + ((pr - pl) >> 1);
        if (v[a[pm]!]! < v[a[pl]!]!) swap(pm, pl);
        if (v[a[pr]!]! < v[a[pm]!]!) swap(pr, pm);
        if (v[a[pm]!]! < v[a[pl]!]!) swap(pm, pl);
        const vp = v[a[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (v[a[pi]!]! < vp);
          do --pj;
          while (vp < v[a[pj]!]!);
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // Push the larger partition, continue with the smaller.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depthStack.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = a[pi]!;
        const vpv = v[vi]!;
        let pj = pi;
        while (pj > pl && vpv < v[a[pj - 1]!]!) {
          a[pj] = a[pj - 1]!;
          pj--;
        }
        a[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depthStack.pop()!;
  }
  return a;
}

/** numpy's aheapsort on `a[start .. start+n)`, the introsort fallback when recursion runs deep. */
function heapsortRange(v: ArrayLike<number>, a: Int32Array, start: number, n: number): void {
  // numpy indexes the heap from 1: a1[i] is a[start + i - 1].
  const at = (i: number): number => a[start + i - 1]!;
  const set = (i: number, x: number): void => {
    a[start + i - 1] = x;
  };
  const siftDown = (tmp: number, i: number, size: number): void => {
    let j = i << 1;
    while (j <= size) {
      if (j < size && v[at(j)]! < v[at(j + 1)]!) j += 1;
      if (v[tmp]! < v[at(j)]!) {
        set(i, at(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  };
  for (let l = n >> 1; l > 0; --l) siftDown(at(l), l, n);
  for (let size = n; size > 1; ) {
    const tmp = at(size);
    set(size, at(1));
    size -= 1;
    siftDown(tmp, 1, size);
  }
}

/**
 * numpy's pairwise summation of `a[off], a[off+stride], …` (n terms), as `np.sum` uses on a
 * contiguous axis: plain loop below 8 terms, 8 accumulators up to 128, halving above.
 *
 * @example
 * pairwiseSum(Float64Array.of(0.1, 0.2, 0.3), 0, 3, 1); // 0.6000000000000001, as np.sum
 */
export function pairwiseSum(a: ArrayLike<number>, off: number, n: number, stride: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[off + i * stride]!;
    return res;
  }
  if (n <= 128) {
    const r = new Float64Array(8);
    for (let j = 0; j < 8; j++) r[j] = a[off + j * stride]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += a[off + (i + j) * stride]!;
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) res += a[off + i * stride]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, off, n2, stride) + pairwiseSum(a, off + n2 * stride, n - n2, stride);
}
