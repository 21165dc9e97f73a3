import { describe, expect, it } from '@jest/globals';
import { selectOpenSpec } from '../../src/engine/openspec/select.js';

// A tree shaped like AGIBuild__Modulus/openspec: main specs per capability, active changes
// with delta specs for some of them, and an archive.
const TREE = [
  'README.md',
  'openspec/project.md',
  'openspec/specs/runtime/spec.md',
  'openspec/specs/module-packaging/spec.md',
  'openspec/specs/logging/spec.md',
  'openspec/changes/add-host-sdk/proposal.md',
  'openspec/changes/add-host-sdk/tasks.md',
  'openspec/changes/add-host-sdk/design.md',
  'openspec/changes/add-host-sdk/.openspec.yaml',
  'openspec/changes/add-host-sdk/specs/runtime/spec.md',
  'openspec/changes/add-host-sdk/specs/host-sdk/spec.md',
  'openspec/changes/refactor-prefix-naming/proposal.md',
  'openspec/changes/refactor-prefix-naming/specs/runtime/spec.md',
  'openspec/changes/refactor-prefix-naming/specs/module-packaging/spec.md',
  'openspec/changes/add-bundled-modules/proposal.md',
  'openspec/changes/add-bundled-modules/specs/logging/spec.md',
  'openspec/changes/archive/2025-01-01-add-logging/proposal.md',
  'openspec/changes/archive/2025-01-01-add-logging/tasks.md',
  'openspec/changes/archive/2025-01-01-add-logging/specs/logging/spec.md',
];

describe('selectOpenSpec', () => {
  it('gates a touched change folder whole and the main specs its deltas modify', () => {
    const selection = selectOpenSpec(['openspec/changes/add-host-sdk/tasks.md'], TREE);
    expect(selection.gate).toEqual([
      'openspec/changes/add-host-sdk/design.md',
      'openspec/changes/add-host-sdk/proposal.md',
      'openspec/changes/add-host-sdk/specs/host-sdk/spec.md',
      'openspec/changes/add-host-sdk/specs/runtime/spec.md',
      'openspec/changes/add-host-sdk/tasks.md',
      'openspec/specs/runtime/spec.md',
    ]);
  });

  it('reads the other active changes of the same capabilities as context, not gated', () => {
    const selection = selectOpenSpec(['openspec/changes/add-host-sdk/specs/runtime/spec.md'], TREE);
    expect(selection.context).toEqual(['openspec/changes/refactor-prefix-naming/specs/runtime/spec.md']);
    expect(selection.gate).not.toContain('openspec/changes/refactor-prefix-naming/specs/runtime/spec.md');
  });

  it('counts a non-markdown file of a change (.openspec.yaml) and a deleted file as touching it', () => {
    expect(selectOpenSpec(['openspec/changes/add-host-sdk/.openspec.yaml'], TREE).gate).toContain('openspec/changes/add-host-sdk/proposal.md');
    expect(selectOpenSpec(['openspec/changes/add-host-sdk/notes.md'], TREE).gate).toContain('openspec/changes/add-host-sdk/proposal.md');
  });

  it('gates a main spec the pull request edits, and nothing else for it', () => {
    expect(selectOpenSpec(['openspec/specs/logging/spec.md'], TREE)).toEqual({ gate: ['openspec/specs/logging/spec.md'], context: [] });
  });

  it('gates an archived change whole without pulling in main specs', () => {
    expect(selectOpenSpec(['openspec/changes/archive/2025-01-01-add-logging/tasks.md'], TREE)).toEqual({
      gate: [
        'openspec/changes/archive/2025-01-01-add-logging/proposal.md',
        'openspec/changes/archive/2025-01-01-add-logging/specs/logging/spec.md',
        'openspec/changes/archive/2025-01-01-add-logging/tasks.md',
      ],
      context: [],
    });
  });

  it('leaves untouched changes and paths outside openspec/ alone', () => {
    expect(selectOpenSpec(['README.md', 'src/index.ts', 'openspec/project.md'], TREE)).toEqual({ gate: [], context: [] });
  });

  it('finds an openspec/ tree below the repository root', () => {
    const tree = ['apps/web/openspec/specs/auth/spec.md', 'apps/web/openspec/changes/add-x/proposal.md', 'apps/web/openspec/changes/add-x/specs/auth/spec.md'];
    expect(selectOpenSpec(['apps/web/openspec/changes/add-x/proposal.md'], tree).gate).toEqual([
      'apps/web/openspec/changes/add-x/proposal.md',
      'apps/web/openspec/changes/add-x/specs/auth/spec.md',
      'apps/web/openspec/specs/auth/spec.md',
    ]);
  });
});
