import { foldDiacritics } from '../text/fold';
import type { EntityIndex } from './extract';
import type { EntityType } from './gazetteer';

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
export function summarizeEntities(dumps: readonly { key: string; index: EntityIndex }[]): EntitySummary[] {
  const byId = new Map<
    string,
    {
      summary: Omit<EntitySummary, 'aliases' | 'articles' | 'mentions'>;
      aliases: Set<string>;
      mentions: number;
      refs: Map<
        string,
        { dumpKey: string; articleIndex: number; mentions: number; firstStart: number; firstEnd: number }
      >;
    }
  >();
  for (const { key, index } of dumps) {
    for (const e of index.entities.values()) {
      let acc = byId.get(e.id);
      if (!acc) {
        acc = {
          summary: { id: e.id, type: e.type, name: e.name, role: e.role, description: e.description, link: e.link },
          aliases: new Set(),
          mentions: 0,
          refs: new Map(),
        };
        byId.set(e.id, acc);
      }
      for (const a of e.aliases) acc.aliases.add(a);
      acc.mentions += e.mentions;
    }
    for (const m of index.mentions) {
      const refs = byId.get(m.entity)!.refs;
      const refKey = `${key}#${m.articleIndex}`;
      const ref = refs.get(refKey);
      if (ref) ref.mentions++;
      else
        refs.set(refKey, {
          dumpKey: key,
          articleIndex: m.articleIndex,
          mentions: 1,
          firstStart: m.start,
          firstEnd: m.end,
        });
    }
  }
  return [...byId.values()]
    .map(({ summary, aliases, mentions, refs }) => ({
      ...summary,
      mentions,
      aliases: [...aliases].filter((a) => a !== summary.name).sort(),
      articles: [...refs.values()].sort(
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
