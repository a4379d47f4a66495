import { foldDiacritics } from '../text/fold';
import { nameKey, type GazetteerEntry } from './gazetteer';
import { type Candidate, FIXED, NONE, STRONG, WEAK } from './candidates';
import {
  KINSHIP_CUES,
  lowerKey,
  lowerSet,
  NATIONALITY_CUES,
  NOT_NAMES,
  NOT_ORG_ACRONYMS,
  NUMBERED_UNITS,
  ORG_CONNECTORS,
  ORG_FORM_WORDS,
  ORG_HEADS,
  ORG_NAME_SYLLABLES,
  PLACE_NOUNS,
  ROLE_CUES,
  STRONG_PLACE_NOUNS,
  SURNAMES,
  TEAM_HEADS,
  UNIT_WORDS,
  WEAK_SURNAMES,
  WHOLE_ORG_HEADS,
} from './lexicon';
import {
  AMBIGUOUS_PLACES,
  CLUB_CITY_KEYS,
  isPlace,
  KNOWN_ORG_ACRONYMS,
  KNOWN_ORGS,
  LEXICON_FIRST_WORDS,
  MAX_LEXICON_WORDS,
  PLACES,
  placeKey,
} from './places';
import { keyPrefixes, keySuffixes, longestKeyEndingAt, NO_AFFIX, placeOf, prefixReach } from './keyPrefixes';
export const COMPOUND_TAILS = lowerSet([
  'trị',
  'vũ',
  'thành',
  'lý',
  'tế',
  'văn',
  'phòng',
  'đoàn',
  'ban',
  'tạo',
  'học',
  'dục',
  'giao',
  'trưởng',
  'viện',
  'sĩ',
  'nhân',
  'dân',
  'khoa',
  'sát',
  'chính',
  'quan',
  'đội',
  'lực',
  'tịch',
  'thư',
  'hội',
  // `Kỷ niệm`, `Hợp tác`, `Truyền hình`, `Công nghệ`, `Doanh nghiệp`: common words opening titles.
  'niệm',
  'tác',
  'hình',
  'thông',
  'nghiệp',
  'nghệ',
  'thuật',
  'khí',
  // `Hoa hậu Thế giới`, `thượng nghị sĩ Cộng hòa`, `Hệ thống`.
  'giới',
  'hòa',
  'hoà',
  'thống',
  // `Phó Chủ tịch Thường trực`, `Bộ trưởng Tư pháp`, `khoa Hồi sức`, `khoa Cấp cứu`, `Hàng hải`.
  'trực',
  'pháp',
  'sức',
  'cứu',
  'hải',
  // `Danh mục`, `Cửa khẩu`, `Giáo xứ`, `Công viên`, `Báo cáo`: common words capitalised in titles and names.
  'mục',
  'khẩu',
  'xứ',
  'viên',
  'cáo',
  'chức',
  // `Lao động - Thương binh và Xã hội`, `Bộ trưởng Nội vụ`, `Thương vụ`.
  'binh',
  'vụ',
]);
/** Second syllables of common nouns (`Viên chức`, `Danh mục`), never of a verb after a country (`Mỹ trị giá`). */
/** Currency words before a country's name: `đô la Mỹ` (the US dollar), `bảng Anh` (sterling), `yên Nhật`. */
const CURRENCY_WORDS = new Set(['đô la', 'đôla', 'bảng', 'yên', 'won', 'franc', 'rupee']);
const NOUN_TAILS = new Set(['chức', 'mục', 'khẩu', 'xứ', 'viên']);
/** Ambiguous places that open sentences as common words: `Anh` (he, you), `Viên` (a classifier: `Viên pin`). */
const SENTENCE_START_COMMON = new Set(['anh', 'viên']);
/** One-syllable heads of state bodies: alone before a lower-case word (`Viện dinh dưỡng`, `Cục thuế`), no name. */
// `Giám đốc Khối đào tạo`: a bank's or a school's division.
const LONE_ORG_HEADS = lowerSet(['Viện', 'Cục', 'Sở', 'Cảng', 'Trạm', 'Đài', 'Vụ', 'Ban', 'Hội', 'Quỹ', 'Khối']);
/**
 * Words that make a one-syllable kinship cue the end of another word: `công bố` (to announce), `tuyên bố`
 * (to declare), `khủng bố` (terror), `công cụ` (a tool), `dụng cụ`: no `bố` (father) or `cụ` (elder).
 */
const CUE_COMPOUNDS = new Map<string, ReadonlySet<string>>([
  ['bố', new Set(['công', 'tuyên', 'phân', 'ban', 'khủng', 'đăng'])],
  ['cụ', new Set(['công', 'dụng', 'khí', 'giáo'])],
]);
/**
 * Whether `head`, the lower-case word (or phrase) at words[at], ends a compound word with the word before it, by
 * `compounds` (head → the first syllables it ends a word after).
 */
function endsCompound(
  c: ArticleContext,
  at: number,
  head: string,
  compounds: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  return at > 0 && joined(c.text, c.words, at) && !!compounds.get(head)?.has(c.words[at - 1].lower);
}
/** `McTominay`, `DiCaprio`, `LeBron`, `VanZant`, `DeGeneres`: a surname's particle glued to it, no mixed-case code. */
const PARTICLE_SURNAME = /^(?:Mc|Di|De|Le|Van)\p{Lu}\p{Ll}{2,}$/u;
/** `Van de Beek`, `Von der Leyen`, `Frenkie de Jong`, `Vincent van Gogh`: lower-case particles inside a foreign name. */
const NAME_PARTICLES = new Set(['de', 'van', 'der', 'von', 'del', 'dos', 'den', 'ter']);
const TITLE_CASE = /^\p{Lu}[\p{Ll}\p{M}]+$/u;
const BANK_STYLE = /^\p{Lu}{2,}\p{Lu}\p{Ll}{2,}$/u;
const VIETNAMESE_SYLLABLE = /^[\p{L}\p{M}]{1,7}$/u;
const FOREIGN_LETTERS_ = /[fjwz]|[bcdghklmnprstvx]{3}|[^\p{L}\p{M}'-]/iu;
// The length is read on the lower case, which is NFC: a syllable typed with combining marks (`Nguyễn` in NFD,
// eight code units) is as long as its precomposed spelling.
const isVietnameseSyllable = (w: Word) =>
  (w.syllable ??=
    VIETNAMESE_SYLLABLE.test(w.lower) && !FOREIGN_LETTERS_.test(w.folded) && SYLLABLE_SHAPE.test(w.folded));
import { SYLLABLE_SHAPE } from './corpusPasses';
import { COMPANY_WORDS, NOT_PERSON_WORDS } from './data/brandWords';
import { PRODUCT_WORDS } from './data/productWords';
import { CHARACTER_CUES } from './data/characterCues';
import { COLLECTIVE_CUES } from './data/collectiveCues';
import { ROLE_NOUNS } from './data/roleNouns';
import { WORK_NOUNS } from './data/workNouns';
import { hasMixedCase, isAllCaps, isCapital, joined, sentenceStart, type Word, wordSetBit } from './words';

/** What every article pass reads and writes: the article's words, which of them a span holds, the candidates. */
export interface ArticleContext {
  readonly text: string;
  readonly article: number;
  readonly section: string;
  readonly base: number;
  readonly words: readonly Word[];
  /** 1 where a word is inside a span an earlier pass took. */
  readonly taken: Uint8Array;
  readonly out: Candidate[];
  /** Acronyms the text pairs with a long name (`Tổ chức Y tế Thế giới (WHO)`), corpus-wide: acronym → entity key. */
  readonly pairs: Set<string>;
}

const fold = foldDiacritics;
export const ORG_HEAD_KEYS = lowerSet(ORG_HEADS);
const PRODUCT_KEYS = lowerSet(PRODUCT_WORDS);
const NOT_PERSON_KEYS = lowerSet(NOT_PERSON_WORDS);
const WORK_NOUN_KEYS = lowerSet(WORK_NOUNS);
const MAX_HEAD = Math.max(...ORG_HEADS.map((h) => lowerKey(h).split(' ').length));
const UNIT_KEYS = lowerSet(UNIT_WORDS.map((u) => u.replace(/\.$/, '')));
const ROLE_KEYS = lowerSet([...ROLE_CUES, ...ROLE_NOUNS, ...CHARACTER_CUES]);
const CHARACTER_KEYS = lowerSet(CHARACTER_CUES);
const COLLECTIVE_KEYS = lowerSet(COLLECTIVE_CUES);
/**
 * Words that make a one-syllable lower-case head the end of another word: `nhà báo` (a journalist), `thông báo` (to announce) and
 * `cảnh báo` (to warn) are no newspaper, `thị trường` (the market) and `môi trường` (the environment) no
 * school, `khán đài` (the stands) and `lâu đài` (a castle) no broadcaster, `ngân quỹ` (funds) no fund.
 */
const HEAD_COMPOUNDS = new Map<string, ReadonlySet<string>>([
  ['báo', new Set(['nhà', 'thông', 'cảnh', 'dự', 'tình', 'thời', 'họp', 'loan', 'khai', 'tố', 'bẩm', 'phản'])],
  [
    'trường',
    new Set(['thị', 'môi', 'chiến', 'hiện', 'lập', 'ngư', 'công', 'đấu', 'thương', 'sa', 'pháp', 'nông', 'lâm', 'phi']),
  ],
  ['đài', new Set(['khán', 'lâu', 'vũ', 'lễ', 'đền', 'bục', 'vọng'])],
  ['quỹ', new Set(['ngân', 'thủ', 'công'])],
]);
const FOREIGN_ARTICLES = new Set(['la', 'le', 'el', 'il', 'the']);
const HEAD_FIRST = new Set([...ORG_HEAD_KEYS, ...TEAM_HEADS].map((h) => h.split(' ')[0]));
const HEAD_FIRST_BIT = wordSetBit(HEAD_FIRST);
const UNIT_FIRST = wordSetBit([...UNIT_KEYS].map((h) => h.split(' ')[0]));
const STATE_HEADS = lowerSet([
  'UBND',
  'HĐND',
  'Ủy ban nhân dân',
  'Uỷ ban nhân dân',
  'Công an',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
]);
const LOWER_HEADS = new Set([
  'đài phát thanh',
  'đài truyền hình',
  'nhà máy',
  'hãng sản xuất',
  'hãng hàng không',
  'công ty',
  'tập đoàn',
  'ngân hàng',
  'hãng',
  'báo',
  'tạp chí',
  'bệnh viện',
  'trường',
  'đài',
  'kênh',
  'hãng tin',
  'hãng thông tấn',
  'câu lạc bộ',
  'nhà mạng',
  'quỹ',
  // `tờ Siam Sport`, `Tờ Marca`: the classifier of newspapers, capitalised or not a descriptive word.
  'tờ',
]);
// Every word-prefix of the keys the passes look up longest first, to try no phrase longer than one they start.
const HEAD_PREFIXES = keyPrefixes(ORG_HEAD_KEYS, TEAM_HEADS, LOWER_HEADS);
const UNIT_PREFIXES = keyPrefixes(UNIT_KEYS);
const ROLE_PREFIXES = keyPrefixes(ROLE_KEYS);
const LOWER_HEAD_FIRST = wordSetBit([...LOWER_HEADS, ...TEAM_HEADS].map((h) => h.split(' ')[0]));
const ROLE_FIRST = wordSetBit([...ROLE_KEYS].map((h) => h.split(' ')[0]));
const LEXICON_FIRST = wordSetBit(LEXICON_FIRST_WORDS);
const CUE_LAST = new Set([...ROLE_KEYS].map((h) => h.split(' ').pop()!));
const MAX_CUE = Math.max(...[...ROLE_KEYS].map((c) => c.split(' ').length));
// Every word-suffix of the roles and of the known places, to look back from a name no further than one ends.
const ROLE_SUFFIXES = keySuffixes(ROLE_KEYS);
const isRoleKey = (key: string) => ROLE_KEYS.has(key);
// Words that say a foreign capitalised run is an organisation or a place, not a person.
const FOREIGN_ORG_WORDS = lowerSet([
  'FC',
  'United',
  'City',
  'Club',
  'Inc',
  'Corp',
  'Group',
  'Bank',
  'University',
  'Hospital',
  'News',
  'Times',
  'Post',
  'Institute',
  'Company',
  'Foundation',
  'Agency',
  'Association',
  'Council',
  'Party',
  'Media',
  'Studio',
  'Studios',
  'Entertainment',
  'Records',
  'Motors',
  'Airlines',
  'Airways',
  'Technologies',
  'Labs',
  'Pictures',
  'Holdings',
  'Capital',
  'Ventures',
  'Network',
  'Channel',
  'TV',
  'Tech',
  'Systems',
  'Games',
  'Images',
  'Coffee',
  'Telecom',
  ...COMPANY_WORDS,
]);
const MILITARY_UNITS = lowerSet([
  'Đại đội',
  'Tiểu đoàn',
  'Lữ đoàn',
  'Trung đoàn',
  'Sư đoàn',
  'Quân đoàn',
  'Quân khu',
  'Hạm đội',
  'Binh đoàn',
]);
const ORG_SUFFIXES = lowerSet([
  'Electronics',
  'Life',
  'Insurance',
  'C',
  'T',
  'Group',
  'Motor',
  'Motors',
  'Display',
  'Biologics',
  'Pay',
  'Mobile',
  'Bank',
  'Airlines',
  'Airways',
  'Securities',
  'Capital',
  'Land',
  'Holdings',
  'Corp',
  'Corporation',
  'Inc',
  'Ltd',
  'Co',
  'Football',
  'Club',
  'FC',
  'Sports',
  'News',
  'Studios',
  'Pictures',
  'Music',
  'Entertainment',
]);
/** Last words of events and competitions, which are no entity: `Champions League`, `World Cup`. */
const EVENT_WORDS = lowerSet([
  'Liga',
  'Serie',
  'Bundesliga',
  'League',
  'Cup',
  'Games',
  'Open',
  'Championship',
  'Championships',
  'Awards',
  'Festival',
  'Show',
  'Week',
  'Expo',
  'Series',
  'Tour',
  'Prix',
  'Olympic',
  'Olympics',
  'Marathon',
]);
const FOREIGN_PLACE_WORDS = lowerSet([
  'Airport',
  'Street',
  'Island',
  'Islands',
  'Beach',
  'Park',
  'Bay',
  'River',
  'Lake',
  // `Stamford Bridge`, `Golden Gate`, `Big Ben Tower`, `Cave Peak`: sights and venues.
  'Bridge',
  'Gate',
  'Tower',
  'Palace',
  'Temple',
  'Valley',
  'Hills',
  'Heights',
  'Coast',
  'Square',
  'Peak',
]);

/** The key of words[i..j) in lower case with tone marks, or '' if they are not joined into one phrase. */
export function phrase(c: ArticleContext, i: number, j: number): string {
  let key = c.words[i].lower;
  for (let k = i + 1; k < j; k++) {
    if (!joined(c.text, c.words, k)) return '';
    key += ` ${c.words[k].lower}`;
  }
  return key;
}
export const span = (c: ArticleContext, i: number, j: number) => ({ start: c.words[i].start, end: c.words[j - 1].end });
export const surface = (c: ArticleContext, i: number, j: number) => c.text.slice(c.words[i].start, c.words[j - 1].end);
export function take(c: ArticleContext, i: number, j: number): void {
  for (let k = i; k < j; k++) c.taken[k] = 1;
}
export const free = (c: ArticleContext, i: number, j: number) => {
  for (let k = i; k < j; k++) if (c.taken[k]) return false;
  return true;
};

/** Every word-prefix of a known place or organisation. */
const LEXICON_PREFIXES = keyPrefixes(PLACES, KNOWN_ORGS);
const PLACE_SUFFIXES = keySuffixes(PLACES);

/** Whether a capitalised word (no acronym) runs on at words[j]. */
function runsOn(c: ArticleContext, j: number): boolean {
  const next = c.words[j];
  return !!next?.capital && joined(c.text, c.words, j) && !next.allCaps;
}

/** The longest known place or organisation at words[i], as [end, 'LOC' | 'ORG'], or undefined. */
function lexiconAt(c: ArticleContext, i: number): [number, 'LOC' | 'ORG'] | undefined {
  const w = c.words[i];
  if (!(w.inSets & LEXICON_FIRST)) return undefined;
  let key = w.lower;
  let place = placeOf(key);
  let best: [number, 'LOC' | 'ORG'] | undefined;
  for (let j = i + 1; j <= Math.min(c.words.length, i + MAX_LEXICON_WORDS); j++) {
    if (j > i + 1) {
      if (!joined(c.text, c.words, j - 1)) break;
      const next = c.words[j - 1].lower;
      place = LEXICON_PREFIXES.placeAfter(place, next);
      if (place === NO_AFFIX) break;
      key += ` ${next}`;
      // Past the words that spell the start of a known name, no longer phrase is one.
      if (!LEXICON_PREFIXES.has(key)) break;
    }
    // A known name ends at a word boundary of its own: `Nam` of `Nam Định` is not `Nam`.
    if (KNOWN_ORGS.has(key) && (!best || !runsOn(c, j))) {
      best = [j, 'ORG'];
      // `Samsung Electronics`, `Samsung C&T`: a company's own suffixes are in its name.
      let k = j;
      while (k < c.words.length && joined(c.text, c.words, k, true) && ORG_SUFFIXES.has(c.words[k].lower)) k++;
      // `Samsung Việt Nam`, `Panasonic Việt Nam`: a company's Vietnamese arm is a company too.
      if (
        k + 1 < c.words.length &&
        phrase(c, k, k + 2) === 'việt nam' &&
        joined(c.text, c.words, k, true) &&
        !(c.words[k + 2]?.capital && joined(c.text, c.words, k + 2, true))
      )
        k += 2;
      if (k > j) return [k, 'ORG'];
    } else if (isPlace(key)) best = [j, 'LOC'];
  }
  return best;
}

/** How many role words end at words[at - 1], joined to words[at] (`Bộ trưởng Ngoại giao` before a name), or 0. */
function cueEndingAt(c: ArticleContext, at: number): number {
  if (!joined(c.text, c.words, at) || !CUE_LAST.has(c.words[at - 1].lower)) return 0;
  const n = longestKeyEndingAt(c.text, c.words, at, MAX_CUE, ROLE_SUFFIXES, isRoleKey);
  return n === 1 && endsCompound(c, at - 1, c.words[at - 1].lower, CUE_COMPOUNDS) ? 0 : n;
}
const isCapitalPlace = (key: string, from: number, words: readonly Word[]) => words[from].capital && isPlace(key);
/** How many words of a capitalised place end at words[at - 1], joined to words[at] (`Mỹ` of `Tổng thống Mỹ`), or 0. */
function placeEndingAt(c: ArticleContext, at: number): number {
  if (!joined(c.text, c.words, at)) return 0;
  return longestKeyEndingAt(c.text, c.words, at, 4, PLACE_SUFFIXES, isCapitalPlace);
}

/** The role words right before words[i] (`Bộ trưởng Ngoại giao Nga`, `anh`), chained, with where they start. */
export function cueBefore(
  c: ArticleContext,
  i: number,
): { role?: string; from: number; kinship: boolean; kind?: 'character' | 'collective' } | undefined {
  let from = i;
  let kinship = false;
  let kind: 'character' | 'collective' | undefined;
  let found = false;
  for (;;) {
    const n = cueEndingAt(c, from);
    if (n) {
      if (!found) {
        const cue = phrase(c, from - n, from);
        if (KINSHIP_CUES.has(cue)) kinship = true;
        kind = CHARACTER_KEYS.has(cue) ? 'character' : COLLECTIVE_KEYS.has(cue) ? 'collective' : undefined;
      }
      found = true;
      from -= n;
      continue;
    }
    const p = placeEndingAt(c, from);
    if (p && cueEndingAt(c, from - p)) {
      from -= p;
      continue;
    }
    break;
  }
  if (!found) return undefined;
  const roleText = c.text
    .slice(c.words[from].start, c.words[i - 1].end)
    .normalize('NFC')
    .replace(/\s+/g, ' ');
  // `vợ chồng Triệu Lệ Dĩnh`, `bố mẹ Phạm Băng Băng`: a kinship word says who someone is to another, not their role;
  // `vai Thúy Kiều`, `nhân vật Tú Bà`: a character cue says someone is a character, no role of theirs either.
  return { role: kinship || kind === 'character' ? undefined : roleText, from, kinship, kind };
}

/** Names from the user's gazetteer, wherever they occur: they win over every rule. */
export function gazetteerPass(
  c: ArticleContext,
  known: RegExp | undefined,
  spellings: Map<string, GazetteerEntry>,
): void {
  if (!known) return;
  const body = c.text.slice(c.base, c.words.length ? c.words[c.words.length - 1].end : c.base);
  known.lastIndex = 0;
  for (let m = known.exec(body); m; m = known.exec(body)) {
    const entry = spellings.get(nameKey(m[0]));
    if (!entry) continue;
    const start = c.base + m.index;
    const end = start + m[0].length;
    let i = 0;
    while (i < c.words.length && c.words[i].end <= start) i++;
    let j = i;
    while (j < c.words.length && c.words[j].start < end) j++;
    if (i >= j || !free(c, i, j)) continue;
    const cue = entry.type === 'PER' ? cueBefore(c, i) : undefined;
    c.out.push({
      article: c.article,
      start,
      end,
      type: entry.type,
      strength: FIXED,
      voteKey: lowerKey(m[0]),
      key: nameKey(entry.name),
      entry,
      role: cue?.role,
    });
    take(c, i, j);
  }
}

const HCMC = /^(?:TP\.? ?HCM|TPHCM|Tp\.? ?HCM|TP\.? ?Hồ Chí Minh|Tp\.? ?Hồ Chí Minh|HCM)$/u;
/** `TP.HCM`, `TP. HCM`, `TP.Hồ Chí Minh`: the abbreviations that the word splitter cuts at the dot, as one place. */
export function abbreviationPass(c: ArticleContext): void {
  const { words, text } = c;
  for (let i = 0; i < words.length; i++) {
    const w = words[i].text;
    if (w !== 'TP' && w !== 'Tp' && w !== 'TPHCM') continue;
    let j = i + 1;
    if (w !== 'TPHCM') {
      const next = words[i + 1];
      if (!next || next.start - words[i].end > 2 || !/^[.\s]+$/.test(text.slice(words[i].end, next.start))) continue;
      if (next.text === 'HCM') j = i + 2;
      else if (next.text === 'Hồ' || next.text.normalize('NFC') === 'Hồ') {
        if (words[i + 3] && phrase(c, i + 1, i + 4) === 'hồ chí minh') j = i + 4;
        else continue;
      } else continue;
    }
    if (
      !free(c, i, j) ||
      !HCMC.test(
        text
          .slice(words[i].start, words[j - 1].end)
          .replace(/\s+/g, ' ')
          .normalize('NFC'),
      )
    )
      continue;
    c.out.push({
      article: c.article,
      ...span(c, i, j),
      type: 'LOC',
      strength: FIXED,
      voteKey: 'hồ chí minh',
      key: 'ho chi minh',
    });
    take(c, i, j);
  }
}

/**
 * Second syllables that follow a lone capitalised syllable inside a name (`Sư phạm`, `Nhà nước`, `Thế giới`,
 * `Hữu nghị`, `An toàn`, `Bóng chuyền`), too common on their own for ORG_NAME_SYLLABLES (`nước này`).
 */
const SECOND_SYLLABLES = new Set([
  'phạm',
  'cấp',
  'lâm',
  'hành',
  'toàn',
  'nước',
  'giới',
  'nghị',
  'chuyền',
  'đá',
  'đua',
  'chuẩn',
]);
/** The end of an organisation's name that starts after a head at words[from], or `from` if none follows. */
/**
 * `Hải quân Indonesia Julius Widjojono`, `Liên đoàn Lao động Campuchia Ath Thorn`: two capitalised words, one of
 * them foreign, right after a place that ends an organisation's name are the person it is speaking for.
 */
function foreignPersonAfterPlace(c: ArticleContext, from: number, k: number): boolean {
  const { words } = c;
  const next = words[k + 1];
  if (!next?.capital || next.allCaps || words[k].allCaps || !joined(c.text, words, k + 1, true)) return false;
  if (isVietnameseSyllable(words[k]) && isVietnameseSyllable(next)) return false;
  for (let n = 1; n <= 3 && k - n >= from; n++) if (words[k - n].capital && isPlace(phrase(c, k - n, k))) return true;
  return false;
}

function orgNameEnd(c: ArticleContext, from: number, max = 12): number {
  const { words } = c;
  let end = from;
  let capitalSeen = false;
  let chain = 0;
  for (let k = from; k < Math.min(words.length, from + max) && joined(c.text, words, k, true) && !c.taken[k]; k++) {
    const w = words[k];
    if (w.capital) {
      if (ROLE_KEYS.has(w.lower) || ROLE_KEYS.has(phrase(c, k, k + 2))) break;
      // A person after the name: `Bộ Y tế Nguyễn Thanh Long` keeps only the ministry.
      if (
        capitalSeen &&
        SURNAMES.has(w.lower) &&
        !WEAK_SURNAMES.has(w.lower) &&
        words[k + 1]?.capital &&
        !isPlace(phrase(c, k, k + 2))
      )
        break;
      if (capitalSeen && foreignPersonAfterPlace(c, from, k)) break;
      end = k + 1;
      capitalSeen = true;
      chain = 0;
    } else if (
      k > from &&
      chain === 0 &&
      SECOND_SYLLABLES.has(w.lower) &&
      words[k - 1].capital &&
      (k - 1 === from || !words[k - 2].capital) &&
      lexiconAt(c, k - 1)?.[1] !== 'LOC'
    ) {
      // `Đại học Sư phạm`, `Ngân hàng Nhà nước`, `Tổ chức Y tế Thế giới`: a word's lower-case second syllable.
      chain++;
      end = k + 1;
    } else if (ORG_NAME_SYLLABLES.has(w.lower) && chain < 3) {
      chain++;
      if (capitalSeen) end = k + 1;
    } else if (UNIT_KEYS.has(phrase(c, k, k + 2)) && words[k + 2]?.capital && joined(c.text, words, k + 2)) {
      k++;
      chain = 0;
    } else if (
      (UNIT_KEYS.has(w.lower) ||
        (ORG_CONNECTORS.has(w.lower) && !words[k - 1].capital && !ORG_HEAD_KEYS.has(words[k + 1]?.lower ?? ''))) &&
      words[k + 1]?.capital &&
      joined(c.text, words, k + 1)
    ) {
      chain = 0;
    } else break;
  }
  return capitalSeen ? end : from;
}

/**
 * Organisations from their head words: `Bộ Y tế`, `Sở Y tế Quảng Trị`, `UBND tỉnh Quảng Nam`,
 * `Bệnh viện Bạch Mai`, `Trường THPT Chu Văn An`, `đội tuyển Việt Nam`; `tập đoàn Vingroup` gives `Vingroup`.
 */
export function organisationPass(c: ArticleContext): void {
  const { words } = c;
  for (let i = 0; i < words.length; i++) {
    if (c.taken[i]) continue;
    const w = words[i];
    const youth = w.text.length === 3 && w.text.charCodeAt(0) === 85 && /^U\d{2}$/.test(w.text);
    const descriptive = !w.capital || w.lower === 'tờ';
    if (!youth && !(w.inSets & (descriptive ? LOWER_HEAD_FIRST : HEAD_FIRST_BIT))) continue;
    // A team: `đội tuyển Việt Nam`, `tuyển Việt Nam`, `U23 Việt Nam`, `CLB Hà Nội` (the head inside the span).
    let head = 0;
    const reach = prefixReach(c.text, words, i, MAX_HEAD, HEAD_PREFIXES);
    for (let n = Math.min(MAX_HEAD, words.length - i, reach); n >= 1 && !head; n--) {
      const key = phrase(c, i, i + n);
      if (key && (ORG_HEAD_KEYS.has(key) || TEAM_HEADS.has(key) || (descriptive && LOWER_HEADS.has(key)))) head = n;
    }
    if (!head && !youth) continue;
    const key = head ? phrase(c, i, i + head) : '';
    const team = youth || TEAM_HEADS.has(key);
    if (!team && descriptive) {
      // A lower-case head is a descriptive word: the name after it is the organisation.
      if (!LOWER_HEADS.has(key)) continue;
      const from = i + head;
      if (from >= words.length || !words[from].capital || !joined(c.text, words, from) || c.taken[from]) continue;
      // `thông báo HLV Nagelsmann`, `cảnh báo`: `báo` (a newspaper) ending a verb is no head; nor is a head
      // before a title (`bệnh viện TS.BS Phan Văn Báu`, `ghế HLV trưởng`).
      if (endsCompound(c, i, key, HEAD_COMPOUNDS)) continue;
      if (
        ROLE_KEYS.has(words[from].lower) ||
        (NOT_ORG_ACRONYMS.has(words[from].text) && !ORG_FORM_WORDS.has(words[from].text))
      )
        continue;
      // `tờ La Gazzetta dello Sport`: a foreign article before a known name is part of it.
      const particle = FOREIGN_ARTICLES.has(words[from].lower) && joined(c.text, words, from + 1, true);
      const lex = lexiconAt(c, from) ?? (particle ? lexiconAt(c, from + 1) : undefined);
      if (lex?.[1] === 'LOC') continue;
      // `đài phát thanh NPR`: an acronym after the head is the organisation's name; a company form or school
      // level (`công ty TNHH Festo`, `trường THCS Gio Hải`) opens the name after it.
      const form = ORG_FORM_WORDS.has(words[from].text);
      // `tờ DR Sport`, `Tờ SMM Sport`: a newspaper's acronym may open a longer name.
      const paper = key === 'tờ';
      const end = lex ? lex[0] : words[from].allCaps && !form && !paper ? from + 1 : orgNameEnd(c, from, 6);
      if (form && end <= from + 1) continue;
      // `ngân hàng Việt` (Vietnamese banks): a nationality, no name.
      if (end <= from || NOT_NAMES.has(words[from].lower) || (end === from + 1 && words[from].lower === 'việt'))
        continue;
      c.out.push({
        article: c.article,
        ...span(c, from, end),
        type: 'ORG',
        strength: STRONG,
        voteKey: phrase(c, from, end) || surface(c, from, end),
        key: nameKey(surface(c, from, end)),
      });
      take(c, from, end);
      i = end - 1;
      continue;
    }
    // `PGS.TS Nguyễn Trường Thịnh`: a head word inside a person's name.
    if (
      w.capital &&
      i > 0 &&
      joined(c.text, words, i, true) &&
      words[i - 1].capital &&
      SURNAMES.has(words[i - 1].lower)
    )
      continue;
    // `Tây Ban Nha`: a head word inside a place.
    if (i > 0 && joined(c.text, words, i) && (lexiconAt(c, i - 1)?.[0] ?? 0) > i) continue;
    // `Đài Loan`, `Hội An`, `Trường Sa`: a place that starts with a head word.
    const lex = lexiconAt(c, i);
    if (lex && lex[1] === 'LOC' && lex[0] > i + head - (team ? 1 : 0) && !team) continue;
    const from = youth ? i + 1 : i + head;
    let end: number;
    if (team) {
      const place = from < words.length && joined(c.text, words, from) ? lexiconAt(c, from) : undefined;
      end = place
        ? place[0]
        : from < words.length && words[from].capital && joined(c.text, words, from)
          ? orgNameEnd(c, from, 4)
          : from;
      if (end <= from) continue;
    } else if (MILITARY_UNITS.has(key) && /^\d+$/.test(words[from]?.text ?? '') && joined(c.text, words, from)) {
      end = from + 1;
    } else {
      end = orgNameEnd(c, from);
      // `UBND tỉnh`, `Công an huyện`: a unit word alone after a state body's head names that level's body.
      if (end <= from && STATE_HEADS.has(key) && from < words.length && joined(c.text, words, from, true)) {
        const unitWords = UNIT_KEYS.has(phrase(c, from, from + 2)) ? 2 : UNIT_KEYS.has(words[from].lower) ? 1 : 0;
        if (unitWords && !words[from].capital) end = from + unitWords;
      }
      const wholeHead = WHOLE_ORG_HEADS.has(key) || (head >= 2 && words.slice(i + 1, i + head).some((x) => x.capital));
      if (end <= from && !wholeHead) continue;
      if (end <= from) end = from;
    }
    // `Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO)`: a long name runs on, lower-case words and all, to its acronym.
    for (let k = end; k < Math.min(words.length - 1, end + 8) && joined(c.text, words, k, true) && !c.taken[k]; k++) {
      // `Trung tâm Y tế TP Sóc Trăng và Trung tâm Kiểm soát bệnh tật (CDC)`: the acronym is the second body's.
      if (ORG_CONNECTORS.has(words[k].lower) && HEAD_FIRST.has(words[k + 1].lower) && words[k + 1].capital) break;
      if (/^ ?\($/.test(c.text.slice(words[k].end, words[k + 1].start)) && words[k + 1].allCaps) {
        end = k + 1;
        break;
      }
    }
    if (!free(c, i, end)) continue;
    const s = span(c, i, end);
    const k = nameKey(c.text.slice(s.start, s.end));
    const cand: Candidate = {
      article: c.article,
      ...s,
      type: 'ORG',
      strength: FIXED,
      voteKey: lowerKey(c.text.slice(s.start, s.end)),
      key: k,
    };
    c.out.push(cand);
    take(c, i, end);
    // `Trung tâm Kiểm soát bệnh tật (CDC)`: the acronym in parentheses is the same organisation.
    const after = c.text.slice(s.end, s.end + 14);
    const paired = /^ ?\((\p{Lu}[\p{Lu}\d&]{1,9})\)/u.exec(after);
    if (paired) {
      cand.key = fold(paired[1]);
      c.pairs.add(cand.key);
    }
    i = end - 1;
  }
}

/** Places after a unit word (`tỉnh Quảng Nam`, `TP Đà Nẵng`, `quận 1`, `phường Xuân Hà`): the unit is inside the span. */
export function unitPlacePass(c: ArticleContext): void {
  const { words } = c;
  for (let i = 0; i < words.length; i++) {
    if (c.taken[i] || !(words[i].inSets & UNIT_FIRST)) continue;
    // `Nhật Bản`, `Hà Nội Xã`: a capitalised unit word right after a capitalised word belongs to that name.
    if (words[i].capital && i > 0 && words[i - 1].capital && joined(c.text, words, i, true)) continue;
    let n = 0;
    const reach = prefixReach(c.text, words, i, 3, UNIT_PREFIXES);
    for (let m = reach; m >= 1 && !n; m--) if (i + m < words.length && UNIT_KEYS.has(phrase(c, i, i + m))) n = m;
    if (!n) continue;
    const from = i + n;
    const unit = phrase(c, i, from);
    const dotted =
      unit === 'tp' && from < words.length && /^\. ?$/.test(c.text.slice(words[from - 1].end, words[from].start));
    if ((!dotted && !joined(c.text, words, from)) || c.taken[from]) continue;
    const next = words[from];
    let end = from;
    if (/^\d{1,2}$/.test(next.text) && NUMBERED_UNITS.has(unit)) end = from + 1;
    // `bản B`, `xã X`: a letter is a name withheld or a code, no place (and `viêm gan B` no place either).
    else if (/^\p{Lu}\.?$/u.test(next.text)) continue;
    else if ((next.capital && !isAllCaps(next.text.replace(/\.$/, ''))) || next.text === 'HCM') {
      const lex = lexiconAt(c, from);
      // `huyện Mỹ Đức`, `huyện Nga Sơn`: a one-word country that runs on is the first word of a local name.
      const runsOn =
        lex?.[0] === from + 1 &&
        words[from + 1]?.capital &&
        !words[from + 1].allCaps &&
        !SURNAMES.has(words[from + 1].lower) &&
        joined(c.text, words, from + 1, true) &&
        !c.taken[from + 1];
      if (lex?.[1] === 'LOC' && !runsOn) end = lex[0];
      else {
        end = from;
        while (
          end < words.length &&
          end < from + 4 &&
          words[end].capital &&
          !c.taken[end] &&
          (end === from || joined(c.text, words, end))
        )
          end++;
        if (NOT_NAMES.has(words[from].lower) && end === from + 1) continue;
        // `BCĐ tỉnh Trần Xuân Dưỡng`: the unit belongs to the words before, a person follows.
        if (end - from >= 3 && SURNAMES.has(words[from].lower)) continue;
      }
    } else continue;
    const nameText = surface(c, from, end);
    const key = placeKey(nameText, fold);
    // `các tỉnh Bắc Trung Bộ`, `hai huyện Lý Nhân`: a plural unit word names no one unit, so it stays outside.
    const plural = i > 0 && joined(c.text, words, i) && PLURAL_WORDS.has(words[i - 1].lower);
    c.out.push({
      article: c.article,
      ...span(c, plural ? from : i, end),
      type: 'LOC',
      strength: FIXED,
      voteKey: lowerKey(nameText),
      key,
    });
    take(c, i, end);
    i = end - 1;
  }
}

/** Known places and organisations from the lists, with the context rules for ambiguous one-word places. */
export function lexiconPass(c: ArticleContext): void {
  const { words } = c;
  for (let i = 0; i < words.length; i++) {
    if (c.taken[i] || !words[i].capital) {
      // `châu Á`, `phương Tây`: a lower-case common noun that is part of the name.
      if (c.taken[i] || !(words[i].lower === 'châu' || words[i].lower === 'phương')) continue;
    }
    const lex = lexiconAt(c, i);
    if (!lex) continue;
    const [end, type] = lex;
    if (!free(c, i, end)) continue;
    if (orgWordAfter(c, i, end)) continue;
    const key = phrase(c, i, end);
    const prev = i > 0 && joined(c.text, words, i) ? words[i - 1] : undefined;
    // `Nga-Ấn`: a hyphen between two places is no name.
    const nextWord =
      end < words.length && joined(c.text, words, end) && c.text.charCodeAt(words[end].start - 1) === 32
        ? words[end]
        : undefined;
    if (key === 'hồ chí minh' && prev && /^(tưởng|tịch|bác)$/.test(prev.lower)) {
      c.out.push({
        article: c.article,
        ...span(c, i, end),
        type: 'PER',
        strength: STRONG,
        voteKey: key,
        words: words.slice(i, end),
        cued: true,
      });
      take(c, i, end);
      i = end - 1;
      continue;
    }
    // `đăng trên Facebook`: a platform; `Apple TV 4K`: a product; no organisation.
    if (type === 'ORG' && ((prev && PRODUCT_CUE.test(prev.lower)) || modelAfter(c, end) || modelNameAfter(c, end))) {
      take(c, i, end);
      i = end - 1;
      continue;
    }
    if (type === 'LOC') {
      const prevKey = prev
        ? i > 1 && joined(c.text, words, i - 1)
          ? `${words[i - 2].lower} ${prev.lower}`
          : prev.lower
        : '';
      // `người Anh`, `tiếng Việt`: a nationality or a language; `đô la Mỹ`, `bảng Anh`: a currency; no entity.
      if (
        prev &&
        (NATIONALITY_CUES.has(prev.lower) ||
          NATIONALITY_CUES.has(prevKey) ||
          (!prev.capital &&
            words[i].start - prev.end === 1 &&
            (CURRENCY_WORDS.has(prev.lower) || CURRENCY_WORDS.has(prevKey))))
      ) {
        take(c, i, end);
        i = end - 1;
        continue;
      }
      // Inside a person's name (`Nguyễn Minh Đức`, `Mỹ Tâm`), or a name after a kinship word (`anh Nam`).
      if (
        prev?.capital &&
        joined(c.text, words, i, true) &&
        !c.taken[i - 1] &&
        !prev.allCaps &&
        !ROLE_KEYS.has(prev.lower) &&
        // `Từ Tây Phi`, `Tại Hà Nội`: a capitalised function word opening the sentence is no part of a name.
        !(
          NOT_NAMES.has(prev.lower) &&
          !KINSHIP_CUES.has(prev.lower) &&
          !SURNAMES.has(prev.lower) &&
          sentenceStart(c.text, words, i - 1, c.base)
        )
      )
        continue;
      if (AMBIGUOUS_PLACES.has(key)) {
        const cue = cueBefore(c, i);
        if (cue?.kinship) continue;
        // `nhà lãnh đạo Nga`, `Tổng thống Mỹ`: a leader's country; `ca sĩ Mỹ`, `HLV Đức`: a person; `nhà khoa
        // học Mỹ`, a class of people: their nationality, the country.
        if (
          cue &&
          cue.kind !== 'collective' &&
          !/lãnh đạo|thống|tướng|trưởng|Đại sứ|Chủ tịch|viên/iu.test(cue.role ?? '')
        )
          continue;
        if (cue && nextWord?.capital && isVietnameseSyllable(nextWord)) continue;
        // `Nga Sergey Lavrov`: a foreign name after the country is a person of that country.
        if (nextWord?.capital && !nextWord.allCaps && !cue && isVietnameseSyllable(nextWord)) continue;
        // `Viên chức`, `Viên pin` (a classifier): a capitalised common word, not Vienna.
        if (nextWord && !nextWord.capital && NOUN_TAILS.has(nextWord.lower)) continue;
        if (SENTENCE_START_COMMON.has(key) && sentenceStart(c.text, words, i, c.base)) {
          const after = c.text.slice(words[i].end, words[i].end + 5);
          if (!/^(,| và| - )/.test(after)) continue;
        }
      } else if (nextWord?.capital && !nextWord.allCaps && i > 0 && SURNAMES.has(words[i].lower) && !cueBefore(c, i)) {
        // `Hà Anh Tuấn`: a surname-led run that happens to start with a place's first words.
        if (!isPlace(phrase(c, i, end + 1))) continue;
      }
      if (end === i + 1 && nextWord && foreignFirstName(c, i, end)) continue;
    }
    let t: 'LOC' | 'ORG' = type;
    if (
      type === 'LOC' &&
      c.section === 'sport' &&
      CLUB_CITY_KEYS.has(key) &&
      !/^(tại|ở|đến|tới|sân)$/.test(prev?.lower ?? '')
    )
      t = 'ORG';
    const nameText = surface(c, i, end);
    c.out.push({
      article: c.article,
      ...span(c, i, end),
      type: t,
      strength: STRONG,
      voteKey: key,
      key: t === 'LOC' ? placeKey(nameText, fold) : nameKey(nameText),
    });
    take(c, i, end);
    i = end - 1;
  }
}

/**
 * `Paris Hilton`, `Washington Brandao`: a one-word foreign place before one foreign title-case word (no company,
 * place, product or event word, no third capitalised word) is a person's first name; the name pass reads them.
 */
function foreignFirstName(c: ArticleContext, i: number, end: number): boolean {
  const { words } = c;
  const next = words[end];
  if (!TITLE_CASE.test(next.text) || isVietnameseSyllable(words[i]) || isVietnameseSyllable(next)) return false;
  if (end + 1 < words.length && words[end + 1].capital && joined(c.text, words, end + 1, true)) return false;
  const w = next.lower;
  return !(
    FOREIGN_ORG_WORDS.has(w) ||
    FOREIGN_PLACE_WORDS.has(w) ||
    PRODUCT_KEYS.has(w) ||
    NOT_PERSON_KEYS.has(w) ||
    EVENT_WORDS.has(w) ||
    lexiconAt(c, end)
  );
}

/** Whether `™`, `®` or a possessive `'s` (`’s`) follows at text[at]: /^(™|®|'s|’s)/ on what follows, by the codes. */
export function markOrPossessiveAt(text: string, at: number): boolean {
  const ch = text.charCodeAt(at);
  return ch === 0x2122 || ch === 0xae || ((ch === 39 || ch === 0x2019) && text.charCodeAt(at + 1) === 115);
}

/** Whether text[from, to) holds an ASCII digit: /\d/ on its slice, by the codes. */
export function hasDigit(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) return true;
  }
  return false;
}

/**
 * Capitalised runs not taken by the passes before: people (a surname, a cue, initials), places after a
 * place noun (`sân bay Nội Bài` → `Nội Bài`), and names the corpus will type by their other mentions.
 */
export function namePass(c: ArticleContext): void {
  const { words } = c;
  let i = 0;
  while (i < words.length) {
    // Mixed case (`SARS-CoV-2`, `iPhone`) is a code or a product, not a name.
    if (
      c.taken[i] ||
      !words[i].capital ||
      words[i].allCaps ||
      (hasMixedCase(words[i].text) && !PARTICLE_SURNAME.test(words[i].text))
    ) {
      i++;
      continue;
    }
    // `FE Credit`, `FPT Shop`: an acronym before a company's own word is that company.
    if (i > 0 && !c.taken[i - 1] && words[i - 1].allCaps && orgWordAfter(c, i - 1, i)) {
      i++;
      continue;
    }
    // `Bác sĩ Trình Ngô Bỉnh`: a capitalised role word is no name.
    let roleWords = 0;
    if (words[i].inSets & ROLE_FIRST) {
      const reach = prefixReach(c.text, words, i, 3, ROLE_PREFIXES);
      for (let n = Math.min(3, words.length - i - 1, reach); n >= 1 && !roleWords; n--)
        if (ROLE_KEYS.has(phrase(c, i, i + n)) && words[i + n].capital && joined(c.text, words, i + n)) roleWords = n;
    }
    if (roleWords) {
      i += roleWords;
      continue;
    }
    let j = i + 1 + particlesBefore(c, i + 1);
    while (
      j < words.length &&
      !c.taken[j] &&
      ((words[j].capital && !words[j].allCaps && joined(c.text, words, j, true)) ||
        // `Lee Kun-hee`, `Koo Kwang-mo`: a lower-case syllable after a hyphen.
        (c.text.charCodeAt(words[j].start - 1) === 45 &&
          !/\d/.test(words[j].text) &&
          words[j].start - words[j - 1].end === 1 &&
          !/[\u00c0-\u1ef9]/.test(words[j].text)))
    )
      j += 1 + particlesBefore(c, j + 1);
    const runEnd = j;
    // `Aeria™`, `Victoria's Secret`: products and brands' possessives; `Champions League`: an event.
    if (markOrPossessiveAt(c.text, words[j - 1].end) || EVENT_WORDS.has(words[j - 1].lower)) {
      i = runEnd;
      continue;
    }
    // A lone capitalised word opening a sentence (`Thời gian`, `Lãnh đạo`, `Chúng tôi`) is a common word; a
    // foreign one (`Cavani nhiều khả năng …`) is a name the corpus may know.
    if (
      runEnd === i + 1 &&
      (isVietnameseSyllable(words[i]) || !TITLE_CASE.test(words[i].text)) &&
      sentenceStart(c.text, words, i, c.base) &&
      words[i + 1] &&
      !words[i + 1].capital &&
      joined(c.text, words, i + 1) &&
      !cueBefore(c, i)
    ) {
      i = runEnd;
      continue;
    }
    let a = i;
    const credit = photoCredit(c, a, runEnd);
    const cue = credit ? { from: a, kinship: false } : cueBefore(c, a);
    // `bố mẹ - Mẹ rất đau khổ`: a kinship word is no name, whatever comes before it.
    if (runEnd === a + 1 && KINSHIP_CUES.has(words[a].lower)) {
      i = runEnd;
      continue;
    }
    if (cue?.kinship && heroTitle(c, a, runEnd)) {
      i = runEnd;
      continue;
    }
    // Common words that start sentences and titles: `Chúng tôi`, `Mọi người`, `Trái đất`.
    if (!cue) {
      while (
        a < runEnd &&
        NOT_NAMES.has(words[a].lower) &&
        !(SURNAMES.has(words[a].lower) && runEnd - a >= 2 && !WEAK_SURNAMES.has(words[a].lower)) &&
        // `Song` is the conjunction, and the Korean surname before a foreign given name (`Song Hye Kyo`).
        !(
          words[a].lower === 'song' &&
          runEnd - a >= 3 &&
          words.slice(a + 1, runEnd).some((x) => !isVietnameseSyllable(x))
        )
      )
        a++;
    }
    i = runEnd;
    if (a >= runEnd) continue;
    // `nghệ sĩ Việt`, `tỷ phú Việt`: a nationality after a class of people is no one's name.
    if (cue?.kind === 'collective' && runEnd - a === 1 && (words[a].lower === 'việt' || isPlace(words[a].lower)))
      continue;
    // `Y tế`, `Biên phòng`, `Tiểu đoàn`: a capitalised syllable of a common compound is no name.
    const nextLower =
      runEnd < words.length && !words[runEnd].capital && joined(c.text, words, runEnd, true) ? words[runEnd].lower : '';
    const surnameStart = SURNAMES.has(words[a].lower) && runEnd - a >= 2;
    // `HLV Solskjaer tạo nên`: a foreign word makes no compound with the syllable after it (`Đào tạo`).
    const compoundTail = !!nextLower && COMPOUND_TAILS.has(nextLower) && isVietnameseSyllable(words[runEnd - 1]);
    if (runEnd - a >= 2 && !surnameStart && !cue?.kinship && compoundTail) continue;
    if (runEnd - a === 1 && nextLower && !cue && LONE_ORG_HEADS.has(words[a].lower)) continue;
    // `Chủ tịch Hội`, `Giám đốc Sở`: a head word alone after a role is the body, no person.
    if (runEnd - a === 1 && cue && !cue.kinship && LONE_ORG_HEADS.has(words[a].lower)) continue;
    if (
      runEnd - a === 1 &&
      nextLower &&
      (compoundTail || ROLE_KEYS.has(`${words[a].lower} ${nextLower}`)) &&
      !cue?.kinship
    )
      continue;
    // `Trưởng Ban chỉ đạo`, `vai diễn Vua thủy tề`: a role word with no name after it is no one's name.
    const runKey = phrase(c, a, runEnd);
    if (ROLE_KEYS.has(runKey)) continue;
    // `công bố Bệnh viện …`: the first syllable of a head word is no name, after a kinship word (`bố`) too.
    if (runEnd - a === 1 && nextLower && ORG_HEAD_KEYS.has(`${words[a].lower} ${nextLower}`)) continue;
    // `Covid-19`, `Nanggala-402`, `iPhone 12`: a name with a number in it is a code, a product or an event.
    if (hasDigit(c.text, words[a].start, words[runEnd - 1].end + 2)) continue;
    take(c, a, runEnd);
    const run = words.slice(a, runEnd);
    const s = span(c, a, runEnd);
    const nameText = surface(c, a, runEnd);
    const voteKey = runKey || lowerKey(nameText);
    const prev = a > 0 && joined(c.text, words, a) ? words[a - 1] : undefined;
    const prev2 = a > 1 && prev && joined(c.text, words, a - 1) ? `${words[a - 2].lower} ${prev.lower}` : '';
    const lastLower = run[run.length - 1].lower;
    // `ABBank`, `VNPost`: capitals glued to a capitalised word, a company's name, no person's (even after
    // a role: `Chủ tịch HĐQT ABBank`).
    if (run.length === 1 && BANK_STYLE.test(run[0].text)) {
      c.out.push({ article: c.article, ...s, type: 'ORG', strength: WEAK, voteKey, key: nameKey(nameText) });
      continue;
    }
    // `Panasonic Việt Nam`, `Intech Energy Đà Nẵng`, `Four Seasons Hong Kong`, `Flamingo Cát Bà`: a foreign
    // company's arm, branch or hotel in a place.
    const branch = !cue && branchOfPlace(c, run, runEnd);
    if ((run.length >= 2 && FOREIGN_ORG_WORDS.has(lastLower)) || branch) {
      c.out.push({ article: c.article, ...s, type: 'ORG', strength: STRONG, voteKey, key: nameKey(nameText) });
      continue;
    }
    if (run.length >= 2 && FOREIGN_PLACE_WORDS.has(lastLower)) {
      c.out.push({ article: c.article, ...s, type: 'LOC', strength: STRONG, voteKey, key: placeKey(nameText, fold) });
      continue;
    }
    // A place noun before the name: `sân bay Nội Bài`, `thủ đô Damascus`, `đường Khaosan`.
    const noun = prev && (STRONG_PLACE_NOUNS.has(prev2) ? prev2 : STRONG_PLACE_NOUNS.has(prev.lower) ? prev.lower : '');
    if (noun && !cue) {
      c.out.push({ article: c.article, ...s, type: 'LOC', strength: STRONG, voteKey, key: placeKey(nameText, fold) });
      continue;
    }
    // A title in quotes (`"Mission Impossible"`, `"Big Six"`) is no name without a cue.
    if (
      !cue &&
      /["“]\s*$/.test(c.text.slice(words[a].start - 2, words[a].start)) &&
      /^\s*["”]/.test(c.text.slice(words[runEnd - 1].end, words[runEnd - 1].end + 2))
    )
      continue;
    // `bộ phim Harry Potter`, `ca khúc Champs Elysees`: a work's title after its noun is no one's name (but
    // `phim Lý Hải` may be the director's: a surname-led Vietnamese name stays; a lone surname, `phim Kiều`,
    // `Truyện Kiều`, is the title).
    if (
      !cue &&
      prev &&
      words[a].start - prev.end === 1 &&
      (WORK_NOUN_KEYS.has(prev.lower) || WORK_NOUN_KEYS.has(prev2)) &&
      !(run.length >= 2 && SURNAMES.has(words[a].lower) && run.every(isVietnameseSyllable))
    )
      continue;
    // A byline: a short name alone on the article's last lines (`Hải Vân`, `Đại Dương`).
    // (Where the run stands is asked first: the lines around it only of the article's last words.)
    const byline =
      runEnd >= words.length - 4 &&
      run.length >= 2 &&
      run.length <= 4 &&
      (a === 0 || /\n\s*$/.test(c.text.slice(Math.max(c.base, words[a].start - 3), words[a].start))) &&
      /^\s*(\n|$|Theo )/.test(c.text.slice(words[runEnd - 1].end, words[runEnd - 1].end + 6)) &&
      run.every(isVietnameseSyllable);
    if (byline) {
      c.out.push({ article: c.article, ...s, type: 'PER', strength: STRONG, voteKey, words: run, cued: true });
      continue;
    }
    const initials = /^(\p{Lu}\.)+\s?\p{Lu}?/u.test(run[0].text) && run[0].text.includes('.');
    const surnameLed =
      run.length >= 2 && SURNAMES.has(run[0].lower) && run.length <= 5 && run.every(isVietnameseSyllable);
    const vietnamese = run.every(isVietnameseSyllable);
    const weakPlace = prev && PLACE_NOUNS.has(prev.lower) && !STRONG_PLACE_NOUNS.has(prev.lower);
    // `Magic Keyboard`, `App Store`, `Wi-Fi`, `Type-C`: a product or a feature, no name.
    // `Sun Grand Boulevard`, `Cave Peak`, `Chuyện Bitcoin`: a development, a sight or a thing, no person.
    if (
      !cue &&
      !vietnamese &&
      run.some((w, k) => PRODUCT_KEYS.has(w.lower) || NOT_PERSON_KEYS.has(w.lower) || shortHyphenPart(c, run, k))
    )
      continue;
    // `ở Trịnh Châu (Hà Nam, Trung Quốc)`: after a place word, a name followed by its place in parentheses is a place.
    if (!cue && prev && PLACE_PREPOSITIONS.has(prev.lower) && placeInParentheses(c, runEnd)) {
      c.out.push({ article: c.article, ...s, type: 'LOC', strength: STRONG, voteKey, key: placeKey(nameText, fold) });
      continue;
    }
    // `C.Ronaldo`, `S. Lavrov`: an initial before a name is as good as a role.
    const initialled = initials && /\.\s?\p{Lu}[\p{Ll}\p{M}]/u.test(run[0].text);
    if (cue || initials || surnameLed) {
      // `nàng Kiều`: a one-word character is kept, but casts no vote, or one slip (`vai Nữ …`) would make every
      // `Nữ` of the corpus a person.
      const lone = cue?.kind === 'character' && run.length === 1;
      c.out.push({
        article: c.article,
        ...s,
        type: 'PER',
        strength: (cue && !lone) || surnameLed || initialled ? STRONG : WEAK,
        voteKey,
        role: cue?.role,
        words: run,
        cued: !!cue,
      });
      continue;
    }
    // `lympho T`, `phòng chat thứ N`, `ngành Y`: a lone letter is a name only after a cue (`chị N`).
    if (run.length === 1 && run[0].text.length === 1) continue;
    // `Thúc Sinh - Lê Anh Huy`, `Thúy Kiều - Trình Mỹ Duyên`: a role and the actor who plays it, a person each.
    if (!cue && !weakPlace && vietnamese && run.length >= 2 && run.length <= 3 && actorAfter(c, a, runEnd)) {
      c.out.push({ article: c.article, ...s, type: 'PER', strength: STRONG, voteKey, words: run, cued: true });
      continue;
    }
    // A name with no evidence of its own: a foreign multi-word name is likely a person; anything else
    // is typed by the corpus (`tại Bạch Mai`) or, for a lone word, joins a person of the article.
    c.out.push({
      article: c.article,
      ...s,
      type: weakPlace ? 'LOC' : 'PER',
      strength: weakPlace ? NONE : !vietnamese && run.length >= 2 ? WEAK : NONE,
      voteKey,
      key: weakPlace ? placeKey(nameText, fold) : undefined,
      words: run,
    });
  }
}

/**
 * Whether a Vietnamese full name led by a surname (two to four syllables, then no capital, no place) follows
 * words[from..at) after a spaced dash: the actor after a character's name. Not in a chain of dashes, which
 * names a route (`Nội Bài - Nam Thăng Long - Hoàng Hoa Thám`, `Cửa Đại - Cù Lao Chàm`).
 */
function actorAfter(c: ArticleContext, from: number, at: number): boolean {
  const { words } = c;
  const first = words[at];
  if (!first || c.text.slice(words[at - 1].end, first.start) !== ' - ') return false;
  let start = from;
  while (start > 0 && words[start - 1].capital && joined(c.text, words, start, true)) start--;
  if (/ - $/.test(c.text.slice(words[start].start - 3, words[start].start))) return false;
  if (lexiconAt(c, at)) return false;
  if (!SURNAMES.has(first.lower) || WEAK_SURNAMES.has(first.lower)) return false;
  let k = at + 1;
  while (k < words.length && k < at + 4 && words[k].capital && !words[k].allCaps && joined(c.text, words, k, true)) k++;
  if (k - at < 2 || (k < words.length && words[k].capital && joined(c.text, words, k, true))) return false;
  return words.slice(at, k).every(isVietnameseSyllable);
}

/**
 * How many lower-case particles (one or two) stand at words[j..] before a foreign capitalised word that goes on
 * the name (`Van de Beek`, `Edwin van der Sar`), or 0.
 */
function particlesBefore(c: ArticleContext, j: number): number {
  const { words } = c;
  for (let n = 1; n <= 2; n++) {
    const p = words[j + n - 1];
    if (!p || p.capital || !NAME_PARTICLES.has(p.text) || c.taken[j + n - 1] || !joined(c.text, words, j + n - 1, true))
      return 0;
    const next = words[j + n];
    if (
      next?.capital &&
      !next.allCaps &&
      !c.taken[j + n] &&
      joined(c.text, words, j + n, true) &&
      !isVietnameseSyllable(next)
    )
      return n;
  }
  return 0;
}

/**
 * `Mẹ Việt Nam Anh Hùng`, `Anh Hùng Lao động`: `Anh hùng` (a hero) capitalised inside a title, no brother
 * Hùng; a capitalised word before it or after it says it is a title (`Anh Hùng, một phụ huynh` stays a name).
 */
function heroTitle(c: ArticleContext, a: number, runEnd: number): boolean {
  const { words } = c;
  if (runEnd !== a + 1 || words[a].lower !== 'hùng' || a < 1 || words[a - 1].text !== 'Anh') return false;
  const before = a > 1 && joined(c.text, words, a - 1, true) && words[a - 2].capital;
  const after = runEnd < words.length && joined(c.text, words, runEnd, true) && words[runEnd].capital;
  return before || after;
}

/** Whether a run ends in a place of two to four words after at least one foreign word (`Blue Nam Hội An`). */
function branchOfPlace(c: ArticleContext, run: readonly Word[], runEnd: number): boolean {
  for (let n = Math.min(4, run.length - 1); n >= 2; n--) {
    const key = phrase(c, runEnd - n, runEnd);
    if (key && isPlace(key)) return run.slice(0, -n).some((w) => !isVietnameseSyllable(w));
  }
  return false;
}

/**
 * Whether words[from..to) is a photo credit, `(Ảnh: Thành Trung)`: two to four Vietnamese syllables after
 * `Ảnh:`, no organisation's head or known name among them (`Ảnh: Bộ Y tế`, `Ảnh: Reuters` are sources).
 */
function photoCredit(c: ArticleContext, from: number, to: number): boolean {
  const start = c.words[from].start;
  // The colon first: the text before most runs is no credit's.
  const colon =
    c.text.charCodeAt(start - 1) === 58 || (c.text.charCodeAt(start - 1) === 32 && c.text.charCodeAt(start - 2) === 58);
  if (to - from < 2 || to - from > 4 || !colon || !/Ảnh: ?$/u.test(c.text.slice(start - 6, start).normalize('NFC')))
    return false;
  const run = c.words.slice(from, to);
  const head = ORG_HEAD_KEYS.has(run[0].lower) || ORG_HEAD_KEYS.has(phrase(c, from, from + 2));
  return run.every(isVietnameseSyllable) && !head && !lexiconAt(c, from);
}

/**
 * `Taiwan News`, `BBC News`, `Vietnam Airlines`: a place or an acronym before an organisation's own word
 * (not `City`: `Mexico City`) is that organisation; whether words[from..to) and that word were taken so.
 */
function orgWordAfter(c: ArticleContext, from: number, to: number): boolean {
  const next = c.words[to];
  if (!next?.capital || next.lower === 'city' || !FOREIGN_ORG_WORDS.has(next.lower)) return false;
  if (!joined(c.text, c.words, to, true) || c.taken[to] || modelAfter(c, to + 1)) return false;
  const name = surface(c, from, to + 1);
  c.out.push({
    article: c.article,
    ...span(c, from, to + 1),
    type: 'ORG',
    strength: STRONG,
    voteKey: lowerKey(name),
    key: nameKey(name),
  });
  take(c, from, to + 1);
  return true;
}

const PLURAL_WORDS = lowerSet([
  'các',
  'những',
  'nhiều',
  'hai',
  'ba',
  'bốn',
  'năm',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
]);
const PLACE_PREPOSITIONS = lowerSet(['ở', 'tại', 'đến', 'tới', 'từ']);
/** Whether a known place opens the parentheses right after words[at - 1]: `Trịnh Châu (Hà Nam, Trung Quốc)`. */
function placeInParentheses(c: ArticleContext, at: number): boolean {
  if (at >= c.words.length || !/^ ?\($/.test(c.text.slice(c.words[at - 1].end, c.words[at].start))) return false;
  return lexiconAt(c, at)?.[1] === 'LOC';
}

/** Words before a brand that make it a platform or a product: `trên Facebook`, `laptop HP`, `mẫu Honda City`. */
const PRODUCT_CUE = /^(trang|trên|qua|mạng|kênh|ứng|app|laptop|chiếc|dòng|cpu|máy|điện thoại|mẫu)$/;
const isModel = (w: Word) => /\d/.test(w.text) && /\p{L}/u.test(w.text);
/** Whether a model follows at words[at]: `HP 15s-fq1107TU`, `Apple TV 4K`, `Samsung Galaxy S21`. */
function modelAfter(c: ArticleContext, at: number): boolean {
  const { words, text } = c;
  if (at >= words.length || !joined(text, words, at, true)) return false;
  if (isModel(words[at])) return true;
  return words[at].capital && at + 1 < words.length && joined(text, words, at + 1, true) && isModel(words[at + 1]);
}

/**
 * Whether one foreign capitalised word, the model's name, follows a brand at words[at]: `Honda City`,
 * `Toyota Vios`, `Ford EcoSport`, `Apple Watch`. Not a company's own word (`Samsung Electronics`), a place
 * (`Honda Việt Nam`), a Vietnamese syllable, an event (`Tiền Phong Marathon`), nor the first of a run of names.
 */
function modelNameAfter(c: ArticleContext, at: number): boolean {
  const { words, text } = c;
  const w = words[at];
  if (!w?.capital || c.taken[at] || w.allCaps || !joined(text, words, at, true)) return false;
  if ((w.lower !== 'city' && FOREIGN_ORG_WORDS.has(w.lower)) || ORG_SUFFIXES.has(w.lower)) return false;
  if (/[\u00c0-\u1ef9]/.test(w.text) || EVENT_WORDS.has(w.lower) || lexiconAt(c, at)) return false;
  // A run of names (`Chelsea Pitch Owners`) or a numbered line (`Xiaomi Mi 11`, where the press means the maker).
  const after = words[at + 1];
  return !((after?.capital || /^\d/.test(after?.text ?? '')) && joined(text, words, at + 1, true));
}

/**
 * Whether run[k] is a capitalised part of one or two letters after a hyphen (`Wi-Fi`, `Type-A`): a code,
 * no name (`Jong-un`, `Kun-hee` go on in lower case).
 */
function shortHyphenPart(c: ArticleContext, run: readonly Word[], k: number): boolean {
  return k > 0 && run[k].text.length <= 2 && run[k].capital && c.text.charCodeAt(run[k].start - 1) === 45;
}

// Every known acronym opens with a capital: a word that does not is neither all caps nor one of them.
const ACRONYMS_CAPITALISED = [...KNOWN_ORG_ACRONYMS].every(isCapital);

/** All-caps tokens (`WHO`, `BIDV`, `BN521`, `F1`): candidates kept only with evidence, decided corpus-wide. */
export function acronymPass(c: ArticleContext): void {
  const { words } = c;
  for (let i = 0; i < words.length; i++) {
    if (c.taken[i] || (ACRONYMS_CAPITALISED && !words[i].capital)) continue;
    const w = words[i].text;
    if (!isAllCaps(w) && !KNOWN_ORG_ACRONYMS.has(w)) continue;
    if (NOT_ORG_ACRONYMS.has(w) || orgWordAfter(c, i, i + 1)) continue;
    // `64 GB`, `sạc nhanh 65 W`, `20 MB`: capitals after a number are its unit.
    if (i > 0 && joined(c.text, words, i) && /^\d[\d.,]*$/.test(words[i - 1].text)) continue;
    // `laptop HP`, `HP 15s-fq1107TU`: a brand naming its product.
    const prev = i > 0 && joined(c.text, words, i) ? words[i - 1] : undefined;
    if ((prev && PRODUCT_CUE.test(prev.lower)) || modelAfter(c, i + 1)) continue;
    c.out.push({
      article: c.article,
      start: words[i].start,
      end: words[i].end,
      type: 'ORG',
      strength: KNOWN_ORG_ACRONYMS.has(w) ? STRONG : NONE,
      voteKey: words[i].lower,
      key: fold(w),
      acronym: true,
    });
    take(c, i, i + 1);
  }
}

/**
 * The last lines of an article: a byline (`Hải Vân`, `Trang Phạm`) is a person, and the source after
 * `Theo` (`Theo IFL Science`, `Theo Bloomberg`) an organisation.
 */
export function bylinePass(c: ArticleContext): void {
  const { words, text } = c;
  const first = Math.max(0, words.length - 10);
  for (let i = first; i < words.length; i++) {
    if (c.taken[i] || !words[i].capital) continue;
    const atLineStart =
      /^[ \t]*Theo\b/.test(
        text.slice(words[Math.min(words.length - 1, i + 1)].end, words[Math.min(words.length - 1, i + 1)].end + 6),
      ) ||
      /^[ \t]*Theo\b/.test(
        text.slice(words[Math.min(words.length - 1, i + 2)].end, words[Math.min(words.length - 1, i + 2)].end + 6),
      ) ||
      /(^|\n)[ \t]*$/.test(text.slice(Math.max(c.base, words[i].start - 4), words[i].start)) ||
      words[i].start === c.base;
    if (!atLineStart) continue;
    if (words[i].lower === 'theo' && writerThenSource(c, i)) break;
    let j = i + 1;
    while (
      j < words.length &&
      words[j].capital &&
      !c.taken[j] &&
      joined(text, words, j, true) &&
      words[j].lower !== 'theo'
    )
      j++;
    const tail = text.slice(words[j - 1].end, words[j - 1].end + 6);
    // `Theo Hot`: `Theo` opens a source line, never a writer's name.
    const isByline =
      words[i].lower !== 'theo' &&
      j - i >= 2 &&
      j - i <= 4 &&
      /^[ \t]*(\n|$|Theo\b)/.test(tail) &&
      words.slice(i, j).every((w) => isVietnameseSyllable(w));
    if (isByline) pushByline(c, i, j, 'PER');
    const theo = isByline || words[j]?.lower === 'theo' ? j : i;
    if (words[theo]?.lower === 'theo' && theo + 1 < words.length && words[theo + 1].capital) {
      const k = sourceEnd(c, theo + 1);
      if (/^[ \t]*(\n|$)/.test(text.slice(words[k - 1].end, words[k - 1].end + 2)) && free(c, theo + 1, k)) {
        // `Theo Thùy Phương Dân Việt`, `Theo Thiện Lương VietnamNet`: the writer, then the source.
        const author = authorBeforeSource(c, theo + 1, k);
        if (author > theo + 1) pushByline(c, theo + 1, author, 'PER');
        // `Theo TS`, `Theo GB`: a title or a unit is no source, even where a credit stands.
        const from = Math.max(author, theo + 1);
        if (k - from > 1 || !NOT_ORG_ACRONYMS.has(words[from].text)) pushByline(c, from, k, 'ORG');
      }
    }
    i = j - 1;
  }
}

/** A byline's writer (a person) or source (an organisation), words[from..to). */
function pushByline(c: ArticleContext, from: number, to: number, type: 'PER' | 'ORG'): void {
  const own = type === 'PER' ? { words: c.words.slice(from, to), cued: true } : { key: nameKey(surface(c, from, to)) };
  c.out.push({
    article: c.article,
    ...span(c, from, to),
    type,
    strength: STRONG,
    voteKey: phrase(c, from, to),
    ...own,
  });
  take(c, from, to);
}

/** The end of the run of capitalised words and acronyms from words[from] on one line. */
function sourceEnd(c: ArticleContext, from: number): number {
  let k = from + 1;
  while (k < c.words.length && (c.words[k].capital || c.words[k].allCaps) && joined(c.text, c.words, k, true)) k++;
  return k;
}

/**
 * `Theo Thùy Phương` and `Dân Việt` on the article's last two lines: the writer after `Theo`, the source
 * alone on the line after; whether those were taken.
 */
function writerThenSource(c: ArticleContext, theo: number): boolean {
  const { words, text } = c;
  const j = sourceEnd(c, theo + 1);
  if (j - theo - 1 < 2 || j - theo - 1 > 4 || j >= words.length || !words[j].capital) return false;
  if (!/^[ \t]*\r?\n[ \t]*$/.test(text.slice(words[j - 1].end, words[j].start))) return false;
  if (!words.slice(theo + 1, j).every(isVietnameseSyllable) || !free(c, theo + 1, j)) return false;
  const k = sourceEnd(c, j);
  if (k !== words.length || k - j > 4 || !free(c, j, k)) return false;
  pushByline(c, theo + 1, j, 'PER');
  pushByline(c, j, k, 'ORG');
  return true;
}

/**
 * Where the source starts in a `Theo …` line that names its writer first, or `from` if it does not:
 * before a known organisation that ends the line, or after a two-syllable Vietnamese name when two
 * more words (or one foreign word, `VietnamNet`) follow.
 */
function authorBeforeSource(c: ArticleContext, from: number, to: number): number {
  const { words } = c;
  if (to - from < 3 || to - from > 5) return from;
  for (let p = from + 2; p < to; p++) if (lexiconAt(c, p)?.[0] === to) return p;
  const name = words.slice(from, from + 2);
  if (!name.every(isVietnameseSyllable) || NOT_NAMES.has(name[0].lower)) return from;
  const rest = words.slice(from + 2, to);
  if (rest.length === 2 && rest.every(isVietnameseSyllable)) return from + 2;
  if (rest.length === 1 && !isVietnameseSyllable(rest[0])) return from + 2;
  return from;
}

/** `Chelsea Pitch Owners (CPO)`, `Ban chỉ đạo (BCĐ)`: a name right before its acronym in parentheses is an organisation. */
export function pairedAcronymPass(c: ArticleContext, firstCandidate: number): void {
  const { words, text } = c;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (!w.allCaps || text[w.start - 1] !== '(' || text[w.end] !== ')') continue;
    const letters = fold(w.text).replace(/[^a-z]/g, '');
    for (let k = c.out.length - 1; k >= firstCandidate && k >= c.out.length - 40; k--) {
      const cand = c.out[k];
      if (cand.end > w.start || cand.acronym) continue;
      if (!/^ ?\($/.test(text.slice(cand.end, w.start))) break;
      // `Đông Nam Á (ĐNA)`: a known place's abbreviation is no organisation (nor `DNA` elsewhere).
      if (cand.type === 'LOC' && cand.strength >= STRONG) break;
      const initials = fold(text.slice(cand.start, cand.end))
        .split(/[\s-]+/)
        .map((x) => x[0])
        .join('');
      if (initials.startsWith(letters.slice(0, 2)) || initials.endsWith(letters.slice(-2))) {
        cand.type = 'ORG';
        cand.key = letters;
        c.pairs.add(letters);
      }
      break;
    }
  }
}
