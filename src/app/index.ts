/** Entry point of `npm start`: see run.ts. */
import { run } from './run.js';

await run();
