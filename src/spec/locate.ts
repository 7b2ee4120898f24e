/**
 * Maps a field path of the spec (`['split', 'folds']`) to the `line:col` of the YAML node that
 * wrote it, so every problem names where to look. Works over several YAML documents (a PRP's
 * fenced blocks, later ones overriding earlier ones) whose offsets are already in the
 * coordinates of the file being reported (the PRP loader pads each block with the newlines above
 * it), plus explicit positions for gates that came from elsewhere (PRP bullets).
 *
 * @example
 * const lc = new LineCounter();
 * const doc = parseDocument('split:\n  folds: five\n', { lineCounter: lc });
 * const loc = new SpecLocator([{ doc, lineCounter: lc }]);
 * loc.at(['split', 'folds']); // { line: 2, col: 10 }
 */
import { isMap, isNode, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

/**
 * A 1-based line and column.
 *
 * @example
 * const p: Pos = { line: 3, col: 5 };
 */
export interface Pos {
  line: number;
  col: number;
}

/**
 * A field path as keys and list indices.
 *
 * @example
 * const p: FieldPath = ['gates', 1];
 */
export type FieldPath = readonly (string | number)[];

/**
 * A parsed YAML document and the line counter that maps its offsets to lines.
 *
 * @example
 * const src: YamlSource = readYaml(text, 'specml.yaml');
 */
export interface YamlSource {
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * Locates field paths in one or more YAML documents (see the file comment).
 *
 * @example
 * new SpecLocator([readYaml(text, 'specml.yaml')]).keyAt(['data'], 'trget'); // { line: 3, col: 3 }
 */
export class SpecLocator {
  constructor(
    private readonly sources: readonly YamlSource[],
    /** Positions of the merged `gates` list entries, when they did not all come from one document. */
    private readonly gatePositions?: readonly Pos[],
  ) {}

  /**
   * Where the node at `path` starts. For a path that does not exist (a missing key) it is the key
   * of the nearest ancestor that does, so `data.train` missing points at `data:`; with no ancestor
   * at all it is the start of the document.
   */
  at(path: FieldPath): Pos {
    if (this.gatePositions && path[0] === 'gates' && typeof path[1] === 'number') {
      const p = this.gatePositions[path[1]];
      if (p) return p;
    }
    for (let len = path.length; len >= 0; len--) {
      const prefix = path.slice(0, len);
      for (let s = this.sources.length - 1; s >= 0; s--) {
        const src = this.sources[s]!;
        const pos = len === path.length ? this.nodePos(src, prefix) : this.keyPos(src, prefix);
        if (pos) return pos;
      }
    }
    return this.documentStart();
  }

  /** Where key `key` is written in the mapping at `path` (for unknown keys); else {@link at}. */
  keyAt(path: FieldPath, key: string): Pos {
    for (let s = this.sources.length - 1; s >= 0; s--) {
      const pos = this.keyPos(this.sources[s]!, [...path, key]);
      if (pos) return pos;
    }
    return this.at(path);
  }

  private nodePos(src: YamlSource, path: FieldPath): Pos | undefined {
    if (path.length === 0) return undefined;
    const node = src.doc.getIn(path, true);
    return isNode(node) ? offsetPos(src, node) : undefined;
  }

  /** Position of the key that holds `path`'s value (or of the value for list items). */
  private keyPos(src: YamlSource, path: FieldPath): Pos | undefined {
    if (path.length === 0) return undefined;
    const last = path[path.length - 1]!;
    const parent = path.length === 1 ? src.doc.contents : src.doc.getIn(path.slice(0, -1), true);
    if (typeof last === 'number' || !isMap(parent)) return this.nodePos(src, path);
    for (const pair of parent.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === last) return offsetPos(src, pair.key);
    }
    return undefined;
  }

  private documentStart(): Pos {
    for (const src of this.sources) {
      const contents = src.doc.contents;
      const pos = isNode(contents) ? offsetPos(src, contents) : undefined;
      if (pos) return pos;
    }
    return { line: 1, col: 1 };
  }
}

function offsetPos(src: YamlSource, node: Node): Pos | undefined {
  const start = node.range?.[0];
  return start === undefined ? undefined : src.lineCounter.linePos(start);
}

/**
 * `split.folds`, `gates[2]`, or `(spec)` for the top level.
 *
 * @example
 * formatPath(['gates', 2, 'beats']); // 'gates[2].beats'
 */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out === '' ? '(spec)' : out;
}
