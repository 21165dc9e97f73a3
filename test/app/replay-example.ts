/**
 * Replays the bundled example pull request through the real App against the local GitHub
 * stand-in and prints what GitHub would show: check runs with their annotations, and the
 * clarification issues. Run by `npm run demo`; also runnable alone:
 *
 *   npx tsx test/app/replay-example.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pullRequestEvent, startHarness } from './harness.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/spec-kit-repo', import.meta.url));
const FEATURE = 'specs/001-offline-drafts/';

function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(root, join(entry.parentPath, entry.name)).split('\\').join('/')] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

const harness = await startHarness();
try {
  const all = readTree(EXAMPLE);
  const base = Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith(FEATURE)));
  const feature = Object.fromEntries(Object.entries(all).filter(([path]) => path.startsWith(FEATURE)));
  const repo = harness.standIn.state.addRepo('notebook', 'app', base);
  repo.commit('001-offline-drafts', feature);
  const pull = repo.openPull('001-offline-drafts');
  console.log(`Pull request #${pull.number} adds ${Object.keys(feature).length} files under ${FEATURE}; delivering pull_request.opened to the App…\n`);
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));

  console.log('Check runs on the head commit:');
  for (const run of repo.checkRunsFor(pull.headSha).sort((a, b) => a.name.localeCompare(b.name))) {
    console.log(`  ${run.conclusion === 'success' ? '✔' : run.conclusion === 'failure' ? '✘' : '•'} ${run.name} — ${run.conclusion}: ${run.output.title}`);
    for (const note of run.annotations) console.log(`      ${String(note['path'])}:${String(note['start_line'])} [${String(note['annotation_level'])}] ${String(note['message'])}`);
  }
  console.log('\nClarification issues:');
  for (const issue of repo.realIssues()) console.log(`  #${issue.number} ${issue.title} (${issue.labels.join(', ')})`);
  if (repo.realIssues().length === 0) console.log('  (none)');

  const before = harness.standIn.requests.filter((r) => r.write).length;
  await harness.deliver('pull_request', pullRequestEvent(repo, pull.number));
  const writes = harness.standIn.requests.filter((r) => r.write).length - before;
  console.log(`\nRedelivering the same event: ${writes} writes (nothing changed, nothing written).`);
  console.log(`Requests validated against GitHub's REST description: ${harness.standIn.requests.length}, problems: ${harness.standIn.problems.length}.`);
  if (harness.standIn.problems.length > 0) process.exitCode = 1;
} finally {
  await harness.close();
}
