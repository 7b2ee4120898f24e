/**
 * MurmurHash3 x86 32-bit (Austin Appleby, public domain) over the UTF-8 bytes of a string: the
 * hash sklearn's `HashingVectorizer` uses (`murmurhash3_32(token, seed=0)`), written here so a
 * hashed feature index never changes with a dependency upgrade and matches sklearn bit for bit.
 *
 * @example
 * murmur3('hello');        // 613153351 (unsigned)
 * murmur3Signed('hello');  // 613153351 (as sklearn's positive=False)
 */
const encoder = new TextEncoder();

/**
 * The unsigned 32-bit MurmurHash3 of `text` (UTF-8) with `seed`.
 *
 * @example
 * murmur3('', 0); // 0
 */
export function murmur3(text: string, seed = 0): number {
  const data = encoder.encode(text);
  const n = data.length;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const blocks = n & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = n & 3;
  if (tail > 0) {
    let k = data[blocks]!;
    if (tail > 1) k ^= data[blocks + 1]! << 8;
    if (tail > 2) k ^= data[blocks + 2]! << 16;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The same hash as a signed 32-bit integer (sklearn's `positive=False`).
 *
 * @example
 * murmur3Signed('hello') | 0; // same bits as murmur3('hello')
 */
export function murmur3Signed(text: string, seed = 0): number {
  return murmur3(text, seed) | 0;
}
