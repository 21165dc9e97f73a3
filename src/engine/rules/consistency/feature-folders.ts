/** A feature folder's name split into its number and its short name. */
export interface FeatureName {
  /** `003`, or spec-kit's timestamp `20250101-120000`. */
  number: string;
  /** What follows the number, lower-cased; '' for a bare number. */
  name: string;
}

// `003-user-auth`; spec-kit's timestamp folders `20250101-120000-user-auth`. A date
// (`2025-12-15-add-x`, OpenSpec's archive) is not a feature number.
const TIMESTAMPED = /^(\d{8}-\d{6})(?:-(.*))?$/;
const NUMBERED = /^(\d{3,})(?!-\d{2}-\d{2}(?:-|$))(?:-(.*))?$/;

/** The number and name of a folder or branch name, or undefined when it is not numbered. */
export function featureName(name: string): FeatureName | undefined {
  const match = TIMESTAMPED.exec(name) ?? NUMBERED.exec(name);
  if (!match) return undefined;
  return { number: match[1]!, name: (match[2] ?? '').toLowerCase() };
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder holding a path ('' at the root). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
