import { foldDiacritics } from '../text/fold';
import type { EntityIndex } from './extract';
import type { EntityType } from './gazetteer';
import { type ListedEntity, listEntities, REF_FIELDS } from './listing';

/** Where an entity is mentioned: one article of one dump, with its first mention there. */
export interface EntityArticleRef {
  readonly dumpKey: string;
  readonly articleIndex: number;
  readonly mentions: number;
  readonly firstStart: number;
  readonly firstEnd: number;
}

/** One entity across every dump in view, as the entities view lists it. */
export interface EntitySummary {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly role?: string;
  readonly description?: string;
  readonly link?: string;
  readonly aliases: readonly string[];
  readonly mentions: number;
  readonly articles: readonly EntityArticleRef[];
}

/** Entities of several dumps merged by id (the same folded key means the same entity), most mentioned first. */
export function summarizeEntities(
  dumps: readonly ({ key: string; index: EntityIndex } | { key: string; listing: readonly ListedEntity[] })[],
): EntitySummary[] {
  const byId = new Map<
    string,
    {
      summary: Omit<EntitySummary, 'aliases' | 'articles' | 'mentions'>;
      aliases: Set<string>;
      mentions: number;
      refs: EntityArticleRef[];
    }
  >();
  for (const dump of dumps) {
    const listing = 'listing' in dump ? dump.listing : listEntities(dump.index);
    for (const e of listing) {
      let acc = byId.get(e.id);
      if (!acc) {
        acc = {
          summary: { id: e.id, type: e.type, name: e.name, role: e.role, description: e.description, link: e.link },
          aliases: new Set(),
          mentions: 0,
          refs: [],
        };
        byId.set(e.id, acc);
      }
      for (const a of e.aliases) acc.aliases.add(a);
      acc.mentions += e.mentions;
      for (let i = 0; i < e.refs.length; i += REF_FIELDS)
        acc.refs.push({
          dumpKey: dump.key,
          articleIndex: e.refs[i],
          mentions: e.refs[i + 1],
          firstStart: e.refs[i + 2],
          firstEnd: e.refs[i + 3],
        });
    }
  }
  return [...byId.values()]
    .map(({ summary, aliases, mentions, refs }) => ({
      ...summary,
      mentions,
      aliases: [...aliases].filter((a) => a !== summary.name).sort(),
      articles: refs.sort(
        (a, b) => b.mentions - a.mentions || a.dumpKey.localeCompare(b.dumpKey) || a.articleIndex - b.articleIndex,
      ),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** Entities whose name or an alias contains every word of `text`, tone marks optional. */
export function filterEntities(entities: readonly EntitySummary[], text: string): EntitySummary[] {
  // Each typed word matches the start of a word of a name or alias: `an do` finds Ấn Độ, not ASEAN or Báo Doanh Nhân.
  const split = (t: string) =>
    foldDiacritics(t)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const words = split(text);
  if (!words.length) return [...entities];
  return entities.filter((e) => {
    const names = split([e.name, ...e.aliases].join(' '));
    return words.every((w) => names.some((n) => n.startsWith(w)));
  });
}
