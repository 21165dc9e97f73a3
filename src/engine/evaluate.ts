import { effectiveRule, isGated } from './config/resolve.js';
import type { Config } from './config/schema.js';
import { groupByFeature, loadDocuments } from './documents.js';
import { scopeKeys, type ScopeKeys } from './incremental.js';
import { buildCoverage, type CoverageSource, type FeatureCoverage } from './report/coverage.js';
import { unrecognisedNotes } from './report/notes.js';
import type { Rule } from './rule.js';
import { resolveOverlaps, type Candidate } from './overlaps.js';
import { rules as registry } from './rules/index.js';
import { applySuppressions } from './suppress.js';
import {
  GATES,
  type Conclusion, type Document, type Finding, type FindingCache, type GateResult, type ModelCache, type RawFinding, type Report, type Severity, type SourceFile,
} from './types.js';

/** Where each rule's page lives; findings link to it. */
export const DOCS_BASE = 'https://github.com/specgate/specgate/blob/main/docs/rules/';

export interface EvaluateInput {
  /** Candidate files; those outside the config's roots are ignored (see {@link isGated}). */
  files: readonly SourceFile[];
  config: Config;
  /** Every path in the repository at the checked revision, when known (for rules that look for files). */
  tree?: ReadonlySet<string>;
  /** Text of files before the change, keyed by path, when known (for rules that compare versions). */
  base?: ReadonlyMap<string, string>;
  /** Restrict to these rules (tests and `explain`); all registered rules otherwise. */
  rules?: readonly Rule[];
  /** Models of earlier parses by content key; files with a `key` are looked up and added (see {@link ModelCache}). */
  models?: ModelCache;
  /**
   * Findings of earlier runs (see {@link FindingCache}): when given, and the files have keys,
   * a document whose findings' key it holds is not checked again by rules of scope `document`.
   */
  findings?: FindingCache;
}

/** Runs every enabled rule over the gated files and folds the findings into gates. */
export function evaluate(input: EvaluateInput): Report {
  const { config } = input;
  const ruleSet = input.rules ?? registry;
  const gated = input.files.filter((file) => isGated(file.path, config));
  const { documents, unreadable, marked } = loadDocuments(gated, config, input.models, input.findings);
  const candidates: Candidate[] = [];

  const readable = registry.find((rule) => rule.meta.id === 'readable-document');
  for (const problem of unreadable) {
    const severity = readable ? effectiveRule(readable, problem.path, 'generic', config).severity : 'off';
    if (readable && severity !== 'off') pushFinding(candidates, readable, severity, problem.path, problem);
  }

  const byFeature = groupByFeature(documents);

  const paths = input.tree ?? new Set(documents.map((document) => document.path));
  const scopes = input.findings ? scopeKeys({ files: gated, documents, byFeature, config, rules: ruleSet, paths, ...(input.base ? { base: input.base } : {}) }) : undefined;
  for (const document of documents) {
    const key = scopes?.document(document.path);
    const kept = key === undefined ? undefined : readKept(input.findings!.get(key));
    const fresh: KeptFinding[] = [];
    for (const rule of ruleSet) {
      const replay = key !== undefined && rule.meta.scope !== 'run';
      // The key names the config and what the document is: a rule that did not apply then kept nothing.
      if (replay && kept) {
        for (const { finding, residue } of kept.get(rule.meta.id) ?? []) candidates.push({ finding, rule, residue });
        continue;
      }
      if (!rule.meta.kinds.includes(document.kind)) continue;
      if (rule.meta.families && !rule.meta.families.includes(document.family)) continue;
      const setting = effectiveRule(rule, document.path, document.family, config);
      if (setting.severity === 'off') continue;
      const from = candidates.length;
      runRule({ rule, document, setting: { severity: setting.severity, options: setting.options }, input, documents, paths, byFeature, candidates });
      if (replay) for (const { finding, residue } of candidates.slice(from)) fresh.push({ rule: rule.meta.id, finding, residue });
    }
    if (key !== undefined && !kept) input.findings!.set(key, fresh);
  }

  // Inline `<!-- specgate-disable… -->` comments drop the findings they cover and are listed (suppress.ts).
  const suppression = registry.find((rule) => rule.meta.id === 'valid-suppression');
  const severityOf = (document: Document): Severity | 'off' => (suppression ? effectiveRule(suppression, document.path, document.family, config).severity : 'off');
  const { findings: unsuppressed, suppressions } = applySuppressions(resolveOverlaps(candidates), documents, registry.map((rule) => rule.meta.id), { docsBase: DOCS_BASE, severityOf, marked });
  const findings = unsuppressed.sort(compareFindings);
  const notes = unrecognisedNotes(input.tree ?? input.files.map((file) => file.path), documents, config);
  // Documents none of which is recognised gate nothing: the run ends neutral, and the note says why.
  const report = fold(findings, documents, config, notes.length === 0 && documents.length > 0);
  const coverage = buildCoverage(documents, byFeature, scopes && input.findings ? keptCoverage(scopes, input.findings) : undefined);
  return { ...report, ...(coverage.length > 0 ? { coverage } : {}), ...(notes.length > 0 ? { notes } : {}), ...(suppressions.length > 0 ? { suppressions } : {}) };
}

/** A finding as a {@link FindingCache} keeps it: its rule by id. */
interface KeptFinding {
  rule: string;
  finding: Finding;
  residue: boolean;
}

/** Kept findings by rule id, or undefined when the value is not what {@link evaluate} writes. */
function readKept(value: unknown): Map<string, KeptFinding[]> | undefined {
  if (!Array.isArray(value)) return undefined;
  const byRule = new Map<string, KeptFinding[]>();
  for (const entry of value as unknown[]) {
    if (!isKept(entry)) return undefined;
    const list = byRule.get(entry.rule) ?? [];
    list.push(entry);
    byRule.set(entry.rule, list);
  }
  return byRule;
}

function isKept(entry: unknown): entry is KeptFinding {
  if (entry === null || typeof entry !== 'object') return false;
  const { rule, finding, residue } = entry as Partial<KeptFinding>;
  return typeof rule === 'string' && typeof residue === 'boolean' && finding !== null && typeof finding === 'object'
    && typeof finding.path === 'string' && typeof finding.line === 'number' && typeof finding.message === 'string';
}

/** Coverage of a feature from the cache when its key is there, else worked out and kept. */
function keptCoverage(scopes: ScopeKeys, cache: FindingCache): CoverageSource {
  return (feature, compute) => {
    const key = scopes.feature(feature);
    if (key === undefined) return compute();
    const value = cache.get(key);
    // What evaluate wrote: a feature's coverage, or null for none; anything else is worked out again.
    if (value === null) return undefined;
    if (isCoverage(value)) return value;
    const coverage = compute();
    cache.set(key, coverage ?? null);
    return coverage;
  };
}

function isCoverage(value: unknown): value is FeatureCoverage {
  if (value === null || typeof value !== 'object') return false;
  const { feature, spec, tasks, rows } = value as Partial<FeatureCoverage>;
  return typeof feature === 'string' && typeof spec === 'string' && typeof tasks === 'string' && Array.isArray(rows);
}

interface RunArgs {
  rule: Rule;
  document: Document;
  setting: { severity: Severity; options: Record<string, unknown> };
  input: EvaluateInput;
  documents: Document[];
  paths: ReadonlySet<string>;
  byFeature: Map<string, Document[]>;
  candidates: Candidate[];
}

function runRule({ rule, document, setting, input, documents, paths, byFeature, candidates }: RunArgs): void {
  const options = rule.meta.options.safeParse(setting.options);
  const report = (raw: RawFinding): void => {
    pushFinding(candidates, rule, setting.severity, raw.path ?? document.path, raw);
  };
  try {
    rule.check({
      document,
      feature: document.feature === '' ? [document] : (byFeature.get(document.feature) ?? [document]),
      all: documents,
      constitution: input.config.constitution,
      ...(input.tree ? { tree: input.tree } : {}),
      paths,
      ...(input.base ? { base: input.base } : {}),
      options: options.success ? options.data : rule.meta.options.parse({}),
      report,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    candidates.push({ rule, residue: false, finding: stamp(rule, 'error', document.path, { line: 1, message: `Unexpected error in rule \`${rule.meta.id}\`: ${reason}` }) });
  }
}

function pushFinding(candidates: Candidate[], rule: Rule, severity: Severity, path: string, raw: RawFinding): void {
  candidates.push({ finding: stamp(rule, severity, path, raw), rule, residue: raw.residue ?? rule.meta.residue ?? false });
}

function stamp(rule: Rule, severity: Severity, path: string, raw: RawFinding): Finding {
  return {
    rule: rule.meta.id,
    gate: rule.meta.gate,
    severity,
    path,
    line: Math.max(1, raw.line),
    ...(raw.column !== undefined ? { column: raw.column } : {}),
    ...(raw.endLine !== undefined ? { endLine: raw.endLine } : {}),
    message: raw.message,
    docs: `${DOCS_BASE}${rule.meta.id}.md`,
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

const FAILING: Record<Config['fail-on'], ReadonlySet<Severity>> = {
  error: new Set(['error']),
  warning: new Set(['error', 'warning']),
};

function fold(findings: Finding[], documents: Document[], config: Config, gatedAny: boolean): Report {
  const failing = FAILING[config['fail-on']];
  const gates: GateResult[] = GATES.map((id) => {
    const own = findings.filter((finding) => finding.gate === id);
    let conclusion: Conclusion = 'success';
    if (!gatedAny && own.length === 0) conclusion = 'neutral';
    else if (own.some((finding) => failing.has(finding.severity))) conclusion = 'failure';
    return { id, conclusion, findings: own };
  });
  let conclusion: Conclusion = 'success';
  if (gates.some((gate) => gate.conclusion === 'failure')) conclusion = 'failure';
  else if (!gatedAny && findings.length === 0) conclusion = 'neutral';
  return {
    conclusion,
    gates,
    documents: documents.map(({ path, kind, family }) => ({ path, kind, family })).sort((a, b) => a.path.localeCompare(b.path)),
  };
}
