import type { ArticleTable } from '../core/dump/articleTable';
import type { ArticleDate, Dump } from '../core/dump/types';
import type { EntityCard } from '../core/entities/card';
import type { FirstNames, PersonTails } from '../core/entities/corpusPasses';
import type { PackedListing } from '../core/entities/packedListing';
import type { PartVotes } from '../core/entities/partExtraction';
import type { MentionSpans } from '../core/entities/spans';
import type { Gazetteer } from '../core/entities/gazetteer';
import type { ConcordanceLine, PrefixCap, SearchHit } from '../core/search/engine';
import type { SearchQuery } from '../core/search/query';
import type { ArticleSplitRequest, StatsPartial } from '../core/stats/articleShares';
import type { Share } from '../core/stats/frequency';
import type { StatsReply, StatsRequest } from '../core/stats/request';
import type { CorpusPart } from '../core/stats/streamParts';

/**
 * Messages between the extension host and the corpus worker. A `key` names a dump (its URI) and a
 * `version` the text the worker holds for it, so a dump is read, parsed and indexed once per version.
 */
export type WorkerRequest =
  | { id: number; kind: 'parseText'; text: string; key?: string; version?: string }
  /** A file read from its bytes; with `cacheDir`, its reading is kept there, and taken from there when unchanged. */
  | { id: number; kind: 'parseFile'; path: string; key?: string; version?: string; cacheDir?: string }
  /** Bytes [start, end) of a large file: one part, read and held; its reading comes back local to the part. */
  | {
      id: number;
      kind: 'loadPart';
      path: string;
      start: number;
      end: number;
      last: boolean;
      key: string;
      version: string;
      cacheDir?: string;
      /** The host has this part's reading already (from the cache): the reply leaves out its table. */
      tableless?: boolean;
    }
  /** Keep exactly these dumps (texts the worker lacks come with the request) and index them. */
  | { id: number; kind: 'index'; dumps: IndexSource[]; cacheDir?: string }
  /** The dates inferred from the text for the articles a byte reading left pending (`pending` in its reply). */
  | { id: number; kind: 'dates'; key: string }
  | { id: number; kind: 'query'; query: SearchQuery; limit: number }
  | { id: number; kind: 'concordance'; query: SearchQuery; max: number }
  /**
   * People, places and organisations of a dump the worker holds (or of the text or file given), found and
   * kept here; the reply lists them without their mentions.
   */
  | { id: number; kind: 'entities'; key: string; version: string; text?: string; path?: string; gazetteer: Gazetteer }
  /** One step of the entities of one part of a split dump (see PartExtraction); the pool merges each step's answers. */
  | { id: number; kind: 'entityStep'; key: string; step: EntityStep }
  /** Every mention's span and type in a dump whose entities the worker holds (for highlighting). */
  | { id: number; kind: 'entitySpans'; key: string }
  /** The spans of every mention of the entity mentioned at `offset`. */
  | { id: number; kind: 'entityRefs'; key: string; offset: number }
  /** The hover card of the mention at `offset`, if there is one. */
  | { id: number; kind: 'entityCard'; key: string; offset: number }
  /** Characters [start, end) of a held text (offsets within that text, or that part). */
  | { id: number; kind: 'slice'; key: string; start: number; end: number }
  /** A statistic (src/core/stats) of a dump the worker holds, or of a split dump it has joined. */
  /** With a `share`, a word or n-gram list has only the share's rows (src/core/stats/shares.ts). */
  | { id: number; kind: 'stats'; key: string; request: StatsRequest; share?: Share }
  /**
   * The counts of collocates, keywords, a trend or a dispersion over this worker's share of a
   * joined dump's articles, and the statistic from every share's counts (src/core/stats/articleShares.ts).
   */
  | { id: number; kind: 'statsPartial'; key: string; request: ArticleSplitRequest; share: Share }
  | { id: number; kind: 'statsFinish'; key: string; request: ArticleSplitRequest; partials: StatsPartial[] }
  /**
   * Reads the words of a held part for the statistics; with `send`, hands them over (transferred)
   * and keeps none, or with `keep` too, hands over a copy and keeps its own for a join here.
   */
  | { id: number; kind: 'statsPart'; key: string; send: boolean; keep?: boolean }
  /** Joins a split dump's parts, in order (held here by key, or sent), into one corpus kept under `key`. */
  | { id: number; kind: 'statsJoin'; key: string; parts: ({ key: string } | { part: CorpusPart })[] }
  /** What the worker holds in memory (for the benchmarks): its heap and typed arrays, after a full collection. */
  | { id: number; kind: 'memory' }
  | { id: number; kind: 'cancel'; target: number };

export type EntityStep =
  /** `firstArticle`: the index in the whole dump of the part's first article (withheld names are keyed by article). */
  | { step: 'votes'; gazetteer: Gazetteer; firstArticle: number }
  | { step: 'applyVotes'; corpus: PartVotes }
  | { step: 'keyPeople'; firstNames: FirstNames }
  /** `base`: where the part starts in the whole dump; the listing comes placed in it. */
  | { step: 'finish'; tails: PersonTails; base: { article: number; offset: number } };

export interface IndexSource {
  readonly key: string;
  readonly version: string;
  readonly text?: string;
  readonly path?: string;
}

export interface IndexSummary {
  readonly dumps: number;
  readonly articles: number;
  /** Dumps whose index came from the cache rather than being built. */
  readonly fromCache: number;
  /** Dumps re-indexed from their previous version's index: only the articles an edit touched. */
  readonly updated: number;
  readonly built: number;
}

export type WorkerResult =
  /**
   * A reading whose articles come packed in `table` (`dump.articles` is empty): one transferred
   * buffer, not a structured clone of every article. `pending`: how many articles may still get
   * a date inferred from their text (ask with `dates`).
   */
  | { kind: 'dump'; dump: Dump; table: ArticleTable; pending?: number }
  /**
   * A part's reading, local to the part, with the length of its text: the pool places it in the
   * whole. No table when the request was `tableless`.
   */
  | { kind: 'part'; dump: Dump; table?: ArticleTable; pending?: number; textLength: number }
  /** `stale`: the reading came from the cache, and the file has changed since; read it again. */
  | { kind: 'dates'; dates: [number, ArticleDate][]; stale?: boolean }
  | { kind: 'index'; summary: IndexSummary }
  | { kind: 'hits'; hits: SearchHit[]; capped: PrefixCap[] }
  | { kind: 'concordance'; lines: ConcordanceLine[]; truncated: boolean }
  /** Listings come packed, their refs' buffer transferred (packedListing.ts). */
  | { kind: 'entities'; listing: PackedListing }
  | { kind: 'entityStep'; votes?: PartVotes; firstNames?: FirstNames; tails?: PersonTails; listing?: PackedListing }
  | { kind: 'spans'; spans: MentionSpans }
  | { kind: 'card'; card?: EntityCard; start?: number; end?: number }
  | { kind: 'slice'; text: string }
  | { kind: 'stats'; reply: StatsReply }
  | { kind: 'statsPart'; part?: CorpusPart }
  | { kind: 'statsPartial'; partial: StatsPartial }
  | { kind: 'statsJoined'; articles: number; tokens: number }
  | { kind: 'memory'; heapUsed: number; arrayBuffers: number };

type ReplyOfKind<K extends WorkerResult['kind']> = Extract<WorkerResult, { kind: K }>;

/** The reply each request kind gets; the worker's handler and the client are typed by it. */
export interface Replies {
  parseText: ReplyOfKind<'dump'>;
  parseFile: ReplyOfKind<'dump'>;
  loadPart: ReplyOfKind<'part'>;
  dates: ReplyOfKind<'dates'>;
  index: ReplyOfKind<'index'>;
  query: ReplyOfKind<'hits'>;
  concordance: ReplyOfKind<'concordance'>;
  entities: ReplyOfKind<'entities'>;
  entityStep: ReplyOfKind<'entityStep'>;
  entitySpans: ReplyOfKind<'spans'>;
  entityRefs: ReplyOfKind<'spans'>;
  entityCard: ReplyOfKind<'card'>;
  slice: ReplyOfKind<'slice'>;
  stats: ReplyOfKind<'stats'>;
  statsPartial: ReplyOfKind<'statsPartial'>;
  statsFinish: ReplyOfKind<'stats'>;
  statsPart: ReplyOfKind<'statsPart'>;
  statsJoin: ReplyOfKind<'statsJoined'>;
  memory: ReplyOfKind<'memory'>;
}

/** The requests that get a reply (all but `cancel`). */
export type RequestKind = keyof Replies;
export type RequestOf<K extends RequestKind> = Extract<WorkerRequest, { kind: K }>;

/** At run time, the `kind` of each request's reply (checked once, in the client). */
export const REPLY_KINDS: { readonly [K in RequestKind]: Replies[K]['kind'] } = {
  parseText: 'dump',
  parseFile: 'dump',
  loadPart: 'part',
  dates: 'dates',
  index: 'index',
  query: 'hits',
  concordance: 'concordance',
  entities: 'entities',
  entityStep: 'entityStep',
  entitySpans: 'spans',
  entityRefs: 'spans',
  entityCard: 'card',
  slice: 'slice',
  stats: 'stats',
  statsPartial: 'statsPartial',
  statsFinish: 'stats',
  statsPart: 'statsPart',
  statsJoin: 'statsJoined',
  memory: 'memory',
};

export type WorkerResponse =
  | { id: number; ok: true; result: WorkerResult; progress?: undefined }
  | { id: number; ok: false; error: string; cancelled?: boolean; progress?: undefined }
  | { id: number; progress: number; message?: string };
