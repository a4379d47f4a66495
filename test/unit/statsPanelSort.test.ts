import * as assert from 'node:assert';
import { sortedRows } from '../../src/features/statistics/sortedRows';

// The export writes a table in the order the panel's page shows it (media/statistics/panel.js sorts
// the same way): numbers by value, text by Vietnamese collation, ties kept in the table's order.
describe('statistics export order (src/features/statistics/sortedRows)', () => {
  const table = {
    columns: ['rank', 'word', 'freq'],
    rows: [
      [1, 'Đà Nẵng', 7],
      [2, 'an', 9],
      [3, 'Ba', 7],
      [4, 'ăn', 2],
    ],
  };
  const words = (rows: readonly (readonly unknown[])[]) => rows.map((r) => r[1]);

  it('keeps the table’s order without a sort, or with a column that is not there', () => {
    assert.strictEqual(sortedRows(table), table.rows);
    assert.strictEqual(sortedRows(table, { col: -1, dir: 1 }), table.rows);
    assert.strictEqual(sortedRows(table, { col: 9, dir: -1 }), table.rows);
  });

  it('sorts a number column either way, ties in the table’s order', () => {
    assert.deepStrictEqual(words(sortedRows(table, { col: 2, dir: -1 })), ['an', 'Đà Nẵng', 'Ba', 'ăn']);
    assert.deepStrictEqual(words(sortedRows(table, { col: 2, dir: 1 })), ['ăn', 'Đà Nẵng', 'Ba', 'an']);
    assert.deepStrictEqual(table.rows[0][1], 'Đà Nẵng', 'the table itself unchanged');
  });

  it('sorts text as Vietnamese does: a before ă, d before đ', () => {
    assert.deepStrictEqual(words(sortedRows(table, { col: 1, dir: 1 })), ['an', 'ăn', 'Ba', 'Đà Nẵng']);
    assert.deepStrictEqual(words(sortedRows(table, { col: 1, dir: -1 })), ['Đà Nẵng', 'Ba', 'ăn', 'an']);
  });
});
