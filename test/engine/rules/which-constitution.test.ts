import { describe, expect, it } from '@jest/globals';
import { configSchema, defaultConfig, evaluate, isGated, toDocument, type SourceFile } from '../../../src/engine/index.js';
import { findConstitution } from '../../../src/engine/rules/constitution/read-constitution.js';

function constitution(version: string): string {
  return `# Constitution\n\n## Core Principles\n\n### I. Library-First\nLibraries.\n\n## Governance\n\n**Version**: ${version} | **Ratified**: 2025-01-01 | **Last Amended**: 2025-01-01\n`;
}

const plan = toDocument('packages/a/specs/001-x/plan.md', '# Implementation Plan: X\n');

describe('which constitution governs a plan', () => {
  it('takes the nearest .specify/ above the plan in a monorepo', () => {
    // Modelled on zerlake/thesisai-philippines: `.specify/memory/constitution.md` at the root
    // and `here/.specify/memory/constitution.md` in a package.
    const all = [toDocument('.specify/memory/constitution.md', constitution('1.0.0')), toDocument('packages/a/.specify/memory/constitution.md', constitution('2.0.0')), plan];
    expect(findConstitution(all, plan)?.path).toBe('packages/a/.specify/memory/constitution.md');
    expect(findConstitution(all, toDocument('specs/001-y/plan.md', '# Plan\n'))?.path).toBe('.specify/memory/constitution.md');
  });

  it('prefers .specify/memory over memory/ in the same folder', () => {
    const all = [toDocument('memory/constitution.md', constitution('1.0.0')), toDocument('.specify/memory/constitution.md', constitution('1.1.0'))];
    expect(findConstitution(all, toDocument('specs/001-y/plan.md', '# Plan\n'))?.path).toBe('.specify/memory/constitution.md');
  });

  it('lets the configured path win over the nearest', () => {
    const all = [toDocument('docs/constitution.md', constitution('3.0.0')), toDocument('packages/a/.specify/memory/constitution.md', constitution('2.0.0')), plan];
    expect(findConstitution(all, plan, ['docs/constitution.md'])?.path).toBe('docs/constitution.md');
    // The default list is not a choice: the nearest still wins.
    expect(findConstitution(all, plan, ['.specify/memory/constitution.md', 'memory/constitution.md'])?.path).toBe('packages/a/.specify/memory/constitution.md');
  });

  it('keeps Spec Kitty plans on .kittify', () => {
    const all = [toDocument('.specify/memory/constitution.md', constitution('1.0.0')), toDocument('.kittify/memory/constitution.md', constitution('9.0.0'))];
    expect(findConstitution(all, toDocument('kitty-specs/001-z/plan.md', '# Plan\n'))?.path).toBe('.kittify/memory/constitution.md');
  });
});

describe('loading nested constitutions', () => {
  it('is not done by the default config (roots and constitution paths are at the repository root)', () => {
    expect(isGated('packages/a/.specify/memory/constitution.md', defaultConfig())).toBe(false);
    expect(isGated('.specify/memory/constitution.md', defaultConfig())).toBe(true);
  });

  it('takes globs in the constitution list, and the plan answers to its own package', () => {
    const config = configSchema.parse({ roots: ['packages/*/specs'], constitution: ['packages/*/.specify/memory/constitution.md'] });
    expect(isGated('packages/a/.specify/memory/constitution.md', config)).toBe(true);
    const files: SourceFile[] = [
      { path: 'packages/a/.specify/memory/constitution.md', content: constitution('2.0.0') },
      { path: 'packages/b/.specify/memory/constitution.md', content: constitution('1.0.0') },
      { path: 'packages/a/specs/001-x/plan.md', content: '# Implementation Plan: X\n\n**Date**: 2025-02-01\n\n## Constitution Check\n\n- I. Library-First: yes (Constitution v1.0.0)\n' },
    ];
    const found = evaluate({ files, config }).gates.flatMap((gate) => gate.findings).filter((finding) => finding.rule === 'constitution-version-current');
    expect(found.map((finding) => finding.message)).toEqual([expect.stringContaining('expected the current `2.0.0` of `packages/a/.specify/memory/constitution.md`')]);
  });
});
