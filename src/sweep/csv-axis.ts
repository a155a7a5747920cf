/**
 * A CSV table as a sweep axis: one variant per row, e.g. one force per row with its calls per day
 * and headcount. Known columns become the matching overrides; any other column names a scenario
 * field by its dotted path. An empty cell keeps the base scenario's value.
 */
import Papa from 'papaparse';
import { CHANNELS, type Problem } from '../scenario/index.ts';
import type { Axis, Variant } from './schema.ts';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A cell as JSON: numbers and true/false as such, anything else as text. */
function cellValue(text: string): unknown {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

export function csvVariants(text: string, axis: Axis, at: string): { variants: Variant[]; problems: Problem[] } {
  const file = axis.csv!;
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems: Problem[] = [];
  const fail = (message: string) => problems.push({ path: `${at}.csv`, message: `${file}: ${message}` });
  const header = (parsed.meta.fields ?? []).map((f) => f.trim());
  if (!header.includes('name')) fail(`expected a header row with a "name" column, got ${header.length ? header.map((h) => `"${h}"`).join(', ') : 'none'}`);
  if (header.includes('headcount') && header.includes('staffFactor')) fail('expected either a "headcount" or a "staffFactor" column, not both');
  if (header.includes('headcount') && axis.baseHeadcount === undefined)
    problems.push({ path: `${at}.baseHeadcount`, message: `required with the "headcount" column of ${file}: the headcount the base rota stands for` });
  if (parsed.data.length === 0) fail('expected at least one row under the header');
  for (const e of parsed.errors) if (e.code !== 'UndetectableDelimiter') fail(`row ${(e.row ?? 0) + 2}: ${e.message}`);
  if (problems.length) return { variants: [], problems };

  const variants = parsed.data.map((raw, r) => {
    const row = `row ${r + 2}`;
    const cells = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.trim(), String(v ?? '').trim()]));
    const variant: Variant = { label: cells.name ?? '' };
    if (!variant.label) fail(`${row}, column "name": expected the variant's name, got nothing`);
    const number = (column: string, min: number): number | undefined => {
      const text = cells[column]!;
      const n = Number(text);
      if (!NUMBER.test(text) || n < min) fail(`${row}, column "${column}": expected a number ≥ ${min}, got "${text}"`);
      return n;
    };
    const set: Record<string, unknown> = {};
    for (const column of header) {
      if (column === 'name' || cells[column] === '' || cells[column] === undefined) continue;
      if ((CHANNELS as readonly string[]).includes(column)) set[`demand.channels.${column}.callsPerDay`] = number(column, 0);
      else if (column === 'staffFactor') variant.staffFactor = number(column, 0);
      else if (column === 'headcount') variant.staffFactor = number(column, 0)! / axis.baseHeadcount!;
      else set[column] = cellValue(cells[column]!);
    }
    if (Object.keys(set).length) variant.set = set;
    return variant;
  });
  return { variants, problems };
}
