/**
 * Writing CSV for spreadsheets: a cell is quoted when it holds a comma, quote or line break. Text
 * that starts like a formula (=, +, -, @, tab, carriage return) gets a leading apostrophe, as OWASP
 * advises against CSV injection: quoting alone does not stop Excel or LibreOffice from evaluating
 * "=HYPERLINK(…)", while the apostrophe makes them show the text (a trainee's name, a scenario or
 * sweep label is typed by a user). Numbers are written as they are, negative ones included.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(v: CsvValue): string {
  let text = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, one line each, ending with a line break. */
export function csvTable(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
