/**
 * A CSV table as a sweep axis: one variant per row, e.g. one force per row with its calls per day
 * and headcount. Known columns become the matching overrides; any other column names a scenario
 * field by its dotted path. An empty cell keeps the base scenario's value.
 */
import { splitLine } from '../history/csv-lines.ts';
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
  const problems: Problem[] = [];
  const fail = (message: string) => problems.push({ path: `${at}.csv`, message: `${file}: ${message}` });
  // Rows keep their line numbers in the file, as a spreadsheet shows them.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line, i) => ({ line, row: i + 1 })).filter((l) => l.line.trim() !== '');
  const head = splitLine(lines[0]?.line ?? '');
  const header = head.fields.map((f) => f.trim());
  if (head.error) fail(`row 1: ${head.error}`);
  if (!header.includes('name')) fail(`expected a header row with a "name" column, got ${header.length ? header.map((h) => `"${h}"`).join(', ') : 'none'}`);
  if (header.includes('headcount') && header.includes('staffFactor')) fail('expected either a "headcount" or a "staffFactor" column, not both');
  if (header.includes('headcount') && axis.baseHeadcount === undefined)
    problems.push({ path: `${at}.baseHeadcount`, message: `required with the "headcount" column of ${file}: the headcount the base rota stands for` });
  if (lines.length < 2) fail('expected at least one row under the header');
  const data = lines.slice(1).map(({ line, row }) => {
    const { fields, error } = splitLine(line);
    if (error) fail(`row ${row}: ${error}`);
    else if (fields.length > header.length) fail(`row ${row}: expected ${header.length} fields as in the header, got ${fields.length}`);
    return { row, cells: Object.fromEntries(header.map((h, i) => [h, (fields[i] ?? '').trim()])) };
  });
  if (problems.length) return { variants: [], problems };

  const variants = data.map(({ row: line, cells }) => {
    const row = `row ${line}`;
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
