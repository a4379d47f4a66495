/**
 * CSV as RFC 4180 writes it (CRLF, fields quoted when they hold a comma, quote or line break), with
 * text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) prefixed
 * with an apostrophe, as OWASP's "CSV Injection" page advises (the concordance's cell rule, shared).
 * Numbers are written as numbers.
 */
import { tableCell } from '../export/csv';

export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '';
  return tableCell(String(value), ',');
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
