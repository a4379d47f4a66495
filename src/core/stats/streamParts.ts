import type { StatsArticle, StatsCorpus } from './corpus';
import { isBreak, streamFrom, type TokenStream, U32, Vocabulary } from './tokenStream';

/**
 * A dump split across workers (src/corpus/corpusWorkerPool.ts) is counted whole: each worker reads
 * its part's words, the other parts' words are sent to one worker (typed arrays, transferred, not
 * copied) and joined there into the stream the whole dump would have. The joined vocabulary takes
 * each part's forms in their order, so ids come out as a whole-dump reading assigns them (first
 * occurrence order): every statistic of the joined corpus equals the whole dump's, by construction.
 */
export interface CorpusPart {
  /**
   * Written forms and folded terms, one a line (no word holds a line break), and the articles as
   * JSON, all in UTF-8: bytes cross threads transferred, where a string would be copied, on the
   * extension host's thread too, which passes the part on.
   */
  readonly formText: Uint8Array;
  readonly terms: Uint8Array;
  readonly forms: Uint32Array;
  readonly breaks: Uint8Array;
  readonly starts: Uint32Array;
  readonly titleIds: Uint32Array;
  readonly titleStarts: Uint32Array;
  readonly articles: Uint8Array;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

export function corpusPart(corpus: StatsCorpus): CorpusPart {
  const s = corpus.stream;
  return {
    formText: utf8.encode(s.formText.join('\n')),
    terms: utf8.encode(s.terms.join('\n')),
    forms: s.forms,
    breaks: s.breaks,
    starts: s.starts,
    titleIds: s.titleIds,
    titleStarts: s.titleStarts,
    articles: utf8.encode(
      JSON.stringify(corpus.articles.map((a) => ({ name: a.name, source: a.source, date: a.date }))),
    ),
  };
}

/** The buffers of a part, to transfer rather than copy. */
export const partBuffers = (p: CorpusPart): ArrayBuffer[] =>
  [p.forms, p.breaks, p.starts, p.titleIds, p.titleStarts, p.formText, p.terms, p.articles].map(
    (a) => a.buffer as ArrayBuffer,
  );

/** The parts of a dump, in order, as one corpus. */
export function joinParts(parts: readonly CorpusPart[]): StatsCorpus {
  const v = new Vocabulary();
  let tokens = 0;
  let titles = 0;
  let articleCount = 0;
  for (const p of parts) {
    tokens += p.forms.length;
    titles += p.titleIds.length;
    articleCount += p.starts.length - 1;
  }
  const forms = new Uint32Array(tokens);
  const breakAt = new U32(1024);
  const starts = new Uint32Array(articleCount + 1);
  const titleIds = new Uint32Array(titles);
  const titleStarts = new Uint32Array(articleCount + 1);
  const articles: StatsArticle[] = [];
  let at = 0;
  let titleAt = 0;
  let d = 0;
  for (const p of parts) {
    const formText = text.decode(p.formText);
    const termText = text.decode(p.terms);
    const formMap = formText ? formText.split('\n').map((f) => v.formId(f)) : [];
    const termMap = termText ? termText.split('\n').map((t) => v.termId(t)) : [];
    for (let i = 0; i < p.forms.length; i++) {
      forms[at + i] = formMap[p.forms[i]];
      if (isBreak(p.breaks, i)) breakAt.push(at + i);
    }
    for (let i = 0; i < p.titleIds.length; i++) titleIds[titleAt + i] = termMap[p.titleIds[i]];
    const n = p.starts.length - 1;
    for (let k = 1; k <= n; k++) {
      starts[d + k] = at + p.starts[k];
      titleStarts[d + k] = titleAt + p.titleStarts[k];
    }
    for (const a of JSON.parse(text.decode(p.articles)) as StatsArticle[]) articles.push(a);
    at += p.forms.length;
    titleAt += p.titleIds.length;
    d += n;
  }
  const stream: TokenStream = streamFrom(v, forms, breakAt.done(), starts, titleIds, titleStarts);
  return { articles, stream };
}
