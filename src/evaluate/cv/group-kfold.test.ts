import { describe, expect, it } from 'vitest';
import { checkFolds } from './check-folds.js';
import { GroupKFold, denseGroups, groupKfoldAssignment } from './group-kfold.js';
import { thrown } from './cv.fixture.js';

describe('GroupKFold', () => {
  it('puts the largest groups first, each on the lightest fold', () => {
    const folds = new GroupKFold({ n_splits: 2 }).split({ n: 5, groups: Int32Array.of(0, 0, 0, 1, 2) });
    expect(folds.map((f) => [...f.test])).toEqual([[0, 1, 2], [3, 4]]);
    // Sparse, unsorted codes are numbered in ascending order, as np.unique does.
    expect(denseGroups(Int32Array.of(7, 3, 7))).toEqual({ index: Int32Array.of(1, 0, 1), sizes: [1, 2] });
    expect([...groupKfoldAssignment(Int32Array.of(0, 0, 1, 2), 2)]).toEqual([0, 0, 1, 1]);
  });

  it('keeps groups whole and partitions the rows', () => {
    const groups = Int32Array.from({ length: 120 }, (_, i) => Math.floor(Math.sqrt(i * 7)) % 23);
    const folds = new GroupKFold({ n_splits: 5 }).split({ n: 120, groups });
    expect(checkFolds(folds, { n: 120, groups })).toEqual([]);
  });

  it('refuses fewer groups than folds (an empty fold in grouped CV) and missing groups', () => {
    const err = thrown(() => new GroupKFold({ n_splits: 3 }).split({ n: 6, groups: Int32Array.of(0, 0, 0, 1, 1, 1) }));
    expect(err.code).toBe('data.too_few_groups');
    expect(err.message).toMatch(/only 2 distinct groups for n_splits=3; grouped CV would leave an empty fold/);
    expect(thrown(() => new GroupKFold({ n_splits: 2 }).split({ n: 3 })).code).toBe('usage.missing_groups');
    expect(thrown(() => new GroupKFold({ n_splits: 2 }).split({ n: 3, groups: Int32Array.of(0, -1, 1) })).code).toBe('data.missing_group');
  });
});
