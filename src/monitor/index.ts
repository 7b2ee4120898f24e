export * from './stats.js';
export * from './drift.js';
export * from './window.js';
export * from './domain.js';
export * from './performance.js';
export * from './monitor.js';
export * from './alerts.js';
export * from './html.js';
