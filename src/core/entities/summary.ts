import { foldDiacritics } from '../text/fold';
import type { EntityIndex } from './extract';
import type { EntityType } from './gazetteer';
import { type ListedEntity, listEntities, REF_FIELDS, refCount } from './listing';

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
  /** How many articles mention it: `articles.length`, known without making them. */
  readonly articleCount: number;
  /** Its articles, most mentions first (then by dump and article). */
  readonly articles: readonly EntityArticleRef[];
}

/** An entity's refs in one dump: chunks of REF_FIELDS numbers per article (listing.ts). */
interface DumpRefs {
  readonly dumpKey: string;
  readonly refs: Int32Array;
}

/**
 * A summary whose articles are made when first asked for. At 100,000 articles the entities are mentioned
 * in 2.4 million articles in all; making a record of each and sorting them took ~0.9 s of the extension
 * host's main thread before the view could show anything, though a person opens a few entities at most.
 */
class Summary implements EntitySummary {
  private made: EntityArticleRef[] | undefined;
  constructor(
    readonly id: string,
    readonly type: EntityType,
    readonly name: string,
    readonly role: string | undefined,
    readonly description: string | undefined,
    readonly link: string | undefined,
    readonly aliases: readonly string[],
    readonly mentions: number,
    readonly articleCount: number,
    private readonly chunks: readonly DumpRefs[],
  ) {}

  get articles(): readonly EntityArticleRef[] {
    this.made ??= articleRefs(this.chunks);
    return this.made;
  }
}

function articleRefs(chunks: readonly DumpRefs[]): EntityArticleRef[] {
  const out: EntityArticleRef[] = [];
  for (const { dumpKey, refs } of chunks)
    for (let i = 0; i < refs.length; i += REF_FIELDS)
      out.push({
        dumpKey,
        articleIndex: refs[i],
        mentions: refs[i + 1],
        firstStart: refs[i + 2],
        firstEnd: refs[i + 3],
      });
  return out.sort(
    (a, b) => b.mentions - a.mentions || a.dumpKey.localeCompare(b.dumpKey) || a.articleIndex - b.articleIndex,
  );
}

/** Entities of several dumps merged by id (the same folded key means the same entity), most mentioned first. */
export function summarizeEntities(
  dumps: readonly ({ key: string; index: EntityIndex } | { key: string; listing: readonly ListedEntity[] })[],
): EntitySummary[] {
  const byId = new Map<
    string,
    { first: ListedEntity; aliases: Set<string>; mentions: number; articles: number; chunks: DumpRefs[] }
  >();
  for (const dump of dumps) {
    const listing = 'listing' in dump ? dump.listing : listEntities(dump.index);
    for (const e of listing) {
      let acc = byId.get(e.id);
      if (!acc) byId.set(e.id, (acc = { first: e, aliases: new Set(), mentions: 0, articles: 0, chunks: [] }));
      for (const a of e.aliases) acc.aliases.add(a);
      acc.mentions += e.mentions;
      acc.articles += refCount(e);
      for (const refs of e.refs) acc.chunks.push({ dumpKey: dump.key, refs });
    }
  }
  return [...byId.values()]
    .map(({ first: e, aliases, mentions, articles, chunks }) => {
      const shown = [...aliases].filter((a) => a !== e.name).sort();
      return new Summary(e.id, e.type, e.name, e.role, e.description, e.link, shown, mentions, articles, chunks);
    })
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
