// The evaluation worker when the App runs from TypeScript sources (jest, tsx): Node 20
// ignores `--import tsx` in a worker's execArgv (and a `--require` preload would also run
// in the hooks thread), so tsx's hooks are registered here before the worker is loaded.
import { register } from 'tsx/esm/api';

register();

export const { gate, markerKeys } = await import('./evaluate-worker.ts');
