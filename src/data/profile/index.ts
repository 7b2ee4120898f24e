export * from './types.js';
export * from './stats.js';
export * from './association.js';
export * from './profile.js';
export * from './sample.js';
