/**
 * Renders Vega-Lite specs to SVG strings headless. Vega is imported on first use so that CLI
 * commands that never draw a plot do not pay its ~300 ms load.
 */
import type { TopLevelSpec } from 'vega-lite';

type Libs = { vega: typeof import('vega'); vl: typeof import('vega-lite') };
let libs: Promise<Libs> | undefined;

function load(): Promise<Libs> {
  libs ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({ vega, vl }));
  return libs;
}

/**
 * Renders specs to standalone SVG strings, in order. Each SVG's internal ids (clip paths,
 * gradients) are renumbered `${prefix}${index}-${n}`, so one HTML page never holds the same id
 * twice and the output does not depend on earlier renders. Cost: ~7 ms a small plot once Vega is warm,
 * so a page of 45 plots renders in well under a second; views run one after another because the
 * work is CPU-bound and interleaving them would only add memory.
 *
 * @example
 * const [svg] = await renderSvgs([barSpec([{ label: 'a', value: 1 }], { valueTitle: 'rows', format: ',d' })]);
 * svg.startsWith('<svg'); // true
 */
export async function renderSvgs(specs: readonly TopLevelSpec[], prefix = 'p'): Promise<string[]> {
  const { vega, vl } = await load();
  const out: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
    try {
      out.push(slim(uniqueIds(await view.toSVG(), `${prefix}${i}-`)));
    } finally {
      view.finalize();
    }
  }
  return out;
}

/**
 * Renames every id in one SVG to `${prefix}${n}`, n counting from 0 in order of appearance. Vega's
 * clip-path counter is module-global and never reset by `toSVG`, so raw ids depend on what was
 * drawn before; renumbering makes the bytes depend on the spec alone.
 */
function uniqueIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}${ids.size}`);
  if (ids.size === 0) return svg;
  return svg.replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${ids.get(id)}"`).replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m));
}

/**
 * Drops what a static inline plot does not need, about a third of Vega's output: interaction and
 * ARIA attributes (the page labels each `<figure>` instead), hidden placeholder paths, and digits
 * beyond a hundredth of a pixel in `d`/`transform` coordinates. Text content is never touched, so
 * printed values stay exact.
 */
function slim(svg: string): string {
  // Vega escapes <, > and " in attribute values and <, > in text, so /<[^>]*>/ matches exactly the
  // tags and never text that happens to look like an attribute.
  return svg.replace(/<[^>]*>/g, (tag) =>
    tag.startsWith('<path ') && tag.includes(' display="none"')
      ? ''
      : tag
          .replace(/ (?:aria-[a-z]+|role|pointer-events)="[^"]*"/g, '')
          .replace(/ class="(?:background|foreground|mark-[^"]*|role-[^"]*)"/g, '')
          .replace(/ (d|transform)="([^"]*)"/g, (_, attr: string, v: string) => ` ${attr}="${v.replace(/(\d+\.\d\d)\d+/g, '$1')}"`),
  );
}
