import { describe, expect, it } from 'vitest';
import { renderSvgs } from './render.js';
import { intervalBarSpec } from './run-bars.js';
import { MAX_CURVE_POINTS, residualSpec, rocSpec, thinIndices } from './run-plots.js';

/** The data values of a spec's layer that holds the curve or the points (the one with the most rows). */
function largestData(spec: object): unknown[] {
  const layers = (spec as { layer: { data?: { values: unknown[] } }[] }).layer;
  return layers.map((l) => l.data?.values ?? []).sort((a, b) => b.length - a.length)[0]!;
}

describe('run report plot specs', () => {
  it('thins long curves to evenly spaced points, keeping both ends', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const idx = thinIndices(5001, 600);
    expect(idx.length).toBe(600);
    expect([idx[0], idx[idx.length - 1]]).toEqual([0, 5000]);
    const fpr = Array.from({ length: 5001 }, (_, i) => i / 5000);
    expect(largestData(rocSpec(fpr, fpr.map(Math.sqrt), 'ROC')).length).toBe(MAX_CURVE_POINTS);
  });

  it('renders interval bars with negative values and missing intervals', async () => {
    const spec = intervalBarSpec(
      [{ label: 'a', value: 0.05, lo: 0.03, hi: 0.07 }, { label: 'b', value: -0.002, lo: -0.006, hi: 0.002 }, { label: 'c', value: 0.01, lo: null, hi: null }],
      { valueTitle: 'drop', format: '~r', text: (v) => v.toFixed(3) },
    );
    const [svg] = await renderSvgs([spec]);
    expect(svg).toContain('>-0.002<'); // the label is the text function's output, verbatim
    expect(svg).toContain('>0.050<');
  });

  it('renders a residual plot whose axes share one range', async () => {
    const spec = residualSpec([100, 200, 300], [120, 190, 310], 'price') as { encoding: { x: { scale: { domain: number[] } }; y: { scale: { domain: number[] } } } };
    expect(spec.encoding.x.scale.domain).toEqual(spec.encoding.y.scale.domain);
    const [svg] = await renderSvgs([spec as never]);
    expect(svg).toContain('>predicted price<');
  });
});
