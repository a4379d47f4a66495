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

  it('infers a complete date in each form the spec lists', () => {
    assert.strictEqual(inferDate('Vào ngày 21 tháng 1 năm 2022.')?.value, '2022-01-21');
    assert.strictEqual(inferDate('NGÀY 5 THÁNG 12 NĂM 2020')?.value, '2020-12-05');
    assert.strictEqual(inferDate('báo cáo 2022-01-21 mới')?.value, '2022-01-21');
  });

  it('takes the latest complete date in the text, wherever it stands (spec §4)', () => {
    assert.strictEqual(inferDate('Hôm 21/1/2022 và 3/4/2023')?.value, '2023-04-03');
    assert.strictEqual(inferDate('Sinh (9/7/1912-9/7/2017), mất tại Hà Nội.')?.value, '2017-07-09');
    assert.strictEqual(inferDate('ngày 5 tháng 12 năm 2020, trước đó 2020-11-30')?.value, '2020-12-05');
    assert.strictEqual(inferDate('30/12/2019 rồi 2/1/2020 rồi 1/1/2020')?.value, '2020-01-02');
  });

  it('looks only inside the article it is given', () => {
    const text = 'A 1/1/2020 | B 5/5/2021 | C 9/9/2030';
    assert.strictEqual(inferDate(text, text.indexOf('B'), text.indexOf('| C'))?.value, '2021-05-05');
  });

  it('never invents a date from a day and month without a year', () => {
    assert.strictEqual(inferDate('ngày 6/8 và hôm 5/8, năm 2015'), undefined);
    assert.strictEqual(inferDate('tỷ lệ 130% trong 2022'), undefined);
  });

  it('skips impossible dates and keeps looking', () => {
    assert.strictEqual(inferDate('1/3/2022 rồi 31/2/2023')?.value, '2022-03-01');
  });
});
