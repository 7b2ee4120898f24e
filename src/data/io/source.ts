/**
 * Byte sources for the streaming readers: a file is read in chunks, never whole, and `.gz` files
 * are decompressed as a stream.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/**
 * Chunk size. 4 MiB keeps the number of reads (and per-read overhead) small on a 200 MB file while
 * fitting comfortably in L3-adjacent memory; smaller chunks measured slower in bench/csv-load.mjs.
 */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** Counts bytes read from disk (compressed bytes for `.gz`), for `RawTable.source.bytes`. */
export interface ByteCounter {
  bytes: number;
}

/** True when the path names a gzip file by extension. */
export function isGzipPath(file: string): boolean {
  return file.toLowerCase().endsWith('.gz');
}

/**
 * Yields the (decompressed) bytes of a file in chunks. A yielded chunk is only valid until the next
 * one is requested (plain files reuse two buffers), so consumers copy what they keep.
 *
 * @example
 * const counter = { bytes: 0 };
 * for await (const chunk of readChunks('data.csv.gz', counter)) console.log(chunk.length);
 */
export async function* readChunks(file: string, counter: ByteCounter): AsyncGenerator<Uint8Array> {
  if (isGzipPath(file)) {
    const raw = createReadStream(file, { highWaterMark: 1024 * 1024 });
    raw.on('data', (b) => {
      counter.bytes += b.length;
    });
    const gunzip = raw.pipe(createGunzip({ chunkSize: 1024 * 1024 }));
    raw.on('error', (e) => gunzip.destroy(e));
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } finally {
      raw.destroy();
      gunzip.destroy();
    }
    return;
  }
  // Double buffering: the next read runs on the libuv thread pool while the consumer parses the
  // current chunk, so I/O overlaps parsing at the cost of one extra buffer.
  const fh = await open(file, 'r');
  try {
    const bufs = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let which = 0;
    let pending = fh.read(bufs[0]!, 0, CHUNK_BYTES, null);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return;
      counter.bytes += bytesRead;
      const cur = bufs[which]!;
      which ^= 1;
      pending = fh.read(bufs[which]!, 0, CHUNK_BYTES, null);
      yield cur.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}
