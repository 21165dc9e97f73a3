/** Pure renderers of a report: the CLI, the Action and the App print the same strings. */
export { renderText } from './text.js';
export { renderJson, toJsonReport, type JsonReport } from './json.js';
export { renderSarif, type SarifOptions, type SarifRuleMeta } from './sarif.js';
export { renderMarkdown, DEFAULT_MARKDOWN_LENGTH, type MarkdownOptions } from './markdown.js';
export { countSeverities, describeCounts, type SeverityCounts } from './counts.js';
export {
  untrustedText, untrustedCode, untrustedPlain, untrustedMarkdown, untrustedUser, untrustedLog, untrustedTerminal, truncate, hasSpecgateMarker, type UntrustedOptions,
} from './untrusted.js';
