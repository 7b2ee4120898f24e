export * from './types.js';
export { openStore, defaultStoreUri } from './open.js';
export { openSqliteStore } from './sqlite-store.js';
export { checkStore } from './check-store.js';
export { parseModelRef, resolveModelRef, looksLikeModelRef, type ModelRef } from './refs.js';
export { checkName } from './names.js';
