import { rules } from '../engine/index.js';
import type { Format } from './args.js';

/** `specgate rules`: every registered rule with its gate, default severity and description. */
export function listRules(format: Format): string {
  const rows = rules.map(({ meta }) => ({ id: meta.id, gate: meta.gate, severity: meta.severity, description: meta.description }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const idWidth = Math.max(4, ...rows.map((row) => row.id.length));
  const gateWidth = Math.max(4, ...rows.map((row) => row.gate.length));
  const line = (id: string, gate: string, severity: string, description: string): string =>
    `${id.padEnd(idWidth)}  ${gate.padEnd(gateWidth)}  ${severity.padEnd(8)}  ${description}`;
  return `${[line('RULE', 'GATE', 'SEVERITY', 'DESCRIPTION'), ...rows.map((row) => line(row.id, row.gate, row.severity, row.description))].join('\n')}\n`;
}
