import type * as z from 'zod/mini';
import type { Document, Family, GateId, Kind, RawFinding, Severity } from './types.js';

/** Everything a rule may read, and the one way it may speak. */
export interface RuleContext<Options> {
  /** The document being checked. */
  document: Document;
  /** Every document of the same feature folder, this one included. */
  feature: readonly Document[];
  /** Every document in the run (the constitution and other features included). */
  all: readonly Document[];
  /** The config's `constitution` list (paths or globs of the project constitution), when the run has a config. */
  constitution?: readonly string[];
  /** Paths known to exist in the repository (not only the checked documents), when the shell knows them. */
  tree?: ReadonlySet<string>;
  /** Paths known to exist: {@link tree} when the shell gave it, else the paths of {@link all} (one set for the whole run). */
  paths: ReadonlySet<string>;
  /** Files as they were before the change (the base branch), when the shell knows them. */
  base?: ReadonlyMap<string, string>;
  options: Options;
  report(finding: RawFinding): void;
}

export interface RuleMeta<Schema extends z.ZodMiniType> {
  /** Kebab-case id; equals the file name and the docs page name. */
  id: string;
  gate: GateId;
  /** One sentence: what the rule checks. */
  description: string;
  /** Document kinds the rule runs on. */
  kinds: readonly Kind[];
  /** Families the rule runs on; all when omitted. */
  families?: readonly Family[];
  severity: Severity;
  /** zod schema of the rule's options; `z.object({})` when it has none. */
  options: Schema;
  /**
   * The rule reports leftovers of a template (placeholders, instruction comments, example
   * rows): on a document that `unfilled-template` reports, its findings fold into that one
   * finding. A rule whose findings are only sometimes about template state leaves this
   * unset and marks those findings with {@link RawFinding.residue}.
   */
  residue?: boolean;
  /**
   * Rules this one is more specific than: when it and one of them report the same line of
   * the same document, only this rule's finding is kept. Applied in one place, after every
   * rule has run (see `resolveOverlaps` in overlaps.ts).
   */
  supersedes?: readonly string[];
  /**
   * Set on a rule that stands for a whole document's template state: when it reports a
   * document, the findings of `residue` rules in that document are dropped in its favour.
   */
  foldsResidue?: boolean;
  /**
   * What the rule's findings on a document depend on. `document` (the default): the
   * document, the documents of its feature, what every document of the run is (path, kind,
   * family, feature, never its content), the constitutions, the tree's paths, the base texts
   * and the rule's options; a shell's cache may then replay them while none of these
   * changed. `run`: the content of any document of the run; never replayed. A test holds
   * every rule to its scope (test/engine/rule-scope.test.ts).
   */
  scope?: 'document' | 'run';
}

export interface Rule<Schema extends z.ZodMiniType = z.ZodMiniType> {
  meta: RuleMeta<Schema>;
  check(context: RuleContext<z.infer<Schema>>): void;
}

/** Declares a rule; the identity function that gives `check` its option types. */
export function defineRule<Schema extends z.ZodMiniType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}

/**
 * `derive`, worked out once per object: what a rule derives from something every rule call
 * of a run shares ({@link RuleContext.all}, {@link RuleContext.tree}) or from a document
 * (its requirements, read by several rules) is not rebuilt per call. The object must not
 * change while it is in use, as nothing in a run does.
 */
export function oncePer<Key extends object, T>(derive: (key: Key) => T): (key: Key) => T {
  const derived = new WeakMap<Key, T>();
  return (key) => {
    if (!derived.has(key)) derived.set(key, derive(key));
    return derived.get(key)!;
  };
}

/**
 * `derive`, worked out once per set of paths: every document of a run shares one
 * {@link RuleContext.paths}, so what a rule derives from it is not rebuilt per document.
 */
export function oncePerPaths<T>(derive: (paths: ReadonlySet<string>) => T): (paths: ReadonlySet<string>) => T {
  return oncePer(derive);
}
