/**
 * Serving never imports training code (DESIGN.md §3, STYLE.md §5): the files reachable by static
 * imports from the package loader must not include a learner's training modules. Transformers in
 * features/ are the documented exception: each keeps fit and transform together (both are small).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) {
      const spec = (m[1] ?? m[2])!;
      visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return seen;
}

// Training-side modules of the learners: solvers, growers, boosting loops, estimators.
const TRAINING = /models\/(gbdt\/(boosting|grower|binning|histogram|splitter|dataset|estimator|kernels|wasm-kernels)|linear\/(lbfgs|proximal|coordinate-descent|cholesky|logistic|regression|logistic-loss)|baseline|forest\/(?!model|predictor))\.ts$|\/pipeline\/|\/cli\//;

describe('the model package loader', () => {
  it('reaches no training module of any learner', () => {
    const files = [...closure(path.join(SRC, 'artifact/load.ts'))].map((f) => path.relative(SRC, f));
    expect(files).toContain('models/inference.ts');
    expect(files.filter((f) => TRAINING.test(`/${f}`))).toEqual([]);
  });
});
