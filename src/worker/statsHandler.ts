import type { Dump } from '../core/dump/types';
import { articleRange } from '../core/stats/articleRange';
import { type ArticleSplitRequest, finishStats, partialStats, type StatsPartial } from '../core/stats/articleShares';
import { type StatsCorpus, statsCorpus } from '../core/stats/corpus';
import type { Share } from '../core/stats/frequency';
import { occurrencesOf } from '../core/stats/occurrences';
import { runStats, type StatsReply, type StatsRequest } from '../core/stats/request';
import { type CorpusPart, corpusPart, joinParts, partBuffers } from '../core/stats/streamParts';

// Statistics on the worker: a dump's words are read from its text once per reading (kept while
// the reading is) and every statistic reads them. A dump split across workers is joined on one
// of them (the pool's choice) from its parts, and kept under the dump's key until a part changes.
const corpora = new WeakMap<Dump, StatsCorpus>();
const joined = new Map<string, StatsCorpus>();

export interface HeldDump {
  readonly text: string;
  readonly dump: Dump;
}

/** The statistics' view of a held dump (or part), read on first use. */
function corpusOf(held: HeldDump): StatsCorpus {
  let corpus = corpora.get(held.dump);
  if (!corpus) corpora.set(held.dump, (corpus = statsCorpus(held.text, held.dump)));
  return corpus;
}

const heldOr = (held: HeldDump | undefined, key: string) => {
  if (!held) throw new Error(`The worker no longer holds ${key}`);
  return held;
};

export function statsOf(held: HeldDump | undefined, key: string, request: StatsRequest, share?: Share): StatsReply {
  return runStats(joined.get(key) ?? corpusOf(heldOr(held, key)), request, share);
}

/** The counts of a split statistic over this worker's share of the articles (articleShares.ts). */
export function statsPartialOf(
  held: HeldDump | undefined,
  key: string,
  request: ArticleSplitRequest,
  share: Share,
): StatsPartial {
  const corpus = joined.get(key) ?? corpusOf(heldOr(held, key));
  return partialStats(corpus, request, articleRange(corpus.stream.starts, share));
}

/** A split statistic from every share's counts. */
export function statsFinishOf(
  held: HeldDump | undefined,
  key: string,
  request: ArticleSplitRequest,
  partials: readonly StatsPartial[],
): StatsReply {
  return finishStats(joined.get(key) ?? corpusOf(heldOr(held, key)), request, partials);
}

/**
 * A part's words, read; sent (its buffers to transfer, the worker keeps none), sent as a copy
 * while kept here too (`keep`, for a join on this worker as well), or only kept here.
 */
export function statsPart(
  held: HeldDump | undefined,
  key: string,
  send: boolean,
  keep = false,
): { part?: CorpusPart; transfer: ArrayBuffer[] } {
  const h = heldOr(held, key);
  const corpus = corpusOf(h);
  if (!send) return { transfer: [] };
  let part = corpusPart(corpus);
  // The encoded texts are new already; the word arrays are the corpus's own, copied to keep them.
  if (keep)
    part = {
      ...part,
      forms: part.forms.slice(),
      breaks: part.breaks.slice(),
      starts: part.starts.slice(),
      titleIds: part.titleIds.slice(),
      titleStarts: part.titleStarts.slice(),
    };
  else corpora.delete(h.dump);
  return { part, transfer: partBuffers(part) };
}

export function statsJoin(
  key: string,
  parts: readonly ({ key: string } | { part: CorpusPart })[],
  heldOf: (key: string) => HeldDump | undefined,
): { articles: number; tokens: number } {
  const own: Dump[] = [];
  const corpus = joinParts(
    parts.map((p) => {
      if ('part' in p) return p.part;
      const h = heldOr(heldOf(p.key), p.key);
      own.push(h.dump);
      return corpusPart(corpusOf(h));
    }),
  );
  // The parts' own words are in the join now.
  for (const d of own) corpora.delete(d);
  // The occurrence lists now, with the join, not on this worker's first query (a trend of several
  // queries is split between the workers: each would otherwise pay for them then).
  occurrencesOf(corpus.stream);
  joined.set(key, corpus);
  return { articles: corpus.articles.length, tokens: corpus.stream.ids.length };
}

/** Forgets a joined dump when one of its parts is read again or dropped (`key` a dump's or a part's). */
export function forgetJoined(key: string): void {
  joined.delete(key.replace(/#part\d+$/, ''));
}
