import type { Dump } from '../dump/types';
import { foldDiacritics } from '../text/fold';
import { nfcOrNfdPattern } from '../text/nfdPattern';
import { CUE_LIST, NOT_NAMES, ORG_HEAD_LIST, ORG_HEADS, PLACE_LIST, PLACES } from './lexicon';

export type EntityType = 'PER' | 'LOC' | 'ORG';

export interface Mention {
  readonly entity: string;
  readonly type: EntityType;
  readonly articleIndex: number;
  /** Offsets in the dump's text as read. */
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly role?: string;
}

export interface Entity {
  readonly id: string;
  readonly type: EntityType;
  name: string;
  readonly aliases: Set<string>;
  role?: string;
  mentions: number;
  readonly articles: Set<number>;
}

export interface EntityIndex {
  readonly entities: Map<string, Entity>;
  /** Sorted by start offset. */
  readonly mentions: Mention[];
}

const WORD = /(?:\p{Lu}\.\s?)?[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const isCapital = (w: string) => /^\p{Lu}/u.test(w);
// Currency and measure codes are written in capitals but name nothing.
const NOT_ACRONYMS = new Set(['USD', 'EUR', 'GDP', 'VND', 'CEO', 'TV', 'OK']);
const isAcronym = (w: string) => !NOT_ACRONYMS.has(w) && w.length >= 2 && /^[\p{Lu}\d]+$/u.test(w) && /\p{Lu}/u.test(w[0]) && !/^\p{Lu}\.$/u.test(w);

const alternation = (source: readonly string[]) =>
  [...source].sort((a, b) => b.length - a.length).map(nfcOrNfdPattern).join('|');

// Cues are matched in the original text (NFC or NFD, any case) so the role keeps its own spelling.
const ROLE_BEFORE = new RegExp(`(?<![\\p{L}\\p{M}])((?:${alternation(CUE_LIST)})(?:\\s+(?:${alternation(PLACE_LIST)}))?)\\s+$`, 'iu');

// `Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO)`: the text pairs a long name with its acronym.
const PAIRED_ACRONYM = new RegExp(`(?<![\\p{L}\\p{M}])((?:${alternation(ORG_HEAD_LIST)})(?:[ \\t-]+[\\p{L}\\p{M}\\d]+){0,10}?)[ \\t]*\\((\\p{Lu}[\\p{Lu}\\d]{1,9})\\)`, 'gu');

interface Word { text: string; folded: string; start: number; end: number }

function personKey(words: Word[]): string {
  return words[words.length - 1].folded.replace(/^\p{L}\.\s?/u, '');
}

/** People, places and organisations in Vietnamese news text, with their mentions merged by alias. */
export function extractEntities(text: string, dump: Dump): EntityIndex {
  const entities = new Map<string, Entity>();
  const mentions: Mention[] = [];
  const pendingSingles: { article: number; word: Word }[] = [];
  const add = (type: EntityType, key: string, article: number, words: Word[], role?: string) => {
    const id = `${type}:${key}`;
    const start = words[0].start;
    const end = words[words.length - 1].end;
    const surface = text.slice(start, end);
    let e = entities.get(id);
    if (!e) entities.set(id, (e = { id, type, name: surface, aliases: new Set(), mentions: 0, articles: new Set() }));
    e.aliases.add(surface);
    if (surface.length > e.name.length && !/^\p{Lu}\./u.test(surface)) e.name = surface;
    if (role && !e.role) e.role = role;
    e.mentions++;
    e.articles.add(article);
    mentions.push({ entity: id, type, articleIndex: article, start, end, surface, role });
  };

  for (const article of dump.articles) {
    const words: Word[] = [];
    WORD.lastIndex = article.textStartOffset;
    for (let m = WORD.exec(text); m && m.index < article.textEndOffset; m = WORD.exec(text)) {
      words.push({ text: m[0], folded: foldDiacritics(m[0]), start: m.index, end: m.index + m[0].length });
    }
    const pairs: { start: number; end: number; acronym: string }[] = [];
    PAIRED_ACRONYM.lastIndex = article.textStartOffset;
    for (let m = PAIRED_ACRONYM.exec(text); m && m.index + m[0].length <= article.textEndOffset; m = PAIRED_ACRONYM.exec(text)) {
      pairs.push({ start: m.index, end: m.index + m[1].length, acronym: m[2] });
    }
    for (const p of pairs) {
      add('ORG', foldDiacritics(p.acronym), article.index, [{ text: '', folded: '', start: p.start, end: p.end }]);
    }
    const inPair = (w: Word) => pairs.some((p) => w.start >= p.start && w.end <= p.end);
    let i = 0;
    while (i < words.length) {
      if (!isCapital(words[i].text) || inPair(words[i])) { i++; continue; }
      // A run of capitalised words separated by single spaces or hyphens.
      let j = i + 1;
      while (j < words.length && isCapital(words[j].text) && /^[ -]$/.test(text.slice(words[j - 1].end, words[j].start))) j++;
      let run = words.slice(i, j);
      i = j;
      while (run.length) {
        if (run.length === 1 && isAcronym(run[0].text) && !PLACES.has(run[0].folded)) {
          add('ORG', run[0].folded, article.index, run);
          break;
        }
        // A leading place: `Nga Sergei Lavrov` is Russia, then a person.
        let placeLen = 0;
        for (let k = Math.min(4, run.length); k >= 1 && !placeLen; k--) {
          if (PLACES.has(run.slice(0, k).map((w) => w.folded).join(' '))) placeLen = k;
        }
        if (placeLen) {
          const place = run.slice(0, placeLen);
          add('LOC', place.map((w) => w.folded).join(' ').replace(/^lien bang /, ''), article.index, place);
          run = run.slice(placeLen);
          continue;
        }
        const folded = run.map((w) => w.folded).join(' ');
        if (run.length >= 2 && [...ORG_HEADS].some((h) => folded.startsWith(h + ' ') || folded === h)) {
          add('ORG', folded, article.index, run);
          break;
        }
        while (run.length && NOT_NAMES.has(run[0].folded)) run = run.slice(1);
        if (!run.length) break;
        const before = text.slice(Math.max(article.textStartOffset, run[0].start - 80), run[0].start);
        const cue = ROLE_BEFORE.exec(before);
        const role = cue && !/^(ông|bà)$/iu.test(cue[1].normalize('NFC')) ? cue[1].normalize('NFC').replace(/\s+/g, ' ') : undefined;
        if (cue || run.length >= 2 || /^\p{Lu}\./u.test(run[0].text)) {
          add('PER', personKey(run), article.index, run, role);
        } else {
          pendingSingles.push({ article: article.index, word: run[0] });
        }
        break;
      }
    }
  }
  // A lone surname counts once the corpus has named that person in full somewhere.
  for (const { article, word } of pendingSingles) {
    if (entities.has(`PER:${word.folded}`)) add('PER', word.folded, article, [word]);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions };
}

/** The mention covering `offset`, by binary search over the sorted mentions. */
export function mentionAt(index: EntityIndex, offset: number): Mention | undefined {
  let lo = 0;
  let hi = index.mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = index.mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}
