import type { Dump } from '../core/dump/types';
import { type StatsCorpus, statsCorpus } from '../core/stats/corpus';
import { runStats, type StatsReply, type StatsRequest } from '../core/stats/request';

// Statistics on the worker that holds a dump: its words are read from the text once per reading
// (kept while the reading is) and every statistic reads them.
const corpora = new WeakMap<Dump, StatsCorpus>();

export interface HeldDump {
  readonly text: string;
  readonly dump: Dump;
}

/** The statistics' view of a held dump (or part), read on first use. */
export function corpusOf(held: HeldDump): StatsCorpus {
  let corpus = corpora.get(held.dump);
  if (!corpus) corpora.set(held.dump, (corpus = statsCorpus(held.text, held.dump)));
  return corpus;
}

export function statsOf(held: HeldDump | undefined, key: string, request: StatsRequest): StatsReply {
  if (!held) throw new Error(`The worker no longer holds ${key}`);
  return runStats(corpusOf(held), request);
}
