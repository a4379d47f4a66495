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

  it('infers the latest complete date in the forms the spec lists', () => {
    assert.strictEqual(inferDate('Hôm 21/1/2022 và 3/4/2023')?.value, '2023-04-03');
    assert.strictEqual(inferDate('Hôm 3/4/2023 và 21/1/2022')?.value, '2023-04-03');
    assert.strictEqual(inferDate('Vào ngày 21 tháng 1 năm 2022.')?.value, '2022-01-21');
    assert.strictEqual(inferDate('NGÀY 5 THÁNG 12 NĂM 2020')?.value, '2020-12-05');
    assert.strictEqual(inferDate('báo cáo 2022-01-21 mới')?.value, '2022-01-21');
  });

  it('dates a 2017 article mentioning a 1912 birth date in 2017, not 1912', () => {
    const text = 'Cụ sinh ngày 9 tháng 7 năm 1912 ... (9/7/1912-9/7/2017) ... tang lễ 2017-07-12 hay 1-2/3/2016';
    assert.strictEqual(inferDate(text)?.value, '2017-07-12');
    assert.strictEqual(inferDate('(9/7/1912-9/7/2017)')?.value, '2017-07-09');
  });

  it('looks only inside the given range', () => {
    const text = '1/1/2020 giữa 2/2/2021 sau 3/3/2022';
    assert.strictEqual(inferDate(text, 0, text.indexOf(' sau'))?.value, '2021-02-02');
  });

  it('never invents a date from a day and month without a year', () => {
    assert.strictEqual(inferDate('ngày 6/8 và hôm 5/8, năm 2015'), undefined);
    assert.strictEqual(inferDate('tỷ lệ 130% trong 2022'), undefined);
  });

  it('skips impossible dates and keeps looking', () => {
    assert.strictEqual(inferDate('31/2/2022 rồi 1/3/2022')?.value, '2022-03-01');
  });
});
