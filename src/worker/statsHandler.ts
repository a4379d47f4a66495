import type { Dump } from '../core/dump/types';
import type { TermIndex } from '../core/search/termIndex';
import { type StatsCorpus, statsCorpus } from '../core/stats/corpus';
import { runStats, type StatsReply, type StatsRequest } from '../core/stats/request';

// Statistics on the worker that holds a dump and its index: the word stream is rebuilt from the
// index once per index (kept while the index is) and every statistic reads it.
const corpora = new WeakMap<TermIndex, StatsCorpus>();

export interface HeldDump {
  readonly text: string;
  readonly dump: Dump;
  readonly index?: TermIndex;
  /** Set for a part of a dump split across workers: its statistics would need the other parts. */
  readonly base?: unknown;
}

export function statsOf(held: HeldDump | undefined, key: string, request: StatsRequest): StatsReply {
  if (!held?.index) throw new Error(`The worker has no index of ${key} yet`);
  if (held.base) throw new Error('Statistics of a dump split across workers (over 32 MB) are not available yet');
  let corpus = corpora.get(held.index);
  if (!corpus) corpora.set(held.index, (corpus = statsCorpus(held.text, held.dump, held.index)));
  return runStats(corpus, request);
}
