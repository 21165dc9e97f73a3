/** The engine's public surface: data in, report out. Shells import from here only. */
export { evaluate, DOCS_BASE, type EvaluateInput } from './evaluate.js';
export { parseConfig, validateConfig, defaultConfig, type ConfigError, type ConfigResult } from './config/load.js';
export { configSchema, CONFIG_LIMITS, DEFAULT_ROOTS, DEFAULT_EXCLUDE, DEFAULT_CONSTITUTION, type Config } from './config/schema.js';
export { checkConfigSize } from './config/config-size.js';
export { isGated } from './config/resolve.js';
export { rules } from './rules/index.js';
export { checklistSummary, type ChecklistRow } from './rules/checklists/checklist-summary.js';
export { findClarificationMarkers, type ClarificationMarker } from './rules/clarifications/find-clarification-markers.js';
export { toDocument, buildModel } from './documents.js';
export * from './report/index.js';
export * from './types.js';
