import type { Table } from '../../core/stats/tables';

/** A column sort as the panel's page keeps it: the column's index (-1: none) and 1 up or -1 down. */
export interface ColumnSort {
  readonly col: number;
  readonly dir: number;
}

/**
 * A table's rows in the order the page shows them, so an export is the table the person sees:
 * the page's comparison (numbers by value, text by Vietnamese collation), stable like the page's.
 */
export function sortedRows(table: Table, sort?: ColumnSort): Table['rows'] {
  const col = sort && Number.isInteger(sort.col) && sort.col >= 0 && sort.col < table.columns.length ? sort.col : -1;
  if (col < 0) return table.rows;
  const dir = sort?.dir === -1 ? -1 : 1;
  return table.rows.slice().sort((a, b) => {
    const x = a[col];
    const y = b[col];
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi')) * dir;
  });
}
