// The parse worker when the CLI runs from TypeScript sources (jest, tsx): Node 20 ignores
// `--import tsx` in a worker's execArgv, so tsx's hooks are registered here first.
import { register } from 'tsx/esm/api';

register();

export const { parse } = await import('./parse-worker.ts');
