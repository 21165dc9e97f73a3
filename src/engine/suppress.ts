import type { Document, Finding, Severity, SuppressionEntry } from './types.js';

/** The id under which a malformed suppression comment is reported. */
export const SUPPRESSION_RULE = 'valid-suppression';

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  line: number;
  rules: string[];
  reason: string;
}

interface Scope {
  entry: SuppressionEntry;
  from: number;
  to: number;
}

const DIRECTIVE = /<!--\s*specgate-(disable-next-line|disable|enable)(?=[\s-])(.*?)-->/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The suppression comments of a document, outside fenced code, in line order. */
export function readDirectives(lines: readonly string[]): Directive[] {
  const directives: Directive[] = [];
  let fence: string | undefined;
  lines.forEach((text, index) => {
    const marker = FENCE.exec(text)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence !== undefined) return;
    const found = DIRECTIVE.exec(text);
    if (!found) return;
    const [names = '', ...reason] = found[2]!.split(/\s--\s?/);
    directives.push({ kind: found[1] as Directive['kind'], line: index + 1, rules: names.split(/[\s,]+/).filter(Boolean), reason: reason.join(' -- ').trim() });
  });
  return directives;
}

/** How the run reports this rule for a document: its configured severity, or `off`. */
export type SuppressionSeverity = (document: Document) => Severity | 'off';

interface Reporting {
  docsBase: string;
  severityOf: SuppressionSeverity;
  /** Paths of the documents whose text names `specgate-` (see loadDocuments): every directive does, so the others are not read. */
  marked: ReadonlySet<string>;
}

function problem(document: Document, line: number, message: string, reporting: Reporting): Finding[] {
  const severity = reporting.severityOf(document);
  if (severity === 'off') return [];
  return [{ rule: SUPPRESSION_RULE, gate: 'completeness', severity, path: document.path, line, message, docs: `${reporting.docsBase}${SUPPRESSION_RULE}.md` }];
}

/** The scopes a document's directives open, and the findings its malformed ones are. */
function scopesOf(document: Document, known: ReadonlySet<string>, reporting: Reporting): { scopes: Scope[]; problems: Finding[] } {
  const scopes: Scope[] = [];
  const problems: Finding[] = [];
  // Every directive names `specgate-`: a document without it has none, and its lines are not read.
  if (!reporting.marked.has(document.path)) return { scopes, problems };
  const open: Scope[] = [];
  for (const directive of readDirectives(document.lines)) {
    for (const id of directive.rules.filter((rule) => !known.has(rule))) {
      problems.push(...problem(document, directive.line, `Unexpected unknown rule \`${id}\` in a specgate suppression, expected a rule id from \`specgate rules\``, reporting));
    }
    if (directive.kind === 'enable') {
      for (const scope of open.splice(0).filter((s) => directive.rules.length === 0 || s.entry.rules.some((rule) => directive.rules.includes(rule)))) scope.to = directive.line;
      continue;
    }
    if (directive.reason === '') {
      problems.push(...problem(document, directive.line, 'Unexpected suppression without a reason, expected `-- <why this finding does not apply>` after the rule ids', reporting));
    }
    const entry: SuppressionEntry = { path: document.path, line: directive.line, rules: directive.rules, reason: directive.reason, kind: directive.kind === 'disable-next-line' ? 'next-line' : 'range', suppressed: [] };
    const scope = directive.kind === 'disable-next-line' ? { entry, from: directive.line + 1, to: directive.line + 1 } : { entry, from: directive.line + 1, to: Number.POSITIVE_INFINITY };
    scopes.push(scope);
    if (directive.kind === 'disable') open.push(scope);
  }
  return { scopes, problems };
}

/**
 * Applies the inline suppressions of the documents to the findings: a finding on a line a
 * `specgate-disable-next-line` or a `specgate-disable`…`specgate-enable` pair covers, of a
 * rule it names (or of any rule when it names none), is dropped and recorded on the
 * suppression. Suppression comments without a reason or naming an unknown rule are findings.
 */
export function applySuppressions(findings: readonly Finding[], documents: readonly Document[], knownRules: readonly string[], reporting: Reporting): { findings: Finding[]; suppressions: SuppressionEntry[] } {
  const known = new Set(knownRules);
  const byPath = new Map<string, Scope[]>();
  const problems: Finding[] = [];
  for (const document of documents) {
    const { scopes, problems: own } = scopesOf(document, known, reporting);
    if (scopes.length > 0) byPath.set(document.path, scopes);
    problems.push(...own);
  }
  const kept = findings.filter((finding) => {
    const scope = byPath.get(finding.path)?.find((s) => finding.line >= s.from && finding.line <= s.to && (s.entry.rules.length === 0 || s.entry.rules.includes(finding.rule)));
    if (!scope) return true;
    scope.entry.suppressed.push({ rule: finding.rule, line: finding.line });
    return false;
  });
  return { findings: [...kept, ...problems], suppressions: [...byPath.values()].flat().map((scope) => scope.entry) };
}
