import type { Document, Table } from '../../types.js';
import { isBoilerplate } from './plan-sections.js';
import { matchList } from '../../markdown/matches.js';

/** How one line of a constitution check reads: a gate that passed, failed, or is not yet verified. */
export type Verdict = 'pass' | 'fail' | 'unverified';

/** One judged line of a constitution check. */
export interface GateLine {
  line: number;
  verdict: Verdict;
  /** The author marked the deviation as justified on the line itself. */
  justified: boolean;
}

// Template placeholders that stand where verdicts belong (spec-kit gen 2 and the epic template).
export const VERDICT_PLACEHOLDER = /\[\s*Gates determined based on constitution file\s*\]|\[\s*(?:OK|PASS|Yes)\s*\/\s*[^\]]*\]/gi;
// Template instructions in brackets, possibly wrapped over several lines: `[Summarize the applicable gates ...`.
const INSTRUCTION_START = /\[\s*(?:Summarize|List|Document|Describe|Fill|Extract|For each)\b[^\]]*(\]?)/i;

// Upper-case status words, so prose ("tests must fail first") is never a verdict.
const FAIL = /❌|🔴|NEEDS\s+REVIEW|\bFAIL(?:ED|S|ING)?\b|\bNON[- ]?COMPLIANT\b|\bVIOLAT(?:ION|IONS|ES|ED)\b|\bNÃO CONFORME\b|\bREPROVADO\b|不通过|未通过|违反|違反/;
const NOT_A_FAILURE = /\b(?:MUST|SHOULD|WILL|TO|SHALL)\s+FAIL\b|\bFAIL(?:ING)?\s+(?:FIRST|TESTS?)\b|\b(?:no|zero|without|sem|nenhuma?|none|0)\s+(?:\w+\s+)?VIOLATIONS?\b|VIOLATIONS?\s*[:：]?\s*(?:none|n\/a|0|zero)\b/i;
const UNVERIFIED = /NEEDS\s+(?:RESEARCH|WORK)|\bDEFERRED\b|\bPARTIAL(?:LY)?\b|\bPartial\b|\bCONDITIONAL\b|\bConditional\b|\bPENDING\b|\bPending\b|\bTBD\b|\bPARCIAL\b|\bPENDENTE\b|待定|待确认|部分/;
const WARNING_SIGN = /⚠️?/;
// A status that only says the principle is binding (`⚠️ REQUERIDO`, `⚠️ REQUIRED`) or that a concern was
// noted (`⚠️ NOTED — ...`): an obligation noted
// for implementation, not a gate left open ("DEPENDENCY CHECK REQUIRED" names an open check and stays one).
const OBLIGATION_ONLY = /^(?:[\s*_]|⚠\uFE0F?)*(?:NOTED|Noted|ACKNOWLEDGED|Acknowledged|REQUIRED|Required|MANDATORY|Mandatory|REQUERIDO|Requerido|OBRIGAT[ÓO]RIO|Obrigat[óo]rio|OBLIGATORIO|Obligatorio|必须|必需|必要)[\s*_.!]*$/u;
const CROSS = /[✗✘]/;
const PASS_CASED = /✅|✔|✓|☑|🟢|\bPASS(?:ED|ES)?\b|\bPass(?:ed|es)?\b|\bOK\b|\bYES\b|\bYes\b|\bMET\b|\bMet\b|\bN\/A\b|\bAPROVADO\b|\bAprovado\b|\bCONFORME\b|\bConforme\b|通过|符合|合规|遵守|準拠|适用/;
const PASS_WORDS = /\bcompl(?:iant|ies|iance confirmed)\b|(?<!\bnot\s)\bconforms?\b|(?<!\bnot\s)\bsatisfie[sd]\b|\bnot applicable\b|\bno (?:constitutional )?violations?\b|\baligns? with\b|\badheres? to\b/i;
// The author accepted the deviation on the line itself ("JUSTIFIED: ...", "Partial, deliberately").
const JUSTIFIED = /\bjustified\b|\bjustificad[oa]s?\b|\bdeliberate(?:ly)?\b|\bintentional(?:ly)?\b|\bby design\b|已说明|已论证|正当化/i;
const STATUS_HEADER = /status|result|verdict|compliance|conform|pass|状态|结果|合规|判定|estado|resultado|situa[çc][ãa]o|статус/i;

/** Reads one status cell (or a verdict-position part of a line) for a verdict; `undefined` when it states none. */
export function readVerdict(raw: string, statusPosition = false): Verdict | undefined {
  const text = raw.replace(/\*\*|__/g, '');
  if (FAIL.test(text) && !NOT_A_FAILURE.test(text)) return 'fail';
  if (CROSS.test(text) && !/\bN\/A\b|applicable/i.test(text)) return 'fail';
  if (UNVERIFIED.test(text)) return 'unverified';
  if (statusPosition && OBLIGATION_ONLY.test(text)) return undefined;
  if (statusPosition && WARNING_SIGN.test(text)) return 'unverified';
  if (PASS_CASED.test(text) || PASS_WORDS.test(text)) return 'pass';
  return undefined;
}

// A verdict is short: the head of a part is read within this many characters, and a line is read in at
// most this many parts, so a pathological line costs linear time.
const HEAD_LENGTH = 200;
const MAX_PARTS = 16;
// Marks that state a verdict by themselves when they lead a line, a cell or what follows `:`/`→`.
const MARK = /^(?:✅|❌|⚠\uFE0F?|✔\uFE0F?|✓|☑\uFE0F?|✗|✘|🟢|🔴|🟡)/u;
// Where a part of a line ends: the verdict is the head of a part, the rest is the author's note.
const PART_END = /\s+[-–—]\s|[–—(;,.|]|\s+\/\s|[:：→]|->|=>/;
// Verdict words that may stand at the head of a part. Upper-case (or CJK) words state a verdict
// wherever they lead; title-case ones (`Conditional`, `Pending`, `Pass`) only when nothing but a
// note follows them, so `Conditional Rendering` or `Pending invites are shown` stay prose.
const HEAD_WORD = /^(?:NEEDS\s+[A-Z]+|NOT\s+(?:COMPLIANT|MET|VERIFIED)|NON[- ]?COMPLIANT|N[ÃA]O\s+CONFORME|CONDITIONAL(?:\s+PASS)?|PARTIAL(?:LY)?(?:\s+PASS)?|[A-Z][A-Z/]+\b|[\u3400-\u9fff\u30a0-\u30ff]+)/u;
const TITLE_WORD = /^(?:Conditional|Partial(?:ly)?|Pending|Deferred|Pass(?:ed)?|Fail(?:ed)?|Met|Yes|Compliant|Conforme|Aprovado|Parcial|Pendente|Justified)(?:\s+(?:pass|compliant|met))?\s*$/i;

/**
 * The parts of a prose line that sit where a verdict goes: the line's head when it leads with a
 * mark or an upper-case status word (`✅ ...`, `DEFERRED: ...`), and the head of what follows each
 * `:`, `→` or `?` (`**Status**: ⚠️ CONDITIONAL PASS`, `Library-First → PASS`, `Single project? YES`). Verdict words elsewhere
 * (a principle named "Conditional Rendering", "tests must FAIL first") are prose.
 */
export function verdictParts(raw: string): VerdictPart[] {
  const text = raw.replace(/\*\*|__|`/g, '').replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX~]\]\s*)?/, '');
  const parts: VerdictPart[] = [];
  const starts = [0];
  for (const match of matchList(text, /[:：→?？]|->|=>/g)) {
    if (starts.length > MAX_PARTS) break;
    starts.push(match.index + match[0].length);
  }
  // `⚠️ Reminder: ...` leads a caution note with a label; the sign is no verdict there.
  const lead = text.slice(0, HEAD_LENGTH);
  const caution = /^[\s*_[(]*⚠/u.test(lead) && /^[^:：→]*[:：]/.test(lead) && !/^[\s*_[(]*⚠\uFE0F?\s*[:：]/u.test(lead);
  for (const start of starts) {
    const head = verdictHead(text.slice(start, start + HEAD_LENGTH));
    if (head !== undefined) parts.push({ text: head, status: !(start === 0 && caution) });
  }
  return parts;
}

/** One part of a line in a verdict position; `status` when a bare ⚠️ there leaves the gate open. */
export interface VerdictPart {
  text: string;
  status: boolean;
}

/** The verdict at the head of one part of a line, if the part leads with one. */
function verdictHead(part: string): string | undefined {
  const rest = part.replace(/^[\s*_[(]+/, '');
  const mark = MARK.exec(rest);
  if (mark) return rest.split(PART_END)[0]!.split(/\s+/).slice(0, 3).join(' ');
  const word = HEAD_WORD.exec(rest);
  if (word) return word[0];
  const untilEnd = rest.split(PART_END)[0]!.replace(/[\]*_\s]+$/, '');
  return TITLE_WORD.test(untilEnd) ? untilEnd : undefined;
}

/** Reads a prose line for a verdict stated in a verdict position; `undefined` when it states none. */
export function readLineVerdict(raw: string): Verdict | undefined {
  const parts = verdictParts(raw.replace(VERDICT_PLACEHOLDER, ' '));
  const verdicts = parts.map((part) => readVerdict(part.text, part.status)).filter((verdict) => verdict !== undefined);
  if (verdicts.length === 0) return undefined;
  const whole = raw.replace(/\*\*|__/g, '');
  // `✗ Multi-Tenancy - NOT APPLICABLE`: the cross marks a principle that does not apply.
  if (CROSS.test(whole) && /\bN\/A\b|applicable/i.test(whole) && !FAIL.test(whole)) return 'pass';
  // A prose "no violations" note or "must FAIL first" is read on the whole line, as before.
  if (verdicts.includes('fail') && !NOT_A_FAILURE.test(whole)) return 'fail';
  if (verdicts.includes('unverified')) return 'unverified';
  return verdicts.includes('fail') ? undefined : 'pass';
}

/** Reads every line of a constitution check's body into gate lines (placeholders and notes skipped). */
export function readGateLines(document: Document, lines: readonly number[]): GateLine[] {
  const rows = tableRowsByLine(document.tables);
  const boxes = new Map(document.checkboxes.map((box) => [box.line, box]));
  const result: GateLine[] = [];
  let inInstruction = false;
  for (const line of lines) {
    let text = document.prose[line - 1] ?? '';
    if (inInstruction) {
      const close = text.indexOf(']');
      if (close < 0) continue;
      inInstruction = false;
      text = ' '.repeat(close + 1) + text.slice(close + 1);
    }
    const instruction = INSTRUCTION_START.exec(text);
    if (instruction) {
      inInstruction = instruction[1] !== ']';
      text = text.slice(0, instruction.index);
    }
    if (isBoilerplate(text)) continue;
    const bare = text.replace(VERDICT_PLACEHOLDER, ' ');
    const row = rows.get(line);
    const box = boxes.get(line);
    let verdict = row ? readRow(row.cells, row.status) : readLineVerdict(bare);
    if (box && verdict !== 'fail') verdict = box.checked ? (verdict ?? 'pass') : 'unverified';
    if (verdict) result.push({ line, verdict, justified: JUSTIFIED.test(text) });
  }
  return result;
}

interface RowInfo {
  cells: string[];
  /** Index of the status column, or -1 when the table has none. */
  status: number;
}

function tableRowsByLine(tables: readonly Table[]): Map<number, RowInfo> {
  const map = new Map<number, RowInfo>();
  for (const table of tables) {
    const status = table.header.cells.findIndex((cell) => STATUS_HEADER.test(cell));
    for (const row of table.rows) map.set(row.line, { cells: row.cells, status });
    map.set(table.header.line, { cells: [], status: -1 });
  }
  return map;
}

function readRow(cells: readonly string[], status: number): Verdict | undefined {
  if (status >= 0 && cells[status] !== undefined) return readVerdict(cells[status]!, true);
  // Without a status column, the first cell leading with a verdict decides (the notes come after it).
  for (const cell of cells.slice(1)) {
    const verdict = readLineVerdict(cell);
    if (verdict) return verdict;
  }
  return undefined;
}
