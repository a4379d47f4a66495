import type { ArticleDate } from '../dump/types';

export type Granularity = 'day' | 'week' | 'month' | 'year';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 week of a day: the week (Monday first) holding its Thursday, `2022-W03`. */
function isoWeek(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const year = date.getUTCFullYear();
  // The week of the year holding that Thursday: its day of the year, in sevens.
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The period a date falls in, or undefined when the date is less precise than the granularity. */
export function periodOf(date: ArticleDate | undefined, g: Granularity): string | undefined {
  if (!date) return undefined;
  if (g === 'year') return String(date.year);
  if (g === 'month') return date.month ? `${date.year}-${pad(date.month)}` : undefined;
  if (!date.day || !date.month) return undefined;
  return g === 'day' ? `${date.year}-${pad(date.month)}-${pad(date.day)}` : isoWeek(date.year, date.month, date.day);
}

/** Most periods a range fills in; past it (a stray date centuries off) only the periods present are kept. */
export const MAX_FILLED_PERIODS = 5000;

/** Every period from the first to the last key given, gaps included, in order (see MAX_FILLED_PERIODS). */
export function periodRange(keys: Iterable<string>, g: Granularity): string[] {
  const sorted = [...new Set(keys)].sort();
  if (!sorted.length) return [];
  const filled = fillRange(sorted, g);
  return filled.length > MAX_FILLED_PERIODS ? sorted : filled;
}

function fillRange(sorted: string[], g: Granularity): string[] {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const out: string[] = [];
  if (g === 'year')
    for (let y = Number(first); y <= Number(last) && out.length <= MAX_FILLED_PERIODS; y++) out.push(String(y));
  else if (g === 'month') {
    let [y, m] = first.split('-').map(Number);
    for (;;) {
      const key = `${y}-${pad(m)}`;
      out.push(key);
      if (key >= last || out.length > MAX_FILLED_PERIODS) break;
      m++;
      if (m > 12) [y, m] = [y + 1, 1];
    }
  } else {
    // Days or weeks: walk day by day from the first day, keeping each new period.
    const start = g === 'day' ? first : sorted[0];
    const date =
      g === 'day' ? new Date(`${start}T00:00:00Z`) : new Date(Date.UTC(Number(first.slice(0, 4)) - 1, 11, 20));
    for (let i = 0; i < 7 * MAX_FILLED_PERIODS + 14 && out.length <= MAX_FILLED_PERIODS; i++) {
      const key = periodOf(
        {
          value: '',
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
          precision: 'day',
          kind: 'explicit',
        },
        g,
      )!;
      if (key >= first && out.at(-1) !== key) out.push(key);
      if (key >= last) break;
      date.setUTCDate(date.getUTCDate() + 1);
    }
  }
  return out;
}
