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

/**
 * Fields the editor shows as percentages, though the scenario holds them as shares from 0 to 1.
 * The one list: a NumberField reads its scale from it, and a problem reported away from its field
 * (the summary above the editor, a refused run) reads in the same percentages as beside it.
 */
const PERCENT_FIELDS: readonly RegExp[] = [
  /^staffing\.shrinkage$/,
  /^desks\.periods\.\d+\.shieldingShare$/,
  /^triage101\.(toOnline|toCallback|toOtherTeam)$/,
  /^triage101$/, // the three shares' sum
  /^diversion\.(999|101)\.[^.]+$/,
  /^targets\.(999|101|online)\.share$/,
  /^redial\.(999|101)\.(probability|to999)$/,
];

/** The scale a field at `path` (dotted) is shown at: 100 for the percentage fields, else 1. */
export function shownScale(path: string): number {
  return PERCENT_FIELDS.some((p) => p.test(path)) ? 100 : 1;
}

const BOUND_WORDS: Record<string, string> = { '≥': 'at least', '>': 'more than', '≤': 'at most', '<': 'less than' };
const BOUND = /^expected (a number|.+?) ([≥>≤<]) (-?[\d.]+(?:e[-+]?\d+)?)(?:, got (-?[\d.]+(?:e[-+]?\d+)?))?$/;

/**
 * A schema message in the units of the field it is shown beside. The schema speaks in stored
 * values ("expected a number ≤ 0.95, got 1.2"), right for the JSON and the command line; a field
 * shown at scale 100 was typed as a percentage, so its message says "expected at most 95 %, got
 * 120 %". Messages of other shapes pass unchanged.
 */
export function shownMessage(message: string, scale = 1, unit = ''): string {
  const m = scale === 1 ? null : BOUND.exec(message);
  if (!m) return message;
  const [, subject, op, limit, got] = m;
  const value = (v: string) => `${roundish(Number(v) * scale)}${unit ? ` ${unit}` : ''}`;
  const what = subject === 'a number' ? '' : `${subject} `;
  return `expected ${what}${BOUND_WORDS[op!]} ${value(limit!)}${got === undefined ? '' : `, got ${value(got)}`}`;
}

/** A problem's message where it is shown away from its field (the summary, a refusal): in the field's percentages where it has them. */
export function shownProblem(path: string, message: string): string {
  return shownMessage(message, shownScale(path), '%');
}
