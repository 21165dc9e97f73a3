import { changeFolder, mainSpecPath, openspecPlace } from '../rules/openspec/parse.js';

/** What a pull request's OpenSpec documents are: the ones to gate, and the ones to read beside them. */
export interface OpenSpecSelection {
  /**
   * Markdown files to gate, sorted: every file of each change folder the pull request touches
   * (a file added, edited or deleted anywhere inside it, `.openspec.yaml` included), each main
   * spec those changes' deltas apply to, and each main spec the pull request edits itself.
   */
  gate: string[];
  /**
   * Markdown files to read but not gate, sorted: the delta specs of other active changes for the
   * same capabilities (a requirement one of them ADDs is in flight, not missing).
   */
  context: string[];
}

/**
 * Which OpenSpec documents a pull request gates: given the paths it changes and the tree of
 * its head, a touched change is gated whole (a delta is read against its proposal, tasks and
 * sibling deltas), and the main specs its deltas modify come with it; untouched changes and
 * capabilities are left alone. Paths outside `openspec/` are not considered. Pure.
 */
export function selectOpenSpec(changed: Iterable<string>, tree: Iterable<string>): OpenSpecSelection {
  const files = [...tree].filter((path) => path.toLowerCase().endsWith('.md'));
  const known = new Set(files);
  const touchedChanges = new Set<string>();
  const gate = new Set<string>();
  for (const path of changed) {
    const place = openspecPlace(path);
    if (!place) continue;
    if (place.type === 'main-spec') {
      if (known.has(path)) gate.add(path);
      continue;
    }
    touchedChanges.add(changeFolder(place.root, place.change, place.archived));
  }
  const capabilities = new Set<string>();
  for (const path of files) {
    const place = openspecPlace(path);
    if (!place || place.type === 'main-spec') continue;
    if (!touchedChanges.has(changeFolder(place.root, place.change, place.archived))) continue;
    gate.add(path);
    if (place.type === 'delta-spec' && !place.archived) capabilities.add(`${place.root}\u0000${place.capability}`);
  }
  const context = new Set<string>();
  for (const key of capabilities) {
    const [root, capability] = key.split('\u0000') as [string, string];
    const main = mainSpecPath(root, capability);
    if (known.has(main)) gate.add(main);
  }
  for (const path of files) {
    const place = openspecPlace(path);
    if (place?.type !== 'delta-spec' || place.archived || gate.has(path)) continue;
    if (capabilities.has(`${place.root}\u0000${place.capability}`)) context.add(path);
  }
  return { gate: [...gate].sort(), context: [...context].sort() };
}
