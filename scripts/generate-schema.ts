import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configSchema } from '../src/engine/index.js';

/** Where the committed schema lives; editors pick it up through `# yaml-language-server: $schema=`. */
export const SCHEMA_PATH = fileURLToPath(new URL('../schema/specgate.schema.json', import.meta.url));

/** The JSON Schema of `.github/specgate.yml`, as committed: generated from the zod schema's input side. */
export function renderSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    $id: 'https://github.com/specgate/specgate/blob/main/schema/specgate.schema.json',
    title: 'specgate configuration (.github/specgate.yml)',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// Write only when run as a script (`npm run schema`), not when a test imports it.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
