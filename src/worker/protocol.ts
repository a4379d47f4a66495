import type { Article, Dump } from '../core/dump/types';
import type { EntityCard } from '../core/entities/card';
import type { FirstNames, PersonTails } from '../core/entities/corpusPasses';
import type { ListedEntity } from '../core/entities/listing';
import type { PartVotes } from '../core/entities/partExtraction';
import type { MentionSpans } from '../core/entities/spans';
import type { Gazetteer } from '../core/entities/gazetteer';
import type { ConcordanceLine, SearchHit } from '../core/search/engine';
import type { SearchQuery } from '../core/search/query';
import type { StatsReply, StatsRequest } from '../core/stats/request';

/**
 * Messages between the extension host and the corpus worker. A `key` names a dump (its URI) and a
 * `version` the text the worker holds for it, so a dump is read, parsed and indexed once per version.
 */
export type WorkerRequest =
  | { id: number; kind: 'parseText'; text: string; key?: string; version?: string }
  | { id: number; kind: 'parseFile'; path: string; key?: string; version?: string }
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
    }
  /** Keep exactly these dumps (texts the worker lacks come with the request) and index them. */
  | { id: number; kind: 'index'; dumps: IndexSource[]; cacheDir?: string }
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
  /** A statistic (src/core/stats) of a dump the worker holds and has indexed. */
  | { id: number; kind: 'stats'; key: string; request: StatsRequest }
  | { id: number; kind: 'cancel'; target: number };

export type EntityStep =
  | { step: 'votes'; gazetteer: Gazetteer }
  | { step: 'applyVotes'; corpus: PartVotes }
  | { step: 'keyPeople'; firstNames: FirstNames }
  | { step: 'finish'; tails: PersonTails };

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
  readonly built: number;
}

export type WorkerResult =
  /** With `chunked`, the articles came before, in `chunk` messages, and `dump.articles` is empty. */
  | { kind: 'dump'; dump: Dump; chunked?: boolean }
  /** A part's reading, local to the part, with the length of its text: the pool places it in the whole. */
  | { kind: 'part'; dump: Dump; chunked?: boolean; textLength: number }
  | { kind: 'index'; summary: IndexSummary }
  | { kind: 'hits'; hits: SearchHit[] }
  | { kind: 'concordance'; lines: ConcordanceLine[]; truncated: boolean }
  | { kind: 'entities'; listing: ListedEntity[] }
  | { kind: 'entityStep'; votes?: PartVotes; firstNames?: FirstNames; tails?: PersonTails; listing?: ListedEntity[] }
  | { kind: 'spans'; spans: MentionSpans }
  | { kind: 'card'; card?: EntityCard; start?: number; end?: number }
  | { kind: 'slice'; text: string }
  | { kind: 'stats'; reply: StatsReply };

type ReplyOfKind<K extends WorkerResult['kind']> = Extract<WorkerResult, { kind: K }>;

/** The reply each request kind gets; the worker's handler and the client are typed by it. */
export interface Replies {
  parseText: ReplyOfKind<'dump'>;
  parseFile: ReplyOfKind<'dump'>;
  loadPart: ReplyOfKind<'part'>;
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
}

/** The requests that get a reply (all but `cancel`). */
export type RequestKind = keyof Replies;
export type RequestOf<K extends RequestKind> = Extract<WorkerRequest, { kind: K }>;

/** At run time, the `kind` of each request's reply (checked once, in the client). */
export const REPLY_KINDS: { readonly [K in RequestKind]: Replies[K]['kind'] } = {
  parseText: 'dump',
  parseFile: 'dump',
  loadPart: 'part',
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
};

export type WorkerResponse =
  | { id: number; ok: true; result: WorkerResult; progress?: undefined; chunk?: undefined }
  | { id: number; ok: false; error: string; cancelled?: boolean; progress?: undefined; chunk?: undefined }
  | { id: number; progress: number; message?: string }
  /** Part of a large reply, sent ahead so the extension host takes it in small pieces, not in one long pause. */
  | { id: number; chunk: Article[]; progress?: undefined };
