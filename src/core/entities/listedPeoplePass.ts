import type { ArticleContext } from './articlePasses';
import { NONE, STRONG, WEAK } from './candidates';

/** What joins the names of a list: a comma, `và` (and), `cùng` (with), `hay` and `hoặc` (or). */
const LIST_GAP = /^(?:,|,? (?:và|cùng|hay|hoặc)) $/u;

/** A team's formation in parentheses, its line-up after it: `(4-2-3-1):`, `(3-4-1-2)`. */
const FORMATION = /\(\d-\d-\d(?:-\d)?\)\s*:?/y;

/** Where the line-ups of an article window are: from a formation to the end of its line. */
function lineUps(c: ArticleContext): [number, number][] {
  const { text, words } = c;
  if (!words.length) return [];
  const end = words[words.length - 1].end;
  const ranges: [number, number][] = [];
  // Each `(` before a digit in the window tried in place: no copy of the text, no search past the window.
  for (let at = c.base; at < end; at++) {
    if (text.charCodeAt(at) !== 40) continue;
    FORMATION.lastIndex = at;
    const m = FORMATION.exec(text);
    if (!m) continue;
    const from = at + m[0].length;
    let lineEnd = from;
    while (lineEnd < end && text.charCodeAt(lineEnd) !== 10) lineEnd++;
    ranges.push([from, lineEnd]);
    at = lineEnd;
  }
  return ranges;
}

/**
 * Names listed beside a person are people: `các cầu thủ chạy cánh Châu Ngọc Quang, Dụng Quang Nho, Lê Đức
 * Lương`, `Lâm Tâm Như, Phạm Băng Băng và Triệu Vy`. In one article, a capitalised name with no evidence of
 * its own (no cue, no surname, no list), typed a person only for want of another type, becomes a weak person
 * when a comma or `và` joins it to a person with evidence, or to a name so made one, along the list. Weak: a
 * type the corpus gives the name elsewhere (`tại Valencia`) still wins. Runs after the article's name pass.
 */
export function listedPeoplePass(c: ArticleContext, firstCandidate: number): void {
  const { out, text } = c;
  const people: number[] = [];
  for (let k = firstCandidate; k < out.length; k++) if (out[k].type === 'PER' && out[k].words) people.push(k);
  if (people.length < 2) return;
  people.sort((x, y) => out[x].start - out[y].start);
  // A name of five words or more in a list is a title (`Lửa Thiêu Cung A Phòng`), no one's name.
  const bare = (k: number) =>
    out[k].strength === NONE && !out[k].key && !out[k].entry && (out[k].words?.length ?? 0) <= 4;
  const listed = (x: number, y: number) =>
    out[y].start - out[x].end <= 6 && LIST_GAP.test(text.slice(out[x].end, out[y].start));
  const promoted = new Set<number>();
  const promote = (k: number) => {
    out[k] = { ...out[k], strength: WEAK };
    promoted.add(k);
  };
  const person = (k: number) => out[k].strength >= STRONG || out[k].cued || promoted.has(k);
  // `Man Utd (4-2-3-1): Henderson; Wan-Bissaka, Lindelof …`: a line-up after its formation is a list of players.
  for (const [from, to] of lineUps(c))
    for (const k of people) if (out[k].start >= from && out[k].end <= to && bare(k)) promote(k);
  // Forward then back, so a sure person anywhere in the list reaches every name of it.
  for (let n = 1; n < people.length; n++) {
    const [x, y] = [people[n - 1], people[n]];
    if (listed(x, y) && bare(y) && person(x)) promote(y);
  }
  for (let n = people.length - 1; n >= 1; n--) {
    const [x, y] = [people[n - 1], people[n]];
    if (listed(x, y) && bare(x) && person(y)) promote(x);
  }
}
