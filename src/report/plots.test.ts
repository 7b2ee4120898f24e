import { describe, expect, it } from 'vitest';
import { barSpec, histogramSpec } from './plots.js';
import { renderSvgs } from './render.js';

describe('plots', () => {
  it('renders specs to SVG with ids unique across the batch and stable across batches', async () => {
    const bars = barSpec([{ label: 'owner', value: 2107 }, { label: 'rent', value: 973 }], { valueTitle: 'rows', format: ',d' });
    const hist = histogramSpec({ edges: [0, 1, 2, 3], counts: [3, 5, 2] }, { xTitle: 'x', title: 'Distribution' });
    const svgs = await renderSvgs([bars, bars, hist]);
    expect(svgs).toHaveLength(3);
    for (const s of svgs) expect(s.startsWith('<svg')).toBe(true);
    const ids = svgs.flatMap((s) => [...s.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    // Vega's clip counter keeps counting between views; the renumbering hides that.
    expect((await renderSvgs([bars]))[0]).toBe(svgs[0]);
    expect(svgs[0]).toContain('>owner<');
    expect(svgs[0]).toContain('>2,107<');
    expect(svgs[2]).toContain('>Distribution<');
  });

  it('prints preformatted bar labels and darkens the highlighted bar', async () => {
    const spec = barSpec([{ label: 'good', value: 0.718 }, { label: 'bad', value: 0.282 }], { valueTitle: 'share', format: '.0%', text: (v) => `${(v * 100).toFixed(1)}%`, highlight: 'bad' });
    const [svg] = await renderSvgs([spec]);
    expect(svg).toContain('>28.2%<');
    expect(svg!.match(/fill="#1d4a80"/g)).toHaveLength(1);
  });
});
