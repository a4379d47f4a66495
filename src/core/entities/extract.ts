import type { Dump } from '../dump/types';
import { foldDiacritics, foldWord } from '../text/fold';
import { nfcOrNfdPattern } from '../text/nfdPattern';
import { forEachWord } from '../text/tokenize';
import {
  EMPTY_GAZETTEER,
  gazetteerSpellings,
  nameKey,
  type EntityType,
  type Gazetteer,
  type GazetteerEntry,
} from './gazetteer';
import {
  COMPASS,
  lowerKey,
  CUE_LIST,
  FUNCTION_WORDS,
  NOT_NAMES,
  ORG_HEAD_LIST,
  ORG_HEADS,
  PLACE_LIST,
  PLACES,
  WHOLE_ORGS,
} from './lexicon';

export type { EntityType } from './gazetteer';

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
  type: EntityType;
  name: string;
  readonly aliases: Set<string>;
  role?: string;
  description?: string;
  link?: string;
  mentions: number;
  readonly articles: Set<number>;
}

export interface EntityIndex {
  readonly entities: Map<string, Entity>;
  /** Sorted by start offset. */
  readonly mentions: Mention[];
}

const isCapital = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
};
// Currency and measure codes are written in capitals but name nothing.
const NOT_ACRONYMS = new Set(['USD', 'EUR', 'GDP', 'VND', 'CEO', 'TV', 'OK']);
const isAcronym = (w: string) =>
  !NOT_ACRONYMS.has(w) && w.length >= 2 && /^[\p{Lu}\d]+$/u.test(w) && /\p{Lu}/u.test(w[0]) && !/^\p{Lu}\.$/u.test(w);

const alternation = (source: readonly string[]) =>
  [...source]
    .sort((a, b) => b.length - a.length)
    .map(nfcOrNfdPattern)
    .join('|');

// Cues are matched in the original text (NFC or NFD, any case) so the role keeps its own spelling;
// they chain: `Đặc phái viên Tổng thống Mỹ Steven Witkoff`.
const ROLE_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{M}])((?:${alternation(CUE_LIST)})(?:\\s+(?:${alternation(CUE_LIST)}|${alternation(PLACE_LIST)}))*)\\s+$`,
  'iu',
);

// `Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO)`: the text pairs a long name with its acronym.
const PAIRED_ACRONYM = new RegExp(
  `(?<![\\p{L}\\p{M}])((?:${alternation(ORG_HEAD_LIST)})(?:[ \\t-]+[\\p{L}\\p{M}\\d]+){0,10}?)[ \\t]*\\((\\p{Lu}[\\p{Lu}\\d]{1,9})\\)`,
  'gu',
);
const MAX_HEAD_WORDS = Math.max(...[...ORG_HEADS].map((h) => h.split(' ').length));
const HEAD_FIRST_WORDS = new Set([...ORG_HEADS].map((h) => h.split(' ')[0]));
const PLACE_FIRST_WORDS = new Set([...PLACES].map((p) => p.split(' ')[0]));

const lowerCache = new Map<string, string>();
/** lowerKey for single words, memoised like foldWord. */
function lowerWord(word: string): string {
  let lower = lowerCache.get(word);
  if (lower === undefined) {
    if (lowerCache.size > 200_000) lowerCache.clear();
    lowerCache.set(word, (lower = lowerKey(word)));
  }
  return lower;
}

/** A word of the text; its folded and lower-case forms are worked out only when asked for. */
class Word {
  private f: string | undefined;
  private l: string | undefined;
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}
  get folded(): string {
    return (this.f ??= foldWord(this.text));
  }
  get lower(): string {
    return (this.l ??= lowerWord(this.text));
  }
}
interface Span {
  start: number;
  end: number;
}
interface PersonCandidate {
  article: number;
  words: Word[];
  role?: string;
  cued: boolean;
}

/** The words of text[from, to); an initial joins the name after it: `S.Lavrov`, `S. Lavrov`. */
function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  forEachWord(text, from, to, (word, start, end) => {
    const prev = words[words.length - 1];
    if (
      prev &&
      prev.text.length === 1 &&
      isCapital(prev.text) &&
      text.charCodeAt(prev.end) === 46 &&
      (start === prev.end + 1 || (start === prev.end + 2 && text.charCodeAt(prev.end + 1) === 32))
    ) {
      words[words.length - 1] = new Word(text.slice(prev.start, end), prev.start, end);
    } else {
      words.push(new Word(word, start, end));
    }
  });
  return words;
}

/** A person's key: `Sergei Lavrov`, `S.Lavrov` and `S. Lavrov` are all `s.lavrov`; a bare `Lavrov` is `lavrov`. */
const personKey = (initials: string, last: string) => `${initials ? `${initials}.` : ''}${last}`;

/** `Sergei Lavrov`, `S.Lavrov` and `S. Lavrov` share initials `s` and the name `lavrov`. */
function personParts(words: Word[]): { initials: string; last: string } {
  const lastWord = words[words.length - 1];
  const initial = /^(\p{L})\.\s?/u.exec(lastWord.folded);
  const initials =
    words
      .slice(0, -1)
      .map((w) => w.folded[0])
      .join('') + (initial ? initial[1] : '');
  return { initials, last: initial ? lastWord.folded.slice(initial[0].length) : lastWord.folded };
}

class IndexBuilder {
  readonly entities = new Map<string, Entity>();
  readonly mentions: Mention[] = [];
  constructor(private readonly text: string) {}

  private readonly surfaces = new Map<string, Map<string, number>>();

  /** One mention of the entity `type:key`; `name` fixes the entity's name (a gazetteer's). */
  add(type: EntityType, key: string, article: number, span: Span, role?: string, name?: string): void {
    const id = `${type}:${key}`;
    const surface = this.text.slice(span.start, span.end).normalize('NFC');
    let e = this.entities.get(id);
    if (!e)
      this.entities.set(
        id,
        (e = { id, type, name: name ?? surface, aliases: new Set(), mentions: 0, articles: new Set() }),
      );
    e.aliases.add(surface);
    let counts = this.surfaces.get(id);
    if (!counts) this.surfaces.set(id, (counts = new Map()));
    counts.set(surface, (counts.get(surface) ?? 0) + 1);
    if (!name && !e.description && this.better(e, surface, counts)) e.name = surface;
    if (role && !e.role) e.role = role;
    e.mentions++;
    e.articles.add(article);
    this.mentions.push({
      entity: id,
      type: e.type,
      articleIndex: article,
      start: span.start,
      end: span.end,
      surface,
      role,
    });
  }

  /** People and organisations go by their fullest name; places by their commonest (`Nga`, not `Liên bang Nga`). */
  private better(e: Entity, surface: string, counts: Map<string, number>): boolean {
    if (surface === e.name || /^\p{Lu}\./u.test(surface)) return false;
    if (e.type === 'LOC') return counts.get(surface)! > (counts.get(e.name) ?? 0);
    return surface.length > e.name.length;
  }
}

/**
 * People, places and organisations in Vietnamese news text, with their mentions merged by alias.
 * A gazetteer's names are found wherever they occur, and its entries name, type and describe
 * the entities whose spellings they list.
 */
export function extractEntities(text: string, dump: Dump, gazetteer: Gazetteer = EMPTY_GAZETTEER): EntityIndex {
  const out = new IndexBuilder(text);
  const people: PersonCandidate[] = [];
  const spellings = gazetteerSpellings(gazetteer);
  const gazetteerKey = (entry: GazetteerEntry) => nameKey(entry.name);
  const known = spellings.size
    ? new RegExp(
        `(?<![\\p{L}\\p{M}\\p{N}])(?:${alternation([...new Set(gazetteer.entries.flatMap((e) => [e.name, ...e.aliases]))])})(?![\\p{L}\\p{M}\\p{N}])`,
        'gu',
      )
    : undefined;
  const roleBefore = (articleStart: number, at: number) => {
    const cue = ROLE_BEFORE.exec(text.slice(Math.max(articleStart, at - 80), at));
    const role = cue?.[1].normalize('NFC').replace(/\s+/g, ' ');
    return { cued: !!cue, role: role && !/^(ông|bà)$/iu.test(role) ? role : undefined };
  };

  for (const article of dump.articles) {
    // Regexes run over the article alone: on the whole text, a pattern with no match in this
    // article would scan on to the end of the dump, once per article.
    const base = article.textStartOffset;
    const body = text.slice(base, article.textEndOffset);
    const words = wordsIn(text, base, article.textEndOffset);
    const covered: Span[] = [];
    const isCovered = (s: Span) => covered.some((c) => s.start < c.end && s.end > c.start);
    // One space or one hyphen between two words keeps them in one name.
    const adjacent = (k: number) => {
      if (k <= 0 || words[k].start - words[k - 1].end !== 1) return false;
      const c = text.charCodeAt(words[k - 1].end);
      return c === 32 || c === 45;
    };

    PAIRED_ACRONYM.lastIndex = 0;
    for (let m = PAIRED_ACRONYM.exec(body); m; m = PAIRED_ACRONYM.exec(body)) {
      const long = { start: base + m.index, end: base + m.index + m[1].length };
      if (isCovered(long)) continue;
      out.add('ORG', foldDiacritics(m[2]), article.index, long);
      covered.push(long);
    }

    // Organisations: a head (`Bộ Ngoại giao`, `Liên minh`) whose first word is capitalised, then the name after it.
    for (let i = 0; i < words.length; i++) {
      if (!isCapital(words[i].text) || !HEAD_FIRST_WORDS.has(words[i].lower) || isCovered(words[i])) continue;
      let headEnd = 0;
      for (let k = Math.min(MAX_HEAD_WORDS, words.length - i); k >= 1 && !headEnd; k--) {
        let ok = true;
        for (let t = 1; t < k && ok; t++) ok = adjacent(i + t);
        if (
          ok &&
          ORG_HEADS.has(
            words
              .slice(i, i + k)
              .map((w) => w.lower)
              .join(' '),
          )
        )
          headEnd = i + k;
      }
      if (!headEnd) continue;
      const head = words
        .slice(i, headEnd)
        .map((w) => w.lower)
        .join(' ');
      let end = WHOLE_ORGS.has(head) ? headEnd : i;
      for (let k = headEnd; k < words.length && adjacent(k) && !isCovered(words[k]); k++) {
        if (isCapital(words[k].text)) end = k + 1;
        else if (!isCapital(words[k - 1].text) || FUNCTION_WORDS.has(words[k].folded) || PLACES.has(words[k - 1].lower))
          break;
        // The second syllable of a capitalised word (`Quốc tế`) belongs to the name.
        else end = k + 1;
      }
      if (end <= i) continue;
      const span = { start: words[i].start, end: words[end - 1].end };
      out.add('ORG', nameKey(text.slice(span.start, span.end)), article.index, span);
      covered.push(span);
      i = end - 1;
    }

    if (known) {
      known.lastIndex = 0;
      for (let m = known.exec(body); m; m = known.exec(body)) {
        const entry = spellings.get(nameKey(m[0]));
        if (!entry) continue;
        const span = { start: base + m.index, end: base + m.index + m[0].length };
        if (isCovered(span)) continue;
        out.add(
          entry.type,
          gazetteerKey(entry),
          article.index,
          span,
          entry.type === 'PER' ? roleBefore(article.textStartOffset, span.start).role : undefined,
          entry.name,
        );
        covered.push(span);
      }
    }

    let i = 0;
    while (i < words.length) {
      if (!isCapital(words[i].text) || isCovered(words[i])) {
        i++;
        continue;
      }
      // A run of capitalised words separated by single spaces or hyphens.
      let j = i + 1;
      while (j < words.length && isCapital(words[j].text) && adjacent(j) && !isCovered(words[j])) j++;
      // Writers lower-case a syllable of a place now and then (`Ấn độ`, `Liên bang Nga`): places may run on past the run.
      let tail = j;
      while (tail < Math.min(words.length, j + 3) && adjacent(tail)) tail++;
      let a = i;
      i = j;
      while (a < j) {
        if (j - a === 1 && isAcronym(words[a].text) && !PLACES.has(words[a].lower)) {
          out.add('ORG', words[a].folded, article.index, words[a]);
          break;
        }
        // A leading place: `Nga Sergei Lavrov` is Russia, then a person.
        let placeEnd = 0;
        // `châu Á`, `phương Tây`: the common noun before the name is written in lower case.
        let placeStart =
          a > 0 && (words[a - 1].lower === 'châu' || words[a - 1].lower === 'phương') && adjacent(a) ? a - 1 : a;
        for (; placeStart <= a && !placeEnd; placeStart++) {
          if (!PLACE_FIRST_WORDS.has(words[placeStart].lower)) continue;
          const keys: string[] = [];
          for (let k = placeStart; k < Math.min(placeStart + 6, tail); k++)
            keys.push(k === placeStart ? words[k].lower : `${keys[keys.length - 1]} ${words[k].lower}`);
          for (let k = keys.length; k > a - placeStart && !placeEnd; k--)
            if (PLACES.has(keys[k - 1])) placeEnd = placeStart + k;
          if (placeEnd) break;
        }
        if (placeEnd) {
          const key = words
            .slice(placeStart, placeEnd)
            .map((w) => w.folded)
            .join(' ')
            .replace(/^lien bang /, '');
          out.add('LOC', key, article.index, { start: words[placeStart].start, end: words[placeEnd - 1].end });
          if (placeEnd > j) i = placeEnd;
          a = placeEnd;
          continue;
        }
        while (a < j && NOT_NAMES.has(words[a].folded)) a++;
        if (a >= j) break;
        const run = words.slice(a, j);
        if (run.length >= 2 && run.every((w) => COMPASS.has(w.folded))) break;
        const { cued, role } = roleBefore(article.textStartOffset, run[0].start);
        people.push({ article: article.index, words: run, role, cued });
        break;
      }
    }
  }

  resolvePeople(people, out);
  mergeIntoGazetteer(out, gazetteer, spellings, (entry) => `${entry.type}:${gazetteerKey(entry)}`);
  out.mentions.sort((a, b) => a.start - b.start);
  return { entities: out.entities, mentions: out.mentions };
}

/**
 * Full names (two or more words, or an initial) are one person per initials and last name.
 * A bare last name joins the person of that name in the same article, else the only such person in
 * the corpus; after a cue (`ông Trọng`, `Bộ trưởng Lavrov`) it is a person of its own otherwise.
 */
function resolvePeople(people: PersonCandidate[], out: IndexBuilder): void {
  const byLast = new Map<string, Map<string, Set<number>>>();
  const idOf = personKey;
  for (const p of people) {
    const { initials, last } = personParts(p.words);
    if (!initials) continue;
    let keys = byLast.get(last);
    if (!keys) byLast.set(last, (keys = new Map()));
    let arts = keys.get(initials);
    if (!arts) keys.set(initials, (arts = new Set()));
    arts.add(p.article);
  }
  for (const p of people) {
    const { initials, last } = personParts(p.words);
    const span = { start: p.words[0].start, end: p.words[p.words.length - 1].end };
    if (initials) {
      out.add('PER', idOf(initials, last), p.article, span, p.role);
      continue;
    }
    const keys = [...(byLast.get(last) ?? new Map<string, Set<number>>()).entries()];
    const here = keys.filter(([, arts]) => arts.has(p.article));
    const chosen = here.length === 1 ? here[0][0] : keys.length === 1 ? keys[0][0] : undefined;
    if (chosen !== undefined) out.add('PER', idOf(chosen, last), p.article, span, p.role);
    else if (p.cued && !keys.length) out.add('PER', idOf('', last), p.article, span, p.role);
  }
}

/** Entities found by the rules whose spellings a gazetteer lists become that entry's entity. */
function mergeIntoGazetteer(
  out: IndexBuilder,
  gazetteer: Gazetteer,
  spellings: Map<string, GazetteerEntry>,
  idOf: (e: GazetteerEntry) => string,
): void {
  if (!gazetteer.entries.length) return;
  // A person the rules found under initials and last name joins the entry with a full name of that shape.
  const byPersonId = new Map<string, GazetteerEntry>();
  for (const entry of gazetteer.entries) {
    if (entry.type !== 'PER') continue;
    for (const spelling of [entry.name, ...entry.aliases]) {
      const words = wordsIn(spelling, 0, spelling.length);
      const parts = words.length ? personParts(words) : undefined;
      if (parts?.initials && !byPersonId.has(`PER:${personKey(parts.initials, parts.last)}`))
        byPersonId.set(`PER:${personKey(parts.initials, parts.last)}`, entry);
    }
  }
  const renamed = new Map<string, string>();
  for (const e of [...out.entities.values()]) {
    const entry = [e.name, ...e.aliases].map((s) => spellings.get(nameKey(s))).find(Boolean) ?? byPersonId.get(e.id);
    if (!entry || idOf(entry) === e.id) continue;
    renamed.set(e.id, idOf(entry));
  }
  for (const [from, to] of renamed) {
    const source = out.entities.get(from)!;
    out.entities.delete(from);
    const target = out.entities.get(to);
    if (!target) {
      out.entities.set(to, { ...source, id: to });
      continue;
    }
    for (const a of source.aliases) target.aliases.add(a);
    for (const a of source.articles) target.articles.add(a);
    target.mentions += source.mentions;
    target.role ??= source.role;
  }
  for (let k = 0; k < out.mentions.length; k++) {
    const to = renamed.get(out.mentions[k].entity);
    if (to) out.mentions[k] = { ...out.mentions[k], entity: to };
  }
  for (const entry of gazetteer.entries) {
    const e = out.entities.get(idOf(entry));
    if (!e) continue;
    e.name = entry.name;
    e.type = entry.type;
    e.description = entry.description;
    e.link = entry.link;
    for (const a of entry.aliases) e.aliases.add(a);
  }
  for (let k = 0; k < out.mentions.length; k++) {
    const type = out.entities.get(out.mentions[k].entity)!.type;
    if (out.mentions[k].type !== type) out.mentions[k] = { ...out.mentions[k], type };
  }
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
