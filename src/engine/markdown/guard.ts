/**
 * The markdown parser takes time quadratic in the number of `]`, of emphasis delimiters
 * (`*`, `_`) and of HTML openers (`<!--`, `<![CDATA[`, `<?`, about 16 times costlier
 * each) within one paragraph, and recursion as deep as the blockquote nesting. Real documents are nowhere near the limits below; crafted ones can be, and
 * one such file must not stall a pull request's checks. Measured: one paragraph of
 * 10,000 `]` parses in about 0.35 s, 40,000 in about 4 s.
 */
const BUDGET = 4e8;
const MAX_QUOTE_DEPTH = 100;
// Anywhere on a line: blockquotes also nest inside list items and other containers.
const DEEP_QUOTE = new RegExp(`(?:>[ \\t]{0,3}){${MAX_QUOTE_DEPTH + 1}}`);
const HTML_WEIGHT = 4;

/** Why a text is too costly to parse, with the line where the costly block starts. */
export interface Pathology {
  line: number;
  reason: string;
}

/** Finds a block whose parse would take super-linear time or blow the stack; linear in the text. */
export function findPathology(text: string): Pathology | undefined {
  const deep = DEEP_QUOTE.exec(text);
  if (deep) return { line: lineAt(text, deep.index), reason: `blockquotes nested more than ${MAX_QUOTE_DEPTH} deep` };
  let cost = 0;
  let blockLine = 1;
  let line = 1;
  let brackets = 0;
  let delimiters = 0;
  let openers = 0;
  let lineHasText = false;
  let worst: Pathology | undefined;
  const close = (): void => {
    const html = openers * HTML_WEIGHT;
    cost += brackets * brackets + delimiters * delimiters + html * html;
    if (!worst && cost > BUDGET) {
      const what = [`${brackets} \`]\``, `${delimiters} \`*\` or \`_\``, `${openers} \`<!\` or \`<?\``];
      const largest = [brackets, delimiters, html].indexOf(Math.max(brackets, delimiters, html));
      worst = { line: blockLine, reason: `${what[largest]} in one paragraph` };
    }
    brackets = 0;
    delimiters = 0;
    openers = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!lineHasText) {
        close();
        blockLine = line + 1;
      }
      line++;
      lineHasText = false;
    } else if (c === 93) {
      brackets++;
      lineHasText = true;
    } else if (c === 42 || c === 95) {
      delimiters++;
      lineHasText = true;
    } else if (c === 60) {
      const next = text.charCodeAt(i + 1);
      if (next === 33 || next === 63) openers++;
      lineHasText = true;
    } else if (c !== 32 && c !== 9) {
      lineHasText = true;
    }
  }
  close();
  return worst;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
