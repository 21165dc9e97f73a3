import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// spec-kit's extension manifest as its reference (extensions/EXTENSION-API-REFERENCE.md) and validator
// (src/specify_cli/extensions ExtensionManifest._validate) define it.
const DIR = fileURLToPath(new URL('../../extensions/spec-kit/', import.meta.url));
const manifest = parse(readFileSync(join(DIR, 'extension.yml'), 'utf8'));
const EVENTS = ['specify', 'plan', 'tasks', 'implement', 'analyze', 'checklist', 'clarify', 'constitution', 'taskstoissues'].flatMap((name) => [`before_${name}`, `after_${name}`]);

describe('extensions/spec-kit/extension.yml', () => {
  it('has the required fields in spec-kit\'s formats', () => {
    expect(manifest.schema_version).toBe('1.0');
    const { extension } = manifest;
    for (const field of ['id', 'name', 'version', 'description', 'author', 'repository', 'license']) expect([field, typeof extension[field]]).toEqual([field, 'string']);
    expect(extension.id).toMatch(/^[a-z0-9-]+$/);
    expect(extension.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(extension.version).toBe(JSON.parse(readFileSync(join(DIR, '../../package.json'), 'utf8')).version);
    expect(manifest.requires.speckit_version).toMatch(/^>=\d+\.\d+\.\d+$/);
  });

  it('provides its commands under its namespace, each file present with a description front matter', () => {
    const commands = manifest.provides.commands as Array<{ name: string; file: string; description: string }>;
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command.name).toMatch(new RegExp(`^speckit\\.${manifest.extension.id}\\.[a-z0-9-]+$`));
      expect(existsSync(join(DIR, command.file))).toBe(true);
      const text = readFileSync(join(DIR, command.file), 'utf8');
      expect(text).toMatch(/^---\ndescription: ".+"\n---\n/);
      expect(text).toContain('specgate check');
    }
  });

  it('runs specgate check after /speckit.tasks and before /speckit.implement, on known events only', () => {
    const provided = (manifest.provides.commands as Array<{ name: string }>).map((command) => command.name);
    for (const event of Object.keys(manifest.hooks)) expect(EVENTS).toContain(event);
    for (const event of ['after_tasks', 'before_implement']) {
      expect(manifest.hooks[event]).toMatchObject({ command: 'speckit.specgate.check', optional: false });
      expect(provided).toContain(manifest.hooks[event].command);
    }
  });

  it('ships a README', () => {
    expect(readFileSync(join(DIR, 'README.md'), 'utf8')).toContain('specify extension add');
  });
});
