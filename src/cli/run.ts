import { renderJson, renderMarkdown, renderSarif, renderText, rules, type Report } from '../engine/index.js';
import { HELP, parseCommand, type Format } from './args.js';
import { check } from './check.js';
import { describeError } from './errors.js';
import { listRules } from './list-rules.js';
import { readVersion } from './version.js';

/** Where the CLI writes; tests capture it, the entry file passes the process's streams. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes: 0 every gate passes, 1 a gate fails, 2 usage or configuration error. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

/** Runs one command line; returns the exit code. The one place errors become messages. */
export function run(argv: readonly string[], io: CliIo): number {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout(HELP);
        return EXIT.pass;
      case 'version':
        io.stdout(`${readVersion()}\n`);
        return EXIT.pass;
      case 'rules':
        io.stdout(listRules(command.format));
        return EXIT.pass;
      case 'check': {
        const { report, skipped, nothingChecked } = check(command, io.cwd);
        for (const reason of skipped) io.stderr(`specgate: skipped ${reason}\n`);
        for (const note of nothingChecked) io.stderr(`specgate: ${note}\n`);
        io.stdout(render(command.quiet ? errorsOnly(report) : report, command.format));
        return report.conclusion === 'failure' ? EXIT.fail : EXIT.pass;
      }
    }
  } catch (error) {
    io.stderr(describeError(error));
    return EXIT.error;
  }
}

/** `--quiet`: the findings of severity error only; conclusions stay as evaluated. */
function errorsOnly(report: Report): Report {
  return { ...report, gates: report.gates.map((gate) => ({ ...gate, findings: gate.findings.filter((finding) => finding.severity === 'error') })) };
}

function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { rules: rules.map((rule) => rule.meta), version: readVersion() });
    case 'markdown':
      return renderMarkdown(report);
    case 'text':
      return renderText(report);
  }
}
