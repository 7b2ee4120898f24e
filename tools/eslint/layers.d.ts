import type { Rule } from 'eslint';

export const RANKS: Record<string, number>;
export const layersRule: Rule.RuleModule;
