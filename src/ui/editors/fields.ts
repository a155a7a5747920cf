/** Helpers shared by the editor fields: element ids from scenario paths, and number parsing. */
import type { Path } from '../workspace/workspace.svelte.ts';

export function fieldId(path: Path): string {
  return 'f-' + path.join('-').replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A number from what the user typed, or the text itself when it is not one (kept, and flagged). */
export function numberOrText(text: string, scale = 1): number | string {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return text;
  const n = Number(trimmed);
  return Number.isFinite(n) ? roundish(n / scale) : text;
}

export function shownNumber(value: unknown, scale = 1): string {
  if (typeof value === 'number') return String(roundish(value * scale));
  return value === undefined || value === null ? '' : String(value);
}

/** Trims floating-point noise from a scaled value (0.07 × 100 = 7.000000000000001). */
export function roundish(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}
