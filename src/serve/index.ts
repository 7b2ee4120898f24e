export { buildServer, type ModelServer, type ServerOptions } from './app.js';
export { rowsFromBody, MAX_ROWS, type InputIssue } from './input.js';
export { loadServed, predictColumns, type ServedModel } from './models.js';
export { openApiDocument } from './openapi.js';
export { bucketOf, challengerPercent, DEFAULT_CANARY_STEPS, judgeCanary, nextState, route, type CanaryGuards, type CanaryVerdict, type RolloutState, type RouteDecision, type WindowStats } from './rollout.js';
export { PredictionLog } from './prediction-log.js';
export { Rollout, type RolloutEvent } from './rollout-runtime.js';
