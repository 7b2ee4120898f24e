/**
 * Collects plot specs while a page is assembled, then renders them in one batch and splices the
 * SVGs in. Sections stay plain string builders, and Vega loads once per page.
 */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.js';
import { renderSvgs } from './render.js';

/**
 * A batch of figures for one HTML page.
 *
 * @example
 * const figs = new Figures();
 * const html = `<section>${figs.add(spec, 'LotArea histogram')}</section>`;
 * const page = await figs.fill(html);
 */
export class Figures {
  private readonly specs: TopLevelSpec[] = [];

  /**
   * Queues a spec and returns a placeholder for its `<figure>`. The placeholder is an HTML comment,
   * which escaped user text can never contain (its `<` is escaped), so filling cannot misfire.
   */
  add(spec: TopLevelSpec, label: string): string {
    this.specs.push(spec);
    return `<figure role="img" aria-label="${escapeHtml(label)}"><!--plot:${this.specs.length - 1}--></figure>`;
  }

  /** Renders every queued spec and replaces the placeholders in `html`. */
  async fill(html: string): Promise<string> {
    const svgs = await renderSvgs(this.specs);
    return html.replace(/<!--plot:(\d+)-->/g, (_, i: string) => svgs[Number(i)] ?? '');
  }
}
