import { keywordsOfCounts } from './keywords';
import type { StatsReply, StatsRequest } from './request';
import { NO_STOP_WORDS, stopKey, stopWordSet } from './stopWords';
import type { SubsetSpec } from './subset';
import { keywordTable } from './tables';

type KeywordsRequest = Extract<StatsRequest, { stat: 'keywords' }>;

/**
 * Keywords of one dump's subset against another dump. Each side is a plain word list (every folded word,
 * stop words kept, no cut-off) computed on the worker that holds its dump, so two dumps never need to sit
 * on one worker; the comparison itself is `keywordsOfCounts`, the same arithmetic as within one dump.
 */
export function wordCountsRequest(subset?: SubsetSpec): StatsRequest {
  return { stat: 'words', n: 1, minFreq: 1, limit: Number.MAX_SAFE_INTEGER, stopWords: 'none', subset };
}

/** Folded word → count and → its shown spelling, from a `wordCountsRequest` reply; the size is the subset's words. */
function sideOf(reply: StatsReply) {
  const { columns, rows } = reply.table;
  const [word, folded, freq] = ['word', 'folded', 'freq'].map((c) => columns.indexOf(c));
  const map = new Map<string, number>();
  const spelling = new Map<string, string>();
  for (const row of rows) {
    map.set(String(row[folded]), Number(row[freq]));
    spelling.set(String(row[folded]), String(row[word]));
  }
  return { map, spelling, total: reply.tokens };
}

export function keywordsAcrossDumps(focus: StatsReply, reference: StatsReply, req: KeywordsRequest): StatsReply {
  const f = sideOf(focus);
  const r = sideOf(reference);
  const stopWords =
    req.stopWords === 'none' ? NO_STOP_WORDS : stopWordSet(Array.isArray(req.stopWords) ? req.stopWords : undefined);
  // The word lists are by folded word: a word whose shown (most frequent) spelling is a stop word is left out,
  // the nearest a folded list comes to the tone-marked rule within one dump.
  for (const side of [f, r])
    for (const [term, spelling] of side.spelling) if (stopWords.has(stopKey(spelling))) side.map.delete(term);
  const k = keywordsOfCounts(f, r, { ...req, stopWords: NO_STOP_WORDS });
  // The spelling of the side where the word is more frequent (as within one dump, the commonest one shows).
  const spell = (term: string) =>
    ((f.map.get(term) ?? 0) > (r.map.get(term) ?? 0) ? f.spelling.get(term) : r.spelling.get(term)) ?? term;
  return {
    table: keywordTable(k, spell),
    articles: focus.articles,
    tokens: focus.tokens,
    notes: [`reference: ${reference.articles} articles, ${k.referenceTokens} words`],
  };
}
