import { describe, expect, it } from 'vitest';
import { SpecmlError } from './errors.js';
import { defaultParams, defineParams, resolveParams } from './params.js';

const table = defineParams({
  folds: { type: 'int', default: 5, min: 2, max: 50, doc: 'number of CV folds' },
  rate: { type: 'float', default: 0.1, min: 0, exclusiveMin: true, doc: 'learning rate' },
  strategy: { type: 'enum', default: 'auto', values: ['auto', 'kfold'], doc: 'how to split' },
  shuffle: { type: 'bool', default: true, doc: 'shuffle rows' },
});

describe('parameter tables', () => {
  it('gives frozen defaults and merges given values', () => {
    const d = defaultParams(table);
    expect(d).toEqual({ folds: 5, rate: 0.1, strategy: 'auto', shuffle: true });
    expect(Object.isFrozen(d)).toBe(true);
    expect(resolveParams(table, { folds: 10 }, 'split').folds).toBe(10);
  });

  it('rejects out-of-range, wrong-typed and unknown parameters with the field path', () => {
    const bad = (given: Record<string, unknown>): SpecmlError => {
      try {
        resolveParams(table, given, 'split');
      } catch (e) {
        return e as SpecmlError;
      }
      throw new Error('expected an error');
    };
    expect(bad({ folds: 1 }).message).toMatch(/split\.folds: must be >= 2/);
    expect(bad({ folds: 2.5 }).message).toMatch(/whole number/);
    expect(bad({ rate: 0 }).message).toMatch(/must be > 0/);
    expect(bad({ strategy: 'kfld' }).message).toMatch(/one of auto, kfold/);
    const unknown = bad({ fodls: 3 });
    expect(unknown.code).toBe('usage.unknown_param');
    expect(unknown.hint).toMatch(/Did you mean 'folds'/);
  });
});
