import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { layersRule } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const src = (f: string): string => path.resolve('src', f);

tester.run('specml/layers', layersRule as never, {
  valid: [
    { code: "import { Frame } from '../core/frame.js';", filename: src('data/x.ts') },
    { code: "import { a } from './b.js';", filename: src('core/x.ts') },
    { code: "import { readTable } from '../data/io/index.js';", filename: src('pipeline/x.ts') },
    { code: "import { z } from 'zod';", filename: src('core/x.ts') },
  ],
  invalid: [
    { code: "import { readTable } from '../data/io/index.js';", filename: src('core/x.ts'), errors: [{ messageId: 'up' }] },
    { code: "export * from '../../cli/main.js';", filename: src('data/io/x.ts'), errors: [{ messageId: 'up' }] },
    { code: "import { r } from '../monitor/x.js';", filename: src('report/x.ts'), errors: [{ messageId: 'up' }] },
    { code: "const m = await import('../spec/index.js');", filename: src('data/x.ts'), errors: [{ messageId: 'up' }] },
  ],
});
