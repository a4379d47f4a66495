import * as fs from 'node:fs';
import { readDumpBytes } from '../core/dump/decode';
import { parseQuery } from '../core/search/query';
import { type CollocateMeasure, collocates } from '../core/stats/collocates';
import { type StatsCorpus, statsCorpus } from '../core/stats/corpus';
import { toCsv } from '../core/stats/csv';
import { frequencyList } from '../core/stats/frequency';
import { keywords } from '../core/stats/keywords';
import type { Granularity } from '../core/stats/periods';
import { queryHits } from '../core/stats/queryHits';
import { spellingsOf } from '../core/stats/spellings';
import { stopWordSet } from '../core/stats/stopWords';
import { SubsetError, type SubsetSpec, selectArticles } from '../core/stats/subset';
import {
  changingTable,
  collocateTable,
  frequencyTable,
  keywordTable,
  type Table,
  trendTable,
} from '../core/stats/tables';
import { risingFalling, trend } from '../core/stats/trends';
import { escapeControls } from '../core/text/terminal';

/** Text for the terminal: dump text and queries are data, their control characters printed escaped (as src/cli.ts does). */
const shown = escapeControls;
const warn = (message: string) => console.error(shown(message));

export const STATS_COMMANDS = ['words', 'ngrams', 'collocates', 'keywords', 'trends'];

export const STATS_USAGE = `       corpus words FILE [SUBSET] [--limit N] [--min-freq N] [STOP WORDS] [--json | --csv]
       corpus ngrams FILE [--n 2] [SUBSET] [--limit N] [--min-freq N] [STOP WORDS] [--json | --csv]
       corpus collocates FILE QUERY [--left 5] [--right 5] [--min-freq 3] [--sort logdice|mi|ll|t] [SUBSET] …
       corpus keywords FILE SUBSET [--reference FILE2] [--sort ll|logratio|simplemaths] [--sm-n 1] …
       corpus trends FILE QUERY… [--by day|week|month|year] [SUBSET] [--json | --csv]
       corpus trends FILE --rising [--by month] [--min-period-tokens 1000] [--min-freq 10] …

  words, ngrams        word (syllable) list or 1–4-gram list: freq, per million, range (articles), Gries' DP
  collocates           words around QUERY's hits: observed, expected, logDice, MI, log-likelihood, t-score
  keywords             SUBSET against the rest of FILE (or all of FILE2): log-likelihood, log ratio, simple maths
  trends               each QUERY's hits per period (absolute, per million, articles); --rising: words
                       whose frequency rose or fell most (slope over 3+ periods; sparse periods said)
  SUBSET               --query Q (its articles), --from DATE, --to DATE, --source NAME, --no-inferred-dates
  STOP WORDS           Vietnamese stop words (stopwords-iso, MIT) are left out; --no-stopwords keeps
                       them, --stopwords FILE uses FILE's words instead`;

const VALUE_FLAGS = [
  '--limit',
  '--min-freq',
  '--n',
  '--left',
  '--right',
  '--sort',
  '--by',
  '--query',
  '--from',
  '--to',
  '--source',
  '--reference',
  '--stopwords',
  '--sm-n',
  '--min-period-tokens',
];
const BOOLEAN_FLAGS = ['--json', '--csv', '--no-stopwords', '--no-inferred-dates', '--rising'];

class UsageError extends Error {}

interface Args {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_FLAGS.includes(a)) {
      if (i + 1 >= argv.length) throw new UsageError(`${a} takes a value`);
      values.set(a, argv[++i]);
    } else if (BOOLEAN_FLAGS.includes(a)) flags.add(a);
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  return { positional, values, flags };
}

function intOf(args: Args, flag: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = args.values.get(flag);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} takes a whole number from ${min}`);
  return n;
}

function choiceOf<T extends string>(args: Args, flag: string, choices: readonly T[], fallback: T): T {
  const v = (args.values.get(flag) ?? fallback).toLowerCase() as T;
  if (!choices.includes(v)) throw new UsageError(`${flag} takes ${choices.join(', ')}`);
  return v;
}

function load(file: string): StatsCorpus | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    warn(`corpus: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
  const input = readDumpBytes(bytes);
  for (const p of input.dump.problems) warn(`${file}:${p.line + 1}: warning: ${p.message}`);
  return statsCorpus(input.text, input.dump);
}

function subsetOf(args: Args): SubsetSpec {
  return {
    query: args.values.get('--query'),
    from: args.values.get('--from'),
    to: args.values.get('--to'),
    source: args.values.get('--source'),
    includeInferredDates: !args.flags.has('--no-inferred-dates'),
  };
}

function stopWordsOf(args: Args): ReadonlySet<string> | undefined {
  if (args.flags.has('--no-stopwords')) return stopWordSet('');
  const file = args.values.get('--stopwords');
  if (file === undefined) return stopWordSet();
  try {
    return stopWordSet(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read stop words ${file}: ${(e as NodeJS.ErrnoException).code ?? ''}`);
  }
}

function print(table: Table, args: Args, summary: string): void {
  if (args.flags.has('--csv')) process.stdout.write(toCsv(table.columns, table.rows));
  else if (args.flags.has('--json'))
    console.log(
      JSON.stringify(
        table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]]))),
        null,
        2,
      ),
    );
  else {
    console.log(shown(summary));
    console.log(table.columns.join('\t'));
    for (const r of table.rows) console.log(r.map((c) => shown(String(c ?? ''))).join('\t'));
  }
}

/** Spellings among the occurrences the statistic counted (its stop words left out the same way). */
function speller(corpus: StatsCorpus, docs: Uint32Array, terms: Iterable<string>, stopWords?: ReadonlySet<string>) {
  const spellings = spellingsOf(corpus, docs, terms, undefined, stopWords);
  return (term: string) => spellings.get(term) ?? term;
}

function queryOf(text: string) {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.query;
}

/** Runs one statistics command; returns the exit code (0 ok, 1 usage, 2 unreadable file). */
export function runStatsCommand(command: string, argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.flags.has('--json') && args.flags.has('--csv')) throw new UsageError('choose --json or --csv');
    const [file, ...more] = args.positional;
    if (!file) throw new UsageError(`${command} takes a FILE`);
    const limit = intOf(args, '--limit', 50, 1);
    const sub = subsetOf(args);
    const stopWords = stopWordsOf(args);
    if (command === 'words' || command === 'ngrams') {
      if (more.length) throw new UsageError(`${command} takes one FILE`);
      const n = command === 'words' ? 1 : intOf(args, '--n', 2, 1, 4);
      const corpus = load(file);
      if (!corpus) return 2;
      const docs = selectArticles(corpus, sub);
      const list = frequencyList(corpus, docs, { n, stopWords, minFreq: intOf(args, '--min-freq', 1, 1), limit });
      print(
        frequencyTable(
          list,
          speller(
            corpus,
            docs,
            list.rows.map((r) => r.term),
            stopWords,
          ),
        ),
        args,
        `${list.articles} articles, ${list.tokens} words, ${list.types} distinct ${n === 1 ? 'words' : `${n}-grams`}`,
      );
      return 0;
    }
    if (command === 'collocates') {
      if (more.length !== 1) throw new UsageError('collocates takes FILE and QUERY (quote the query)');
      const q = queryOf(more[0]);
      const corpus = load(file);
      if (!corpus) return 2;
      const docs = selectArticles(corpus, sub);
      const sort = choiceOf(args, '--sort', ['logdice', 'mi', 'll', 't'] as const, 'logdice');
      const result = collocates(corpus, docs, queryHits(corpus, q, sub.includeInferredDates), {
        left: intOf(args, '--left', 5, 0, 50),
        right: intOf(args, '--right', 5, 0, 50),
        minFreq: intOf(args, '--min-freq', 3, 1),
        sortBy: (sort === 'logdice' ? 'logDice' : sort) as CollocateMeasure,
        stopWords,
        limit,
      });
      print(
        collocateTable(
          result,
          speller(
            corpus,
            docs,
            result.rows.map((r) => r.term),
            stopWords,
          ),
        ),
        args,
        `${result.nodeFreq} hits of ${more[0]} in ${docs.length} articles, ${result.tokens} words`,
      );
      return 0;
    }
    if (command === 'keywords') {
      if (more.length) throw new UsageError('keywords takes one FILE (and --reference FILE2)');
      const reference = args.values.get('--reference');
      if (!reference && !sub.query && !sub.from && !sub.to && !sub.source)
        throw new UsageError('keywords needs a subset (--query, --from/--to, --source) or --reference FILE2');
      const corpus = load(file);
      if (!corpus) return 2;
      const focus = selectArticles(corpus, sub);
      let ref: { corpus: StatsCorpus; docs: Uint32Array };
      if (reference) {
        const other = load(reference);
        if (!other) return 2;
        ref = { corpus: other, docs: selectArticles(other) };
      } else {
        const inFocus = new Set(focus);
        ref = { corpus, docs: selectArticles(corpus).filter((d) => !inFocus.has(d)) };
      }
      const sort = choiceOf(args, '--sort', ['ll', 'logratio', 'simplemaths'] as const, 'll');
      const result = keywords({ corpus, docs: focus }, ref, {
        stopWords,
        simpleMathsN: Number(args.values.get('--sm-n') ?? 1),
        minFreq: intOf(args, '--min-freq', 3, 1),
        sortBy: sort === 'logratio' ? 'logRatio' : sort === 'simplemaths' ? 'simpleMaths' : 'll',
        limit,
      });
      print(
        keywordTable(
          result,
          speller(
            corpus,
            selectArticles(corpus),
            [...result.positive, ...result.negative].map((r) => r.term),
            stopWords,
          ),
        ),
        args,
        `focus: ${focus.length} articles, ${result.focusTokens} words; reference: ${ref.docs.length} articles, ${result.referenceTokens} words`,
      );
      return 0;
    }
    if (command === 'trends') {
      const by = choiceOf(args, '--by', ['day', 'week', 'month', 'year'] as const, 'month') as Granularity;
      if (args.flags.has('--rising')) {
        if (more.length) throw new UsageError('trends --rising takes FILE only');
        const corpus = load(file);
        if (!corpus) return 2;
        const docs = selectArticles(corpus, sub);
        const rf = risingFalling(corpus, docs, by, {
          minPeriodTokens: intOf(args, '--min-period-tokens', 1000, 0),
          minFreq: intOf(args, '--min-freq', 10, 1),
          stopWords,
          limit,
          includeInferredDates: sub.includeInferredDates,
        });
        if (rf.sparse.length)
          warn(
            `corpus: left out for fewer than ${intOf(args, '--min-period-tokens', 1000, 0)} words: ${rf.sparse.map((s) => `${s.period} (${s.tokens})`).join(', ')}`,
          );
        if (rf.empty) warn(`corpus: ${rf.empty} periods without text left out`);
        if (rf.tooFewPeriods) warn(`corpus: fewer than three ${by} periods with enough text: no slope`);
        print(
          changingTable(
            rf,
            speller(
              corpus,
              docs,
              [...rf.rising, ...rf.falling].map((r) => r.term),
              stopWords,
            ),
          ),
          args,
          `periods: ${rf.periods.join(' ')}`,
        );
        return 0;
      }
      if (!more.length) throw new UsageError('trends takes FILE and one or more QUERY (or --rising)');
      const queries = more.map((m) => ({ text: m, query: queryOf(m) }));
      const corpus = load(file);
      if (!corpus) return 2;
      const docs = selectArticles(corpus, sub);
      const series = queries.map(({ text, query }) => ({
        query: text,
        trend: trend(corpus, docs, queryHits(corpus, query, sub.includeInferredDates), by, sub.includeInferredDates),
      }));
      for (const s of series)
        if (s.trend.unplaced) warn(`corpus: ${s.query}: ${s.trend.unplaced} hits in articles without a ${by}`);
      print(trendTable(series), args, series.map((s) => `${s.query}: ${s.trend.total} hits`).join('; '));
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SubsetError) {
      console.error(`corpus: ${shown(e.message)}\n\nUsage:\n${STATS_USAGE}`);
      return 1;
    }
    throw e;
  }
}
