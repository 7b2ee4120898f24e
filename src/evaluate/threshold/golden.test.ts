/**
 * precision_recall_curve against scikit-learn 1.2.1 on test/golden/calibration/calibration.json
 * (written by test/golden/calibration/make_calibration.py; its README lists the cases).
 *
 * Tolerance: none, bit-identical. Unweighted counts are exact integers; weighted cumulative sums
 * add the same terms in the same order (numpy's stable sort read backwards); precision and recall
 * are single IEEE divisions of those sums.
 */
import { describe, expect, it } from 'vitest';
import { loadCalibrationGolden } from '../calibration/golden.fixture.js';
import { confusionAt } from './confusion-at.js';
import { precisionRecallCurve } from './pr-curve.js';

const { doc, num, int } = loadCalibrationGolden();

describe(`precisionRecallCurve equals scikit-learn ${doc.versions.sklearn}`, () => {
  it('has the cases the README promises', () => {
    expect(doc.precisionRecall.map((c) => c.name)).toEqual(['ties', 'ties_weighted', 'no_positives', 'all_tied', 'credit']);
  });

  for (const c of doc.precisionRecall) {
    it(c.name, () => {
      const y = int(c.y);
      const s = num(c.score);
      const w = c.sampleWeight === null ? undefined : num(c.sampleWeight);
      const got = precisionRecallCurve(y, s, w);
      expect([...got.thresholds]).toEqual([...num(c.thresholds)]);
      expect([...got.precision]).toEqual([...num(c.precision)]);
      expect([...got.recall]).toEqual([...num(c.recall)]);
      // Each curve point is the confusion at its threshold (unweighted: exact counts).
      if (w === undefined && got.thresholds.length > 0) {
        const j = got.thresholds.length >> 1;
        const m = confusionAt(y, s, got.thresholds[j]!);
        if (m.tp + m.fp > 0) expect(m.tp / (m.tp + m.fp)).toBe(got.precision[j]);
      }
    });
  }
});
