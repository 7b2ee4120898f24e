import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** specml's version, from package.json (recorded in reports and, later, in model lineage). */
export const VERSION: string = (require('../../package.json') as { version: string }).version;
