/**
 * specgate's programmatic API (`import { evaluate } from 'specgate'`): the pure engine.
 * Documents and a config in, a report out; the renderers the CLI uses.
 */
export * from './engine/index.js';
