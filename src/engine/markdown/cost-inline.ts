/**
 * What the inline parser spends on one paragraph, estimated in one pass (costs in
 * {@link https://github.com/micromark/micromark micromark} work units of about a
 * microsecond each on the 2-core machine the limits were measured on).
 *
 * Quadratic within a paragraph: `]` (each looks back over every `[`), emphasis and
 * strikethrough delimiters (each run is matched against every earlier one; `~` about six
 * times costlier than `*`), HTML openers (`<!--`, `<?`, `<![CDATA[` scan to the paragraph's
 * end when unclosed) and backtick runs (an opener scans forward to a run of its own length).
 * Linear, but heavy: every punctuation mark becomes a token or two.
 */
export interface InlineCost {
  brackets: number;
  delimiters: number;
  openers: number;
  /** Characters code-span openers scan before finding their closer or the paragraph's end. */
  backtickScan: number;
  punctuation: number;
}

const BRACKET_UNIT = 0.035;
const DELIMITER_UNIT = 0.025;
const OPENER_UNIT = 0.4;
const BACKTICK_UNIT = 0.04;
const TRIGGER_UNIT = 24;
const PUNCTUATION_UNIT = 3;

/** Accumulates {@link InlineCost} over one paragraph at a time; `close()` ends the paragraph. */
export class InlineCounter {
  private brackets = 0;
  private delimiters = 0;
  private openers = 0;
  private readonly runs = new Map<number, number>();
  private backtickScan = 0;
  /** The paragraph's counts so far, for the reason of a pathology. */
  worst: InlineCost = { brackets: 0, delimiters: 0, openers: 0, backtickScan: 0, punctuation: 0 };
  /** Estimated cost by cause. */
  readonly parts = { quadratic: 0, punctuation: 0 };
  /** Characters that start an inline construct, in the whole text so far. */
  triggers = 0;
  total = 0;

  /** Counts one line (`start` to `end`, newline excluded); returns how many characters in it start an inline construct. */
  line(text: string, start: number, end: number): number {
    let triggers = 0;
    let punctuation = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 93) this.brackets++;
      else if (c === 42 || c === 95) this.delimiters++;
      else if (c === 126) this.delimiters++;
      else if (c === 60) {
        const next = text.charCodeAt(i + 1);
        if (next === 33 || next === 63) this.openers++;
      } else if (c === 96) {
        let j = i + 1;
        while (j < end && text.charCodeAt(j) === 96) j++;
        this.run(j - i, i);
        triggers += j - i;
        i = j - 1;
        continue;
      }
      if (isTrigger(c)) triggers++;
      else if (isPunctuation(c)) punctuation++;
    }
    this.triggers += triggers;
    const cost = triggers * TRIGGER_UNIT + punctuation * PUNCTUATION_UNIT;
    this.parts.punctuation += cost;
    this.total += cost;
    return triggers;
  }

  /** The quadratic cost of the paragraph still open (its backtick runs aside), and its counts. */
  pending(): { cost: number; counts: InlineCost } {
    const counts = { brackets: this.brackets, delimiters: this.delimiters, openers: this.openers, backtickScan: this.backtickScan, punctuation: 0 };
    return { cost: costOf(counts), counts };
  }

  /** Ends the paragraph at `end` (an offset in the text) and adds its quadratic cost. */
  close(end: number): number {
    for (const start of this.runs.values()) this.backtickScan += end - start;
    this.runs.clear();
    const counts = { brackets: this.brackets, delimiters: this.delimiters, openers: this.openers, backtickScan: this.backtickScan };
    const cost = costOf(counts);
    if (cost > costOf(this.worst)) {
      this.worst = { ...counts, punctuation: 0 };
    }
    this.parts.quadratic += cost;
    this.total += cost;
    this.brackets = 0;
    this.delimiters = 0;
    this.openers = 0;
    this.backtickScan = 0;
    return cost;
  }

  private run(length: number, at: number): void {
    const open = this.runs.get(length);
    if (open === undefined) this.runs.set(length, at);
    else {
      this.backtickScan += at - open;
      this.runs.delete(length);
    }
  }
}

/** The quadratic part of a paragraph's cost. */
export function costOf(cost: Omit<InlineCost, 'punctuation'>): number {
  return cost.brackets ** 2 * BRACKET_UNIT + cost.delimiters ** 2 * DELIMITER_UNIT + cost.openers ** 2 * OPENER_UNIT + cost.backtickScan * BACKTICK_UNIT;
}

/** Names the costliest part of a paragraph, as a reason a reader can act on. */
export function describeInline(cost: InlineCost): string {
  const parts: Array<[number, string]> = [
    [cost.brackets ** 2 * BRACKET_UNIT, `${cost.brackets} \`]\``],
    [cost.delimiters ** 2 * DELIMITER_UNIT, `${cost.delimiters} \`*\`, \`_\` or \`~\``],
    [cost.openers ** 2 * OPENER_UNIT, `${cost.openers} \`<!\` or \`<?\``],
    [cost.backtickScan * BACKTICK_UNIT, `backtick runs that scan ${cost.backtickScan} characters for their closers`],
  ];
  parts.sort((a, b) => b[0] - a[0]);
  return `${parts[0]![1]} in one paragraph`;
}

/** Characters that start an inline construct in micromark or its GFM extensions: `!&*<@[\\]_`|~`. */
function isTrigger(c: number): boolean {
  return c === 33 || c === 38 || c === 42 || c === 60 || c === 64 || c === 91 || c === 92 || c === 93 || c === 95 || c === 96 || c === 124 || c === 126;
}

function isPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
