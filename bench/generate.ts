import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeDump } from '../src/core/dump/writer';
import { repoRoot } from '../test/support/paths';

/**
 * Realistic synthetic Vietnamese news dumps, seeded: the same count and seed give the same bytes.
 * Words follow a Zipf law (rank r drawn with weight 1/r): the most frequent ranks are the sample
 * corpus's own words in their real order of frequency, the long tail is made of well-formed
 * Vietnamese syllables (onset + rhyme + tone), so the vocabulary grows with the corpus as real
 * news does. Articles (~3 KB) have a title line, a date tag in one of the forms the spec allows
 * (some undated, some only in the text), people with their roles, places and organisations,
 * and one in seven is written in NFD.
 */
export function generateDump(count: number, seed = 1): string {
  const rand = mulberry32(seed);
  const vocabulary = buildVocabulary(rand);
  const cumulative = zipf(vocabulary.length);
  const word = () => vocabulary[pick(cumulative, rand())];
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min));
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.035)
        words.push(
          `${PERSON_CUES[Math.floor(rand() * PERSON_CUES.length)]} ${PEOPLE[Math.floor(rand() * PEOPLE.length)]}`,
        );
      else if (r < 0.07) words.push(`tại ${PLACES[Math.floor(rand() * PLACES.length)]}`);
      else if (r < 0.085) words.push(ORGS[Math.floor(rand() * ORGS.length)]);
      else if (r < 0.095) words.push(String(Math.floor(rand() * 1000)));
      else words.push(word());
    }
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1) + (rand() < 0.1 ? '?' : '.');
  };
  const articles = [];
  for (let i = 0; i < count; i++) {
    const year = 2010 + Math.floor(rand() * 16);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const title = sentence(8, 16).replace(/[.?]$/, '');
    const paragraphs: string[] = [];
    let length = 0;
    while (length < 1900) {
      const p = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(12, 30)).join(' ');
      paragraphs.push(p);
      length += p.length;
    }
    const kind = rand();
    const tag =
      kind < 0.6
        ? `date ${year}-${pad(month)}-${pad(day)}`
        : kind < 0.75
          ? `date ${year}-${pad(month)}`
          : kind < 0.8
            ? `date ${year}`
            : '';
    // Some undated articles mention their date in the text, as Vietnamese news does.
    if (!tag && kind < 0.9)
      paragraphs[0] = `Ngày ${day}/${month}/${year}, ${paragraphs[0][0].toLowerCase()}${paragraphs[0].slice(1)}`;
    const text = `${tag ? `${tag} ` : ''}${title}\n\n${paragraphs.join('\n\n')}`;
    articles.push({
      name: `${String(i).padStart(7, '0')}_${Math.floor(rand() * 0xffffffff).toString(16)}.txt`,
      text: i % 7 === 3 ? text.normalize('NFD') : text,
    });
  }
  return writeDump(articles);
}

/** Generates (once) and returns the path of a dump of `count` articles in bench/data/. */
export function benchDump(count: number, seed = 1): string {
  const file = path.join(repoRoot, 'bench', 'data', `vi-${count}-${seed}.dump`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generateDump(count, seed));
  }
  return file;
}

const pad = (n: number) => String(n).padStart(2, '0');

const PEOPLE = [
  'Sergei Lavrov',
  'Vladimir Putin',
  'Donald Trump',
  'Nguyễn Phú Trọng',
  'Phạm Minh Chính',
  'Tô Lâm',
  'Bùi Thanh Sơn',
  'S. Jaishankar',
  'Narendra Modi',
  'Tập Cận Bình',
  'Vương Nghị',
  'Emmanuel Macron',
  'Olaf Scholz',
  'Joe Biden',
  'Antony Blinken',
  'Lương Cường',
  'Trần Hồng Hà',
  'Nguyễn Hòa Bình',
  'Võ Văn Thưởng',
  'Anwar Ibrahim',
  'Prabowo Subianto',
  'Fumio Kishida',
];
const PERSON_CUES = [
  'Bộ trưởng Ngoại giao',
  'Ngoại trưởng',
  'Tổng thống',
  'Thủ tướng',
  'Chủ tịch',
  'ông',
  'bà',
  'Đại sứ',
  'Người phát ngôn',
];
const PLACES = [
  'Hà Nội',
  'Thành phố Hồ Chí Minh',
  'Đà Nẵng',
  'Moskva',
  'Bắc Kinh',
  'Washington',
  'Tokyo',
  'Seoul',
  'Paris',
  'Berlin',
  'London',
  'Nga',
  'Mỹ',
  'Trung Quốc',
  'Ấn Độ',
  'Nhật Bản',
  'Hàn Quốc',
  'Pháp',
  'Đức',
  'Ukraine',
  'Lào',
  'Campuchia',
  'Thái Lan',
];
const ORGS = [
  'ASEAN',
  'NATO',
  'Liên hợp quốc',
  'WTO',
  'IMF',
  'Ngân hàng Thế giới',
  'Tổ chức Y tế Thế giới',
  'Bộ Ngoại giao',
  'Quốc hội',
  'APEC',
  'G20',
  'EU',
];

const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const RHYMES = [
  'a',
  'ai',
  'am',
  'an',
  'ang',
  'anh',
  'ao',
  'at',
  'ay',
  'e',
  'em',
  'en',
  'eo',
  'i',
  'im',
  'in',
  'inh',
  'o',
  'oi',
  'om',
  'on',
  'ong',
  'u',
  'ui',
  'um',
  'un',
  'ung',
  'ăn',
  'ăng',
  'âm',
  'ân',
  'âng',
  'ây',
  'ê',
  'ên',
  'ênh',
  'ô',
  'ôi',
  'ông',
  'ơ',
  'ơi',
  'ơn',
  'ư',
  'ưa',
  'ươi',
  'ương',
  'uyên',
  'iêt',
  'ươc',
  'uôc',
];
// Tone marks as combining characters, composed to NFC below.
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

function buildVocabulary(rand: () => number): string[] {
  const sample = fs.readFileSync(path.join(repoRoot, 'sample', 'sample.dump'), 'utf8').normalize('NFC');
  const counts = new Map<string, number>();
  for (const m of sample.replace(/^<<<FILE>>>.*$/gm, '').matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const real = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const seen = new Set(real);
  const tail: string[] = [];
  const syllable = () => {
    const rhyme = RHYMES[Math.floor(rand() * RHYMES.length)];
    const tone = TONES[Math.floor(rand() * TONES.length)];
    // The tone mark sits on the rhyme's first vowel, which is close enough to the rules for search.
    return (ONSETS[Math.floor(rand() * ONSETS.length)] + rhyme[0] + tone + rhyme.slice(1)).normalize('NFC');
  };
  while (tail.length < 60_000) {
    const w = rand() < 0.85 ? syllable() : `${syllable()}${syllable()}`;
    if (!seen.has(w)) {
      seen.add(w);
      tail.push(w);
    }
  }
  return [...real, ...tail];
}

function zipf(n: number): Float64Array {
  const c = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / (r + 1);
    c[r] = total;
  }
  for (let r = 0; r < n; r++) c[r] /= total;
  return c;
}

function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
