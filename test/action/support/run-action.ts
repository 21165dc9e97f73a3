import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What one run of `node dist/index.js` left behind, as a runner would see it. */
export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The job summary written to GITHUB_STEP_SUMMARY. */
  summary: string;
  outputs: Record<string, string>;
  /** `::error file=…,line=…::message` workflow commands, parsed. */
  annotations: { level: string; properties: Record<string, string>; message: string }[];
  temp: string;
}

export interface RunOptions {
  event: string;
  payload: unknown;
  inputs?: Record<string, string>;
  apiUrl?: string;
  repository?: string;
  env?: Record<string, string>;
  /** The node binary to run the bundle with (default: this process's). */
  node?: string;
}

// SPECGATE_ACTION_DIST points at a bundle built elsewhere (checking changes before dist/ is rebuilt).
const DIST = resolve(process.env.SPECGATE_ACTION_DIST ?? 'dist/index.js');

/**
 * Runs the committed bundle as a child process with the environment a runner sets
 * (asynchronously: the stand-in answers from this same process).
 */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'specgate-action-'));
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(join(temp, 'summary.md'), '');
  writeFileSync(join(temp, 'output'), '');
  const inputs = { token: 'ghs_workflowtoken', ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? 'acme/specs',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${options.apiUrl ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    GITHUB_OUTPUT: join(temp, 'output'),
    RUNNER_TEMP: temp,
    SPECGATE_ISSUE_DELAY_MS: '0',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])),
    ...options.env,
  };
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(options.node ?? process.execPath, [DIST], { env, cwd: process.cwd(), timeout: 30_000 }, (error, out, err) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: out, stderr: err });
    });
  });
  const summary = readFileSync(join(temp, 'summary.md'), 'utf8');
  refuseLeakedToken(inputs.token, { stdout, stderr, summary });
  return {
    code, stdout, stderr, temp, summary,
    outputs: parseOutputs(readFileSync(join(temp, 'output'), 'utf8')),
    annotations: parseAnnotations(stdout),
  };
}

/**
 * Fails the run when the `token` input shows up in what the job prints or writes (the
 * runner masks secrets it knows of, but nothing else may depend on that); `::add-mask::`
 * lines only tell the runner what to mask.
 */
function refuseLeakedToken(token: string, written: Record<string, string>): void {
  if (token === '') return;
  for (const [name, text] of Object.entries(written)) {
    const leaked = text.split('\n').find((line) => line.includes(token) && !line.startsWith('::add-mask::'));
    if (leaked !== undefined) throw new Error(`The Action wrote its \`token\` input to ${name}: ${leaked.replaceAll(token, '<token>').slice(0, 200)}`);
  }
}

/** `name<<delimiter\nvalue\ndelimiter` blocks, as @actions/core writes them. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const annotations: ActionRun['annotations'] = [];
  for (const match of stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((pair) => {
      const [key, ...value] = pair.split('=');
      return [key!, decodeURIComponent(value.join('='))];
    }));
    annotations.push({ level: match[1]!, properties, message: match[3]! });
  }
  return annotations;
}
