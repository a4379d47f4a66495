/**
 * Table cells for CSV (RFC 4180) and TSV files that a person opens in a spreadsheet. Corpus text
 * may start with `=`, `+`, `-` or `@`, which a spreadsheet runs as a formula (CSV injection), so
 * such a cell gets a leading `'` as the OWASP guidance says — also for a leading tab or CR, and
 * for the full-width forms some spreadsheets read the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell: numbers as they are; text NFC, neutralised, quoted when it holds a quote, separator or line break (CSV) or with tabs and line breaks as spaces (TSV). */
export function tableCell(value: string | number, separator: ',' | '\t'): string {
  if (typeof value === 'number') return String(value);
  const s = value.normalize('NFC');
  if (separator === '\t') return neutralizeCell(s.replace(/[\t\r\n]+/g, ' '));
  const cell = neutralizeCell(s);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows as a table, CRLF after every row. */
export function tableText(rows: readonly (readonly (string | number)[])[], separator: ',' | '\t'): string {
  return rows.map((r) => r.map((v) => tableCell(v, separator)).join(separator)).join('\r\n') + '\r\n';
}
