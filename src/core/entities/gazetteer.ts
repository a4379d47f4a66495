import { safeWebLink } from '../security/links';
import { foldDiacritics } from '../text/fold';

export type EntityType = 'PER' | 'LOC' | 'ORG';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

/** One known entity: what a person curating the corpus says about a name. */
export interface GazetteerEntry {
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly description?: string;
  /** Only http(s) links are kept, parsed and re-serialised (safeWebLink): the hover renders them. */
  readonly link?: string;
}

export interface Gazetteer {
  readonly entries: readonly GazetteerEntry[];
}

export interface GazetteerReading {
  readonly gazetteer: Gazetteer;
  /** One line per entry or field that was skipped; the other entries still count. */
  readonly problems: readonly string[];
}

export const EMPTY_GAZETTEER: Gazetteer = { entries: [] };

/** The fold used to compare names: tone marks, case, NFC/NFD and hyphen spacing do not matter. */
export const nameKey = (name: string): string =>
  foldDiacritics(name)
    .replace(/\s*-\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a gazetteer file: `{ "entities": [ { "name", "type", "aliases"?, "description"?, "link"? } ] }`
 * (a bare array of entries is accepted too). Never throws; bad entries are reported and skipped.
 */
export function parseGazetteer(json: string): GazetteerReading {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      gazetteer: EMPTY_GAZETTEER,
      problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const list = Array.isArray(data) ? data : isObject(data) ? data.entities : undefined;
  if (!Array.isArray(list))
    return { gazetteer: EMPTY_GAZETTEER, problems: ['expected an object with an "entities" array'] };
  const entries: GazetteerEntry[] = [];
  const problems: string[] = [];
  list.forEach((raw, i) => {
    const where = `entities[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${where}: not an object`);
      return;
    }
    const name = typeof raw.name === 'string' ? raw.name.normalize('NFC').trim() : '';
    if (!name) {
      problems.push(`${where}: "name" must be a non-empty string`);
      return;
    }
    const type = typeof raw.type === 'string' ? raw.type.toUpperCase() : '';
    if (!ENTITY_TYPES.includes(type as EntityType)) {
      problems.push(`${where} (${name}): "type" must be PER, LOC or ORG`);
      return;
    }
    const aliases = Array.isArray(raw.aliases)
      ? raw.aliases
          .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
          .map((a) => a.normalize('NFC').trim())
      : [];
    if (raw.aliases !== undefined && (!Array.isArray(raw.aliases) || aliases.length !== raw.aliases.length))
      problems.push(`${where} (${name}): "aliases" must be an array of non-empty strings; kept the valid ones`);
    const description =
      typeof raw.description === 'string' && raw.description.trim() ? raw.description.trim() : undefined;
    let link: string | undefined;
    if (typeof raw.link === 'string') link = safeWebLink(raw.link);
    if (link === undefined && raw.link !== undefined)
      problems.push(`${where} (${name}): "link" must be an http(s) URL; ignored`);
    entries.push({ name, type: type as EntityType, aliases, description, link });
  });
  return { gazetteer: { entries }, problems };
}

/** Every spelling a gazetteer knows, folded, with the entry it names; the first entry to claim a spelling keeps it. */
export function gazetteerSpellings(gazetteer: Gazetteer): Map<string, GazetteerEntry> {
  const byKey = new Map<string, GazetteerEntry>();
  for (const entry of gazetteer.entries) {
    for (const spelling of [entry.name, ...entry.aliases]) {
      const key = nameKey(spelling);
      if (key && !byKey.has(key)) byKey.set(key, entry);
    }
  }
  return byKey;
}

/** Where a dump's own gazetteer sits: `news.dump` → `news.entities.json`, beside it. */
export function gazetteerPathFor(dumpPath: string): string {
  return dumpPath.replace(/(\.dump)?$/i, '.entities.json');
}
