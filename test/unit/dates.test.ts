import * as assert from 'node:assert';
import { inferDate } from '../../src/core/dates/inferDate';
import { parseIsoDate } from '../../src/core/dates/calendar';

describe('dates', () => {
  it('parses ISO dates at each precision and rejects impossible ones', () => {
    assert.strictEqual(parseIsoDate('2022', 'explicit')?.precision, 'year');
    assert.strictEqual(parseIsoDate('2022-11', 'explicit')?.value, '2022-11');
    assert.strictEqual(parseIsoDate('2024-02-29', 'explicit')?.day, 29);
    assert.strictEqual(parseIsoDate('2023-02-29', 'explicit'), undefined);
    assert.strictEqual(parseIsoDate('2023-13', 'explicit'), undefined);
  });

  it('infers the first complete date in the forms the spec lists', () => {
    assert.strictEqual(inferDate('Hôm 21/1/2022 và 3/4/2023')?.value, '2022-01-21');
    assert.strictEqual(inferDate('Vào ngày 21 tháng 1 năm 2022.')?.value, '2022-01-21');
    assert.strictEqual(inferDate('NGÀY 5 THÁNG 12 NĂM 2020')?.value, '2020-12-05');
    assert.strictEqual(inferDate('báo cáo 2022-01-21 mới')?.value, '2022-01-21');
  });

  it('never invents a date from a day and month without a year', () => {
    assert.strictEqual(inferDate('ngày 6/8 và hôm 5/8, năm 2015'), undefined);
    assert.strictEqual(inferDate('tỷ lệ 130% trong 2022'), undefined);
  });

  it('skips impossible dates and keeps looking', () => {
    assert.strictEqual(inferDate('31/2/2022 rồi 1/3/2022')?.value, '2022-03-01');
  });
});
