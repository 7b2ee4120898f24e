import { describe, expect, it } from 'vitest';
import { closeMatches, closest, editDistance } from './suggest.js';

describe('suggestions', () => {
  it('edit distance counts an adjacent swap as one edit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('roc_acu', 'roc_auc')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('closest() suggests near typos only, case-insensitively', () => {
    expect(closest('trget', ['target', 'train'])).toBe('target');
    expect(closest('modle', ['models', 'metric'])).toBe('models');
    expect(closest('STATUS', ['Status', 'Seniority'])).toBe('Status');
    expect(closest('zzzzzz', ['target', 'train'])).toBeUndefined();
  });

  it('closeMatches() ranks containment between one and two edits and keeps k', () => {
    expect(closeMatches('Sale_Price', ['SalePrice', 'Price', 'Id'])).toEqual(['SalePrice', 'Price']);
    expect(closeMatches('saleprice', ['SalePrice', 'LotArea'])).toEqual(['SalePrice']);
    expect(closeMatches('abc', ['abd', 'abe', 'abf', 'abg'], 2)).toEqual(['abd', 'abe']);
  });
});
