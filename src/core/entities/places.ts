import { CLUB_CITIES, ORG_ACRONYMS, ORG_NAMES } from './data/organisations';
import { CITY_ABBREVIATIONS, LOCAL_PLACES, PROVINCES_2020, PROVINCES_2025, VIETNAM_REGIONS } from './data/vietnam';
import { COUNTRIES_VI, WORLD_CITIES, WORLD_REGIONS } from './data/world';
import { CAPITAL_NAMES, COUNTRY_NAMES } from './data/world.generated';
import { lowerKey, lowerSet } from './lexicon';

/** Every place spelling the rules know, in lower case with tone marks. */
export const PLACES = lowerSet([
  ...PROVINCES_2020,
  ...PROVINCES_2025,
  ...CITY_ABBREVIATIONS.filter((x) => !x.includes('.')),
  ...LOCAL_PLACES,
  ...VIETNAM_REGIONS,
  ...COUNTRIES_VI,
  ...COUNTRY_NAMES,
  ...CAPITAL_NAMES,
  ...WORLD_CITIES,
  ...WORLD_REGIONS,
]);
/** Organisations known by name alone, and acronyms that are organisations wherever they stand. */
export const KNOWN_ORGS = lowerSet(ORG_NAMES);
export const KNOWN_ORG_ACRONYMS = new Set(ORG_ACRONYMS);
export const CLUB_CITY_KEYS = lowerSet(CLUB_CITIES);

/**
 * One-word places that are as often a given name, a pronoun or part of a name (`Anh`, `Đức`, `Mỹ`):
 * a place only standing alone, outside a name, and `Anh` not at a sentence start.
 */
export const AMBIGUOUS_PLACES = lowerSet([
  'Anh',
  'Đức',
  'Mỹ',
  'Nga',
  'Nhật',
  'Ý',
  'Úc',
  'Áo',
  'Bỉ',
  'Séc',
  'Huế',
  'Vinh',
  'Viên',
  'Síp',
  'Pháp',
  'Lào',
  'Georgia',
  'Jordan',
  'Chad',
  'Israel',
  'Cuba',
  'Hà Lan',
  'Thái Bình',
  'Long An',
  'Bình Định',
  'Quảng Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Vĩnh Long',
  'Gia Lai',
  'Hà Nam',
  'An Giang',
  'Kiên Giang',
  'Hòa Bình',
  'Hoà Bình',
  'Tây Ninh',
  'Thái Nguyên',
  'Phú Thọ',
  'Phú Yên',
  'Sơn La',
  'Hải Dương',
  'Bình Dương',
  'Quang Trung',
  'Việt Yên',
  'Sông Công',
  'Tiên Du',
  'Mai Châu',
  'Yên Bái',
  'Hà Giang',
  'Lâm Đồng',
]);

/** A place's key for merging its mentions: tone-insensitive, without `Liên bang`, with the HCMC variants as one. */
export function placeKey(name: string, fold: (s: string) => string): string {
  const k = fold(name).replace(/^lien bang /, '');
  if (/^(tp\.? ?hcm|tphcm|tp\.? ?ho chi minh|thanh pho ho chi minh|sai gon|ho chi minh)$/.test(k)) return 'ho chi minh';
  if (k === 'hoa ky' || k === 'my') return 'my';
  return k;
}

export const MAX_LEXICON_WORDS = 6;
/** First words of known places and organisations, to skip lookups that cannot match. */
export const LEXICON_FIRST_WORDS = new Set([...PLACES, ...KNOWN_ORGS].map((p) => p.split(' ')[0]));
export const isPlace = (key: string): boolean => PLACES.has(key);
export { lowerKey };
