export * from './manifest.js';
export * from './save.js';
export * from './load.js';
