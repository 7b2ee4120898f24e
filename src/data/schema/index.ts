export * from './types.js';
export * from './detect.js';
export * from './infer.js';
export * from './compat.js';
export * from './json-schema.js';
export * from './file.js';
export * from './coerce.js';
