export {
  specSchema,
  SPEC_TASKS,
  MODEL_FAMILIES,
  SPLIT_STRATEGIES,
  DATA_URI_SCHEMES,
  type SpecTask,
  type ModelFamily,
  type SplitStrategy,
} from './schema.js';
export type { Spec } from './types.js';
export { specJsonSchema } from './json-schema.js';
export * from './metrics.js';
export * from './gates.js';
export * from './duration.js';
export * from './errors.js';
export * from './load.js';
export * from './prp.js';
export * from './init.js';
export * from './validate.js';
export { formatPath, SpecLocator, type Pos, type FieldPath, type YamlSource } from './locate.js';
export { didYouMean } from './suggest.js';
