export * from './errors.js';
export * from './issue.js';
export * from './rng.js';
export * from './frame.js';
export * from './params.js';
export * from './suggest.js';
export * from './atomic.js';
