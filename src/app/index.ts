/** Entry point of `npm start`: see server.ts. */
import { run } from './server.js';

await run();
