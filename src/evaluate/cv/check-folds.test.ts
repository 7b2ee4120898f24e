import { describe, expect, it } from 'vitest';
import { checkFolds } from './check-folds.js';

const fold = (train: number[], test: number[]) => ({ train: Int32Array.from(train), test: Int32Array.from(test) });

describe('checkFolds', () => {
  it('accepts a valid partition', () => {
    expect(checkFolds([fold([2, 3], [0, 1]), fold([0, 1], [2, 3])], { n: 4 })).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(checkFolds([fold([0, 1], [1]), fold([1], [0])], { n: 2 })).toContain('fold 0: row 1 is in train and test');
    expect(checkFolds([fold([1, 0], [2]), fold([0, 2], [1])], { n: 3 })).toContain('fold 0: train not strictly ascending at position 1');
    expect(checkFolds([fold([1], [0]), fold([0], [0])], { n: 2 })).toContain('row 0 is in 2 test folds, expected exactly 1');
    expect(checkFolds([fold([1, 2], [0, 3])], { n: 4, groups: Int32Array.of(0, 0, 1, 1) })).toContain('fold 0: group 0 is in train and test');
    const y = Int32Array.of(0, 0, 0, 1);
    expect(checkFolds([fold([3], [0, 1, 2]), fold([0, 1, 2], [3])], { n: 4, y }, { stratified: true })).toEqual(['class 0: test-fold counts 3, 0 differ by more than 1']);
  });
});
