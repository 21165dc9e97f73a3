import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { configSchema, rules } from '../src/engine/index.js';

/** Where the committed schema lives; editors pick it up through `# yaml-language-server: $schema=`. */
export const SCHEMA_PATH = fileURLToPath(new URL('../schema/specgate.schema.json', import.meta.url));

type JsonObject = Record<string, unknown>;

/** The JSON Schema of `.github/specgate.yml`, as committed: generated from the zod schema's input side. */
export function renderSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as JsonObject;
  const ruleIds = { enum: rules.map((rule) => rule.meta.id).sort() };
  const properties = schema.properties as Record<string, JsonObject>;
  // Rule ids as an enum, so editors complete them and flag a misspelt one (the engine also reports it).
  properties.rules!.propertyNames = ruleIds;
  ((properties.overrides!.items as JsonObject).properties as Record<string, JsonObject>).rules!.propertyNames = ruleIds;
  const document = {
    ...schema,
    properties: {
      _extends: {
        type: 'string',
        description: 'Another config this one builds on: `repo`, `owner/repo` or `owner/repo:path.yml` (App and Action, read through the API), or a local path (CLI). Merged deeply; this file wins.',
      },
      ...properties,
    },
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
