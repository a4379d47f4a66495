import { foldDiacritics } from '../text/fold';
import { type ArticleContext, COMPOUND_TAILS, free, ORG_HEAD_KEYS, phrase, span, surface, take } from './articlePasses';
import { FIXED } from './candidates';
import {
  LANDMARK_COMPOUND_HEADS,
  LANDMARK_NOUNS,
  LANDMARK_NOUNS_CAPITALISED,
  LANDMARK_NOUNS_NOT_CAPITALISED,
  lowerKey,
} from './lexicon';
import { placeKey } from './places';
import { keyPrefixes, prefixReach } from './keyPrefixes';
import { joined, wordSetBit } from './words';

const MAX_NOUN = Math.max(...[...LANDMARK_NOUNS].map((n) => n.split(' ').length));
const NOUN_FIRST = wordSetBit([...LANDMARK_NOUNS].map((n) => n.split(' ')[0]));
/** Every word-prefix of a landmark noun: no longer phrase than one they start is tried. */
const NOUN_PREFIXES = keyPrefixes(LANDMARK_NOUNS);
const MAX_NAME = 5;

/**
 * Places named after a landmark noun, before the organisation and unit passes can read a head word or a
 * unit word inside the name (`cầu Trường Tiền` is no school, `đường Bà Huyện Thanh Quan` no district).
 * The mention is FIXED and makes its name a place across the corpus (`đền Eo Bạch`, then `tới Eo Bạch`),
 * except a one-word name, which votes under the noun and name together: `sông Hương` never makes the
 * given name `Hương` of another article a place.
 */
export function landmarkPass(c: ArticleContext): void {
  const { words, text } = c;
  for (let i = 0; i < words.length - 1; i++) {
    if (c.taken[i] || !(words[i].inSets & NOUN_FIRST)) continue;
    let n = 0;
    const reach = prefixReach(text, words, i, MAX_NOUN, NOUN_PREFIXES);
    for (let m = Math.min(MAX_NOUN, words.length - i - 1, reach); m >= 1 && !n; m--)
      if (LANDMARK_NOUNS.has(phrase(c, i, i + m))) n = m;
    if (!n) continue;
    const noun = phrase(c, i, i + n);
    const capital = words[i].capital;
    if (capital ? LANDMARK_NOUNS_NOT_CAPITALISED.has(noun) : LANDMARK_NOUNS_CAPITALISED.has(noun)) continue;
    if (capital && n > 1 && !words[i + n - 1].capital) continue;
    // `yêu cầu Apple`, `gia đình Beckham`, `Bệnh viện Chợ Rẫy`, `Hồ Gươm`'s `Nguyễn Hồ`: a noun inside another word.
    if (i > 0 && joined(text, words, i)) {
      const prev = words[i - 1];
      if (capital ? prev.capital || ORG_HEAD_KEYS.has(prev.lower) : LANDMARK_COMPOUND_HEADS.has(prev.lower)) continue;
      if (i > 1 && joined(text, words, i - 1) && ORG_HEAD_KEYS.has(`${words[i - 2].lower} ${prev.lower}`)) continue;
    }
    const from = i + n;
    if (!words[from].capital || words[from].allCaps || !joined(text, words, from, true)) continue;
    let end = from + 1;
    while (
      end < words.length &&
      end < from + MAX_NAME &&
      words[end].capital &&
      !words[end].allCaps &&
      joined(text, words, end, true)
    )
      end++;
    // `khu vực Bệnh viện dã chiến`: the name's last word opens a head word (`Bệnh viện`), an organisation's.
    // `khu vực Cửa khẩu …`, `sân bay Quốc tế …`: a one-word name that opens a common word is none.
    if (
      end < words.length &&
      !words[end].capital &&
      joined(text, words, end) &&
      (ORG_HEAD_KEYS.has(phrase(c, end - 1, end + 1)) || (end === from + 1 && COMPOUND_TAILS.has(words[end].lower)))
    )
      continue;
    // `đường 3/2`, `Cầu Rồng 2`: a number after the name is no part of a place's name here.
    if (/\d/.test(text.slice(words[from].start, words[end - 1].end)) || !free(c, from, end)) continue;
    pushLandmark(c, capital ? i : from, from, end, noun);
    i = end - 1;
    // `các tuyến phố Mễ Trì, Lê Trọng Tấn, Bạch Mai, Trung Hòa`: after a plural noun, every name of the list.
    if (!capital && pluralBefore(c, from - n)) i = listAfter(c, end, noun) - 1;
  }
}

/** The place words[from..end) named after `noun`, its span from words[start] (the noun too, if capitalised). */
function pushLandmark(c: ArticleContext, start: number, from: number, end: number, noun: string): void {
  const name = surface(c, from, end);
  c.out.push({
    article: c.article,
    ...span(c, start, end),
    type: 'LOC',
    strength: FIXED,
    voteKey: end - from > 1 ? lowerKey(name) : `${noun} ${lowerKey(name)}`,
    key: placeKey(name, foldDiacritics),
  });
  take(c, start, end);
}

const PLURAL = new Set(['các', 'những', 'nhiều', 'hai', 'ba', 'bốn', 'năm']);

/** Whether a plural word (`các`, `hai`) stands before the noun at words[at], `tuyến` between (`các tuyến phố`). */
function pluralBefore(c: ArticleContext, at: number): boolean {
  const { words, text } = c;
  let k = at - 1;
  if (k >= 0 && words[k].lower === 'tuyến' && joined(text, words, at)) k--;
  return k >= 0 && joined(text, words, k + 1) && PLURAL.has(words[k].lower);
}

/** The places of a list after the first (`, Lê Trọng Tấn, Bạch Mai và Trung Hòa`), from words[at]; the list's end. */
function listAfter(c: ArticleContext, at: number, noun: string): number {
  const { words, text } = c;
  let end = at;
  while (end < words.length && /^(, ?| và )$/.test(text.slice(words[end - 1].end, words[end].start))) {
    const from = end;
    let k = from;
    while (k < words.length && k < from + MAX_NAME && words[k].capital && !words[k].allCaps && !c.taken[k]) {
      if (k > from && !joined(text, words, k, true)) break;
      k++;
    }
    if (k === from || /\d/.test(text.slice(words[from].start, words[k - 1].end))) break;
    pushLandmark(c, from, from, k, noun);
    end = k;
  }
  return end;
}
