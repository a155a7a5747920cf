/**
 * Writing CSV for spreadsheets: a cell is quoted when it holds a comma, quote or line break, and
 * text that starts like a formula (=, +, -, @, tab) is quoted too, so a spreadsheet shows it rather
 * than evaluating it (a trainee's name or a scenario label is typed by a user).
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(v: CsvValue): string {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(text) || (typeof v === 'string' && /^[=+\-@\t]/.test(text)) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, one line each, ending with a line break. */
export function csvTable(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
