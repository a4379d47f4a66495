import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CorpusWorkerPool } from '../src/corpus/corpusWorkerPool';
import { readDumpBytes } from '../src/core/dump/decode';
import { EMPTY_GAZETTEER } from '../src/core/entities/gazetteer';
import { parseQuery } from '../src/core/search/query';
import { updateTermIndex } from '../src/core/search/indexUpdate';
import { buildTermIndex, deserializeTermIndex, type TermIndex } from '../src/core/search/termIndex';
import { parseDump } from '../src/core/dump/reader';
import { repoRoot } from '../test/support/paths';
import { benchDump, mulberry32 } from './generate';
import { MinisearchIndex } from './minisearchIndex';
import { addSpent, busiestThreads, type Spent, spentBetween, threadTimes } from './threadTimes';
import { isMarkLine, type Phase, phasesOf, phaseTable } from './timeline';
import { mark } from '../src/worker/timeline';
import { StallProbe } from './stallProbe';

/**
 * The scale benchmark: each size in a fresh process (so memory figures are its own), driving the
 * real corpus worker (dist/corpusWorker.js) the way the extension does, with the main thread's
 * event-loop delay watched throughout. Prints a table and writes bench/results/scale.json.
 */

const WORKER = path.join(repoRoot, 'dist', 'corpusWorker.js');
/** The size the issue's targets are set at. */
const TARGET_ARTICLES = 100_000;
const CATEGORIES = ['common word', 'rare word', 'two words', 'prefix', 'fuzzy', 'phrase', 'filter'] as const;
type Category = (typeof CATEGORIES)[number];

interface SizeResult {
  articles: number;
  bytes: number;
  /** The ratios' denominator: the median of three reads of the file, each in a fresh process (freshReadMs). */
  rawReadMs: number;
  rawReadMBs: number;
  /** The same read in this process, after the workers' reading and indexing (its heap large by then). */
  rawReadInProcessMs: number;
  parseMBs: number;
  /** The articles view's data in the extension host: read from the bytes, inferred dates still to come. */
  viewReadyMs: number;
  /** ...and with the dates inferred from the text, once the workers have decoded it. */
  viewCompleteMs: number;
  stallReadingMs: number;
  /** Each main-thread gap over 30 ms while reading, and while indexing, with where the thread was (stallProbe.ts). */
  stallsReading?: string[];
  stallsIndexing?: string[];
  indexBuildMs: number;
  stallIndexingMs: number;
  indexBytes: number;
  indexArraysBytes: number;
  cacheWriteAndBuildMs: number;
  reopenParseMs: number;
  reopenIndexMs: number;
  /**
   * Where the view ready and the reopen (view + cached index) went: each thread's phases between
   * the timeline's marks (src/worker/timeline.ts), with wall and CPU time (bench/timeline.ts).
   */
  viewPhases?: Phase[];
  reopenPhases?: Phase[];
  queries: Record<Category, { p50: number; p95: number; examples: string[] }>;
  /**
   * Where the query mix's wall time went (Linux scheduler statistics): per kind, its 20 runs summed
   * and its slowest run, as CPU of the host's main thread, of the two workers, of this process's
   * other threads, time runnable but waiting for a core, and the rest of the machine's CPU.
   */
  queryThreads?: Record<Category, { total: Spent & { wallMs: number }; slowest: Spent & { wallMs: number } }>;
  /** The machine's 1-minute load average when the query mix began and ended. */
  loadAverage?: string;
  /** The workers' CPU after the index was built, before the mix began (work still running in the background). */
  workersBeforeMix?: { gapMs: number; workersMs: number; settleMs: number };
  ripgrep: { literalMs: number; toneInsensitiveMs: number; words: string[] };
  hover?: { firstMs: number; p50: number; p95: number };
  /** Every entity of the dump found on the workers (in parts above 32 MB), and the main thread's longest stall. */
  entities?: { ms: number; stallMs: number; count: number; stalls?: string[] };
  /** An edit in one article of an open dump: the index updated from the previous one (p50 and slowest of the edits), and the reading of the edited text. */
  reindex?: { p50: number; maxMs: number; parseMs: number; edits: number };
  minisearch?: { buildMs: number; heapBytes: number };
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * The raw read the targets are ratios to: `readFileSync` of the page-cached file in a fresh process, the median of
 * three. Read in the bench's own process after the workers' work, the same read took 0.6-3.4 s on one virtual
 * machine from run to run (a new 305 MB buffer in a large heap), which made every ratio a measure of that.
 */
function freshReadMs(file: string): number {
  const script = `const t = process.hrtime.bigint(); require('node:fs').readFileSync(process.argv[1]); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const runs = [0, 1, 2].map(() =>
    Number(spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8' }).stdout),
  );
  return runs.sort((a, b) => a - b)[1];
}

async function measure(count: number, settle: number): Promise<SizeResult> {
  const file = benchDump(count);
  const bytes = fs.statSync(file).size;
  const mb = bytes / 1e6;

  let t: bigint;
  const startThreads = threadTimes();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  mark('bench: open');
  const client = new CorpusWorkerPool(WORKER);
  const probe = new StallProbe(30);
  delay.enable();
  probe.start();
  probe.mark('reading, to the view');
  t = process.hrtime.bigint();
  const reading = client.parseFile(file, undefined, 'bench', 'v1');
  await reading.result;
  const viewReadyMs = ms(t);
  mark('bench: view ready');
  probe.mark('reading, the inferred dates');
  await reading.complete;
  const viewCompleteMs = ms(t);
  delay.disable();
  probe.stop();
  const stallsReading = probe.report();
  const stallReadingMs = delay.max / 1e6;
  delay.reset();

  delay.enable();
  const indexProbe = new StallProbe(30);
  indexProbe.start();
  indexProbe.mark('indexing');
  t = process.hrtime.bigint();
  await client.index([{ key: 'bench', version: 'v1' }], undefined).result;
  const indexBuildMs = ms(t);
  delay.disable();
  indexProbe.stop();
  const stallsIndexing = indexProbe.report();
  const stallIndexingMs = delay.max / 1e6;
  const indexedThreads = threadTimes();
  const indexedAt = process.hrtime.bigint();
  // The two threads that read and indexed the dump: the workers' own.
  const workerThreads = busiestThreads(startThreads, indexedThreads, 2);

  // This process's own reading, after the workers', so its 600 MB string does not weigh on their figures.
  t = process.hrtime.bigint();
  const raw = fs.readFileSync(file);
  const rawReadInProcessMs = ms(t);
  const rawReadMs = freshReadMs(file);
  t = process.hrtime.bigint();
  const { text, dump } = readDumpBytes(raw);
  const parseMs = ms(t);

  // The same index again, written to a cache; then a fresh worker reopens the dump with it.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-cache-'));
  const writer = new CorpusWorkerPool(WORKER);
  await writer.parseFile(file, undefined, 'bench', 'v1', cacheDir).result;
  t = process.hrtime.bigint();
  await writer.index([{ key: 'bench', version: 'v1' }], cacheDir).result;
  const cacheWriteAndBuildMs = ms(t);
  writer.dispose();
  // Reopening is a new editor session: a fresh process, as the extension host would be.
  // Its timeline's marks on its stderr (CORPUS_TIMELINE, set by runScale), kept apart from this process's.
  const reopened = spawnSync(process.execPath, [__filename, '--reopen', file, cacheDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reopenPhases = phasesOf(reopened.stderr, 'bench: index in');
  passOn(reopened.stderr);
  if (reopened.status !== 0) throw new Error(`the reopen failed (${reopened.status})`);
  const { reopenParseMs, reopenIndexMs } = JSON.parse(
    reopened.stdout
      .split('\n')
      .find((l) => l.startsWith('##reopen '))!
      .slice('##reopen '.length),
  );

  // Index memory: the cached index (every part) loaded into this process, with the text already held.
  const cacheFiles = fs
    .readdirSync(cacheDir)
    .filter((f) => f.endsWith('.idx'))
    .map((f) => fs.readFileSync(path.join(cacheDir, f)));
  gc();
  const before = process.memoryUsage();
  let loaded: (TermIndex | undefined)[] = cacheFiles.map((b) => deserializeTermIndex(b));
  gc();
  const after = process.memoryUsage();
  if (loaded.some((i) => !i)) throw new Error('cache unreadable');
  let index = loaded[0]!;
  const indexArraysBytes = loaded.reduce(
    (n, i) =>
      n +
      i!.lengths.byteLength +
      i!.offsets.byteLength +
      i!.docs.byteLength +
      i!.titleCounts.byteLength +
      i!.posBase.byteLength +
      i!.posLow.byteLength +
      i!.positions.byteLength,
    0,
  );
  const indexBytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  fs.rmSync(cacheDir, { recursive: true, force: true });

  const mix = queryMix(
    index,
    text,
    dump.articles.map((a) => [a.textStartOffset, a.textEndOffset] as [number, number]),
  );
  loaded = [];
  index = undefined as unknown as TermIndex;
  const settleMs = settle;
  if (settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs));
  const mixThreads = threadTimes();
  const loadAtMix = os.loadavg()[0].toFixed(1);
  const workersBeforeMix = {
    gapMs: ms(indexedAt),
    workersMs: spentBetween(indexedThreads, mixThreads, workerThreads).workersMs,
    settleMs,
  };
  // Warm-up: the first queries after a build also pay for compiling the query path (JIT); a person
  // typing in the quick pick has paid it by the second keystroke. Five queries outside the mix.
  for (const w of mix.warmup) {
    const parsed = parseQuery(w);
    if (parsed.ok) await client.query(parsed.query, 100);
  }
  const queries = {} as SizeResult['queries'];
  const queryThreads = {} as NonNullable<SizeResult['queryThreads']>;
  let loadAverage = '';
  for (const category of CATEGORIES) {
    const samples: number[] = [];
    let total: Spent & { wallMs: number } = { ...spentBetween(mixThreads, mixThreads, workerThreads), wallMs: 0 };
    let slowest = total;
    for (let round = 0; round < 4; round++) {
      for (const q of mix[category]) {
        const parsed = parseQuery(q);
        if (!parsed.ok) throw new Error(`${q}: ${parsed.error}`);
        const before = threadTimes();
        t = process.hrtime.bigint();
        await client.query(parsed.query, 100);
        const wallMs = ms(t);
        samples.push(wallMs);
        const spent = { ...spentBetween(before, threadTimes(), workerThreads), wallMs };
        total = { ...addSpent(total, spent), wallMs: total.wallMs + wallMs };
        if (wallMs > slowest.wallMs) slowest = spent;
      }
    }
    queryThreads[category] = { total, slowest };
    if (category === CATEGORIES[CATEGORIES.length - 1]) loadAverage = `${loadAtMix}–${os.loadavg()[0].toFixed(1)}`;
    queries[category] = {
      p50: quantile(samples, 0.5),
      p95: quantile(samples, 0.95),
      examples: mix[category].slice(0, 2),
    };
  }
  // Entities, as the Entities view asks for them: found on the workers that hold the dump, only the listing back.
  delay.reset();
  delay.enable();
  const entityProbe = new StallProbe(30);
  entityProbe.start();
  entityProbe.mark('finding entities');
  t = process.hrtime.bigint();
  const listing = await client.entities('bench', 'v1', {}, EMPTY_GAZETTEER).result;
  entityProbe.stop();
  const entities = {
    ms: ms(t),
    stallMs: delay.max / 1e6,
    count: listing.length,
    stalls: entityProbe.report(),
  };
  delay.disable();
  client.dispose();

  const words = [...mix['common word'].slice(0, 2), ...mix['rare word'].slice(0, 2)];
  const rg = (pattern: string, fixed: boolean) => {
    const runs = [0, 1, 2].map(() => {
      const t0 = process.hrtime.bigint();
      spawnSync('rg', ['-c', '-i', ...(fixed ? ['-F'] : []), pattern, file], { encoding: 'utf8' });
      return ms(t0);
    });
    return quantile(runs, 0.5);
  };
  const ripgrep = {
    literalMs: quantile(
      words.map((w) => rg(w, true)),
      0.5,
    ),
    toneInsensitiveMs: quantile(
      words.map((w) => rg(toneInsensitive(w), false)),
      0.5,
    ),
    words,
  };

  const result: SizeResult = {
    articles: count,
    bytes,
    rawReadMs,
    rawReadMBs: mb / (rawReadMs / 1000),
    rawReadInProcessMs,
    parseMBs: mb / (parseMs / 1000),
    viewReadyMs,
    viewCompleteMs,
    stallReadingMs,
    stallsReading,
    stallsIndexing,
    indexBuildMs,
    stallIndexingMs,
    indexBytes,
    indexArraysBytes,
    cacheWriteAndBuildMs,
    reopenParseMs,
    reopenIndexMs,
    reopenPhases,
    queries,
    queryThreads,
    workersBeforeMix,
    loadAverage,
    ripgrep,
  };

  result.entities = entities;
  // An edit of an open dump: VS Code hands extensions documents up to 50 MB, so only those are edited in place.
  if (bytes <= 50e6) result.reindex = measureReindex(text, dump);

  // Hover: VS Code hands extensions documents up to 50 MB, so hovers exist only below that. As the extension
  // does for an open document over 2 MB: its text on a worker, entities found and kept there, each card made
  // there and sent back (the round trip included).
  if (bytes <= 50e6) {
    const docs = new CorpusWorkerPool(WORKER);
    await docs.parseText(text, undefined, 'doc', 'd1').result;
    t = process.hrtime.bigint();
    await docs.entities('doc', 'd1', {}, EMPTY_GAZETTEER).result;
    const spans = await docs.entitySpans('doc');
    await docs.entityCard('doc', spans.starts[0]);
    const firstMs = ms(t);
    const rand = mulberry32(7);
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const at = spans.starts[Math.floor(rand() * spans.starts.length)];
      const t0 = process.hrtime.bigint();
      const card = await docs.entityCard('doc', at);
      samples.push(ms(t0));
      if (!card) throw new Error(`no card at ${at}`);
    }
    docs.dispose();
    result.hover = { firstMs, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
  }
  if (count <= 10_000) {
    gc();
    const heap = process.memoryUsage().heapUsed;
    t = process.hrtime.bigint();
    const mini = new MinisearchIndex();
    mini.add(text, dump);
    const buildMs = ms(t);
    gc();
    result.minisearch = { buildMs, heapBytes: process.memoryUsage().heapUsed - heap };
    if (mini.size !== dump.articles.length) throw new Error('minisearch lost articles');
  }
  return result;
}

/** Edits in articles across an open dump, each followed by the index update the worker makes of it. */
function measureReindex(text: string, dump: ReturnType<typeof parseDump>): SizeResult['reindex'] {
  let index = buildTermIndex(text, dump);
  let current = text;
  let reading = dump;
  const updates: number[] = [];
  const parses: number[] = [];
  const rand = mulberry32(5);
  for (let i = 0; i < 7; i++) {
    const article = reading.articles[Math.floor(rand() * reading.articles.length)];
    const at = article.textStartOffset + Math.floor(rand() * (article.textEndOffset - article.textStartOffset));
    const next = `${current.slice(0, at)} thêm từ mới ${current.slice(at)}`;
    let t = process.hrtime.bigint();
    const nextReading = parseDump(next);
    parses.push(ms(t));
    t = process.hrtime.bigint();
    const updated = updateTermIndex(index, current, reading, next, nextReading);
    updates.push(ms(t));
    if (!updated) throw new Error('an edit of one article was not re-indexed in place');
    index = updated;
    current = next;
    reading = nextReading;
  }
  return {
    p50: quantile(updates, 0.5),
    maxMs: Math.max(...updates),
    parseMs: quantile(parses, 0.5),
    edits: updates.length,
  };
}

/** A fixed, seeded mix of queries drawn from the index itself: the same at every run. */
export function queryMix(
  index: TermIndex,
  text: string,
  spans: [number, number][],
): Record<Category | 'warmup', string[]> {
  const df = (id: number) => index.offsets[id + 1] - index.offsets[id];
  const words = index.terms.map((term, id) => ({ term, df: df(id) })).filter((w) => /^[a-z]{3,}$/.test(w.term));
  const byDf = [...words].sort((a, b) => b.df - a.df);
  const common = byDf.slice(0, 5).map((w) => w.term);
  const rare = [...words]
    .filter((w) => w.term.length >= 5)
    .sort((a, b) => a.df - b.df)
    .slice(0, 5)
    .map((w) => w.term);
  const mid = byDf
    .slice(40, 400)
    .filter((_, i) => i % 25 === 0)
    .map((w) => w.term);
  const long = byDf
    .slice(40, 2000)
    .filter((w) => w.term.length >= 7)
    .slice(0, 5)
    .map((w) => w.term);
  const typo = (w: string) => {
    for (const c of 'qwzjfxk') {
      const t = w.slice(0, 3) + c + w.slice(4);
      if (index.dictionary.get(t) === undefined) return t;
    }
    return `${w}q`;
  };
  const rand = mulberry32(11);
  const phrases: string[] = [];
  while (phrases.length < 5) {
    const [s, e] = spans[Math.floor(rand() * spans.length)];
    const at = s + Math.floor(rand() * Math.max(1, e - s - 200));
    const m = /(\p{L}+) (\p{L}+) (\p{L}+)/u.exec(text.slice(at, at + 200).normalize('NFC'));
    if (m) phrases.push(`"${m[0]}"`);
  }
  return {
    'common word': common,
    'rare word': rare,
    'two words': mid.slice(0, 5).map((w, i) => `${w} ${mid[(i + 5) % mid.length]}`),
    prefix: mid.slice(0, 5).map((w) => `${w.slice(0, 4)}*`),
    fuzzy: long.map(typo),
    phrase: phrases,
    filter: common.map((w) => `${w} date:2015`),
    warmup: byDf.slice(5, 10).map((w) => w.term),
  };
}

/** The stall probe's gaps over 30 ms during one phase of a run, one line each, if any. */
function printGaps(r: SizeResult, during: string, gaps: readonly string[] | undefined): void {
  if (gaps?.length)
    console.log(
      `\n${r.articles.toLocaleString('en')} articles, main-thread gaps over 30 ms while ${during} (longest first):\n${gaps.map((line) => `- ${line}`).join('\n')}`,
    );
}

/** A regex matching a folded word whatever its tone marks, as ripgrep would need it. */
function toneInsensitive(word: string): string {
  const vowels: Record<string, string> = {
    a: 'aàáảãạăằắẳẵặâầấẩẫậ',
    e: 'eèéẻẽẹêềếểễệ',
    i: 'iìíỉĩị',
    o: 'oòóỏõọôồốổỗộơờớởỡợ',
    u: 'uùúủũụưừứửữự',
    y: 'yỳýỷỹỵ',
    d: 'dđ',
  };
  return [...word].map((c) => (vowels[c] ? `[${vowels[c]}]` : c)).join('');
}

const fmt = (msValue: number) =>
  !Number.isFinite(msValue)
    ? 'n/a'
    : msValue >= 1000
      ? `${(msValue / 1000).toFixed(1)} s`
      : msValue >= 10
        ? `${msValue.toFixed(0)} ms`
        : `${msValue.toFixed(1)} ms`;
const mbText = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : `${(b / 1e6).toFixed(b >= 1e8 ? 0 : 1)} MB`);

function report(results: SizeResult[]): void {
  console.log(
    `Scale benchmark: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${os.platform()}\n`,
  );
  console.log(
    '| articles | dump | raw read | read+parse in one thread | articles view ready | inferred dates in | longest stall reading | index build | longest stall indexing | index memory | reopen with cached index |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  // Two decimals: 1.54× printed as 1.5× would read as the 1.5× target met.
  // The issue's ratios are set at 100,000 articles: below, a few ms of fixed cost over a raw read of a few ms make
  // any ratio large, so those sizes print the ratio alone.
  const againstTarget = (x: number, target: number, r: SizeResult) =>
    r.articles >= TARGET_ARTICLES
      ? `${x.toFixed(2)}× (target ${target}×: ${x <= target ? 'met' : 'missed'})`
      : `${x.toFixed(2)}×`;
  const times = (x: number, r: SizeResult) => `${(x / r.rawReadMs).toFixed(1)}× raw read`;
  for (const r of results) {
    const reopen = r.reopenParseMs + r.reopenIndexMs;
    console.log(
      `| ${r.articles.toLocaleString('en')} | ${mbText(r.bytes)} | ${fmt(r.rawReadMs)} (${r.rawReadMBs.toFixed(0)} MB/s; in this process ${fmt(r.rawReadInProcessMs)}) | ${r.parseMBs.toFixed(0)} MB/s | ${fmt(r.viewReadyMs)} (${times(r.viewReadyMs, r)}) | ${fmt(r.viewCompleteMs)} | ${fmt(r.stallReadingMs)} | ${fmt(r.indexBuildMs)} | ${fmt(r.stallIndexingMs)} | ${mbText(r.indexBytes)} (${(r.indexBytes / r.bytes).toFixed(2)}× dump) | ${fmt(reopen)} (${times(reopen, r)}: read ${fmt(r.reopenParseMs)} + index ${fmt(r.reopenIndexMs)}) |`,
    );
  }
  console.log(
    `\nTargets (issue 16, set at 100,000 articles), as ratios to this run's raw read of the same file: ${results
      .map(
        (r) =>
          `${r.articles.toLocaleString('en')}: view ready ${againstTarget(r.viewReadyMs / r.rawReadMs, 2, r)}, reopen ${againstTarget((r.reopenParseMs + r.reopenIndexMs) / r.rawReadMs, 1.5, r)}, longest stall reading ${fmt(r.stallReadingMs)} (target 50 ms: ${r.stallReadingMs <= 50 ? 'met' : 'missed'})`,
      )
      .join('; ')}`,
  );
  for (const r of results) printGaps(r, 'indexing', r.stallsIndexing);
  for (const r of results) printGaps(r, 'reading', r.stallsReading);
  for (const r of results) {
    if (r.viewPhases?.length)
      console.log(
        `\n${r.articles.toLocaleString('en')} articles, where the view ready went (raw read ${fmt(r.rawReadMs)}), per thread from the open:\n${phaseTable(r.viewPhases)}`,
      );
    if (r.reopenPhases?.length)
      console.log(
        `\n${r.articles.toLocaleString('en')} articles, where the reopen went (view + cached index), per thread from the reopen:\n${phaseTable(r.reopenPhases)}`,
      );
  }
  console.log(
    '\nQuery latency through the workers after five warm-up queries, top 100 hits with snippets, p50 / p95 of 20 runs each (5 queries × 4); ripgrep over the dump file for the same single words:\n',
  );
  console.log(`| articles | ${CATEGORIES.join(' | ')} | ripgrep -F -i (word) | ripgrep, tone-insensitive regex |`);
  console.log(`|---|${CATEGORIES.map(() => '---').join('|')}|---|---|`);
  for (const r of results) {
    console.log(
      `| ${r.articles.toLocaleString('en')} | ${CATEGORIES.map((c) => `${fmt(r.queries[c].p50)} / ${fmt(r.queries[c].p95)}`).join(' | ')} | ${fmt(r.ripgrep.literalMs)} | ${fmt(r.ripgrep.toneInsensitiveMs)} |`,
    );
  }
  for (const r of results) {
    if (!r.queryThreads) continue;
    const b = r.workersBeforeMix!;
    console.log(
      `\n${r.articles.toLocaleString('en')} articles, where the mix's time went (ms, Linux schedstat; wall = sum of the 20 runs; the workers' CPU between the index built and the mix: ${fmt(b.workersMs)} in ${fmt(b.gapMs)}${b.settleMs ? `, ${b.settleMs} ms settle` : ''}; load ${r.loadAverage ?? '?'}):\n`,
    );
    console.log(
      '| kind | wall | host main CPU | workers CPU | other threads CPU | waiting for a core | rest of machine CPU | slowest run: wall / host / workers / waiting / rest |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const c of CATEGORIES) {
      const { total: x, slowest: y } = r.queryThreads[c];
      console.log(
        `| ${c} | ${x.wallMs.toFixed(0)} | ${x.hostMs.toFixed(0)} | ${x.workersMs.toFixed(0)} | ${x.otherThreadsMs.toFixed(0)} | ${x.waitMs.toFixed(0)} | ${x.othersMs.toFixed(0)} | ${y.wallMs.toFixed(0)} / ${y.hostMs.toFixed(0)} / ${y.workersMs.toFixed(0)} / ${y.waitMs.toFixed(0)} / ${y.othersMs.toFixed(0)} |`,
      );
    }
  }
  const ratio = (r: SizeResult) =>
    Math.min(r.ripgrep.literalMs / r.queries['common word'].p50, r.ripgrep.literalMs / r.queries['rare word'].p50);
  console.log(
    `\nSingle-word queries vs ripgrep's literal scan: ${results.map((r) => `${r.articles.toLocaleString('en')}: ${ratio(r).toFixed(0)}× faster (slowest of common/rare, p50)`).join('; ')}`,
  );
  const found = results.filter((r) => r.entities);
  if (found.length) {
    console.log(
      `Entities on the workers (${os.cpus().length} cores; a dump over 32 MB in parts): ${found.map((r) => `${r.articles.toLocaleString('en')} articles — ${fmt(r.entities!.ms)} (${(r.bytes / 1e6 / (r.entities!.ms / 1000)).toFixed(1)} MB/s), ${r.entities!.count.toLocaleString('en')} entities, longest main-thread stall ${fmt(r.entities!.stallMs)}`).join('; ')}`,
    );
    for (const r of found) printGaps(r, 'finding entities', r.entities!.stalls);
  }
  console.log('\nTargets (issue #16, set at 100,000 articles), as ratios measured in the same run:');
  for (const r of results.filter((x) => x.articles >= TARGET_ARTICLES)) {
    const slowest = CATEGORIES.reduce((a, c) => (r.queries[c].p95 > r.queries[a].p95 ? c : a), CATEGORIES[0]);
    const vsRg = CATEGORIES.map((c) => `${c} ${(r.ripgrep.literalMs / r.queries[c].p95).toFixed(1)}×`).join(', ');
    console.log(
      `- ${r.articles.toLocaleString('en')} articles: every query kind vs ripgrep -F -i at p95 (≥ 5×, p95 < 50 ms): ${vsRg}; slowest ${slowest} ${fmt(r.queries[slowest].p95)} (${r.queries[slowest].p95 < 50 && r.ripgrep.literalMs / r.queries[slowest].p95 >= 5 ? 'met' : 'missed'}). Index build ${fmt(r.indexBuildMs)} (< 10 s: ${r.indexBuildMs < 10_000 ? 'met' : 'missed'}), ${(r.indexBuildMs / (r.bytes / 1e6 / r.rawReadMBs) / 1000).toFixed(1)}× the raw read; index memory ${(r.indexBytes / r.bytes).toFixed(2)}× the dump (< 1.0×: ${r.indexBytes < r.bytes ? 'met' : 'missed'}); longest main-thread stall ${fmt(Math.max(r.stallReadingMs, r.stallIndexingMs))} (< 50 ms).`,
    );
  }
  const hovers = results.filter((r) => r.hover);
  if (hovers.length) {
    console.log(
      `Hover: ${hovers.map((r) => `${r.articles.toLocaleString('en')} articles — first hover (finds every entity on a worker) ${fmt(r.hover!.firstMs)}, then a card from the worker ${fmt(r.hover!.p50)} / ${fmt(r.hover!.p95)} p50/p95`).join('; ')}`,
    );
  }
  const edits = results.filter((r) => r.reindex);
  if (edits.length) {
    console.log(
      `Re-index after an edit in one article: ${edits.map((r) => `${mbText(r.bytes)} dump — index updated in ${fmt(r.reindex!.p50)} (slowest of ${r.reindex!.edits}: ${fmt(r.reindex!.maxMs)}; target < 200 ms), the edited text read again in ${fmt(r.reindex!.parseMs)}`).join('; ')}`,
    );
  }
  const minis = results.filter((r) => r.minisearch);
  if (minis.length) {
    console.log(
      `Baseline, one minisearch index in-process: ${minis.map((r) => `${r.articles.toLocaleString('en')} articles — build ${fmt(r.minisearch!.buildMs)}, heap ${mbText(r.minisearch!.heapBytes)} (${(r.minisearch!.heapBytes / r.bytes).toFixed(2)}× dump)`).join('; ')}`,
    );
  }
}

/** A child's stderr as it wrote it, without the timeline's marks. */
function passOn(stderr: string): void {
  const rest = stderr.split('\n').filter((l) => l && !isMarkLine(l));
  if (rest.length) process.stderr.write(`${rest.join('\n')}\n`);
}

/** Every figure as the median of the runs (this shared machine moves figures by 10–30% between runs). */
function medianOf<T>(runs: T[]): T {
  const first = runs[0] as unknown;
  if (typeof first === 'number') return quantile(runs as number[], 0.5) as T;
  if (Array.isArray(first) || typeof first !== 'object' || first === null) return runs[0];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first)) out[key] = medianOf(runs.map((r) => (r as Record<string, unknown>)[key]));
  return out as T;
}

/** A fresh session opening a dump whose index is in the cache: read, then index from the cache. */
async function reopen(file: string, cacheDir: string): Promise<void> {
  mark('bench: reopen');
  const pool = new CorpusWorkerPool(WORKER);
  let t = process.hrtime.bigint();
  const reading = pool.parseFile(file, undefined, 'bench', 'v1', cacheDir);
  await reading.result;
  const reopenParseMs = ms(t);
  mark('bench: view ready');
  t = process.hrtime.bigint();
  const reopened = await pool.index([{ key: 'bench', version: 'v1' }], cacheDir).result;
  const reopenIndexMs = ms(t);
  mark('bench: index in');
  await reading.complete;
  pool.dispose();
  if (reopened.built !== 0) throw new Error('the reopened index did not come from the cache');
  process.stdout.write(`##reopen ${JSON.stringify({ reopenParseMs, reopenIndexMs })}\n`);
}

export async function runScale(argv: string[]): Promise<void> {
  const reopenAt = argv.indexOf('--reopen');
  if (reopenAt >= 0) {
    const keepAlive = setInterval(() => undefined, 1000);
    await reopen(argv[reopenAt + 1], argv[reopenAt + 2]);
    clearInterval(keepAlive);
    return;
  }
  const child = argv.indexOf('--size');
  if (child >= 0) {
    // The client unrefs its worker (it must not keep an editor alive); here something must.
    const keepAlive = setInterval(() => undefined, 1000);
    const settleAt = argv.indexOf('--settle');
    const result = await measure(Number(argv[child + 1]), settleAt >= 0 ? Number(argv[settleAt + 1]) || 0 : 0);
    clearInterval(keepAlive);
    process.stdout.write(`##result ${JSON.stringify(result)}\n`);
    return;
  }
  if (!fs.existsSync(WORKER)) throw new Error('dist/corpusWorker.js is missing: run npm run build first');
  const only = argv.indexOf('--only');
  const sizes = only >= 0 ? [Number(argv[only + 1])] : argv.includes('--100k') ? [1000, 10000, 100000] : [1000, 10000];
  // --settle MS: wait this long after the reopen before the query mix (to see whether work left running on the workers weighs on it).
  const settleArgs = argv.includes('--settle') ? ['--settle', argv[argv.indexOf('--settle') + 1]] : [];
  const repeatAt = argv.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Math.max(1, Number(argv[repeatAt + 1]) || 1) : 1;
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const runs: SizeResult[] = [];
    for (let run = 0; run < repeat; run++) {
      process.stderr.write(
        `bench: ${size.toLocaleString('en')} articles${repeat > 1 ? `, run ${run + 1} of ${repeat}` : ''}…\n`,
      );
      // The timeline's marks (a few hundred lines) on the child's stderr: the view ready's phases.
      const out = spawnSync(
        process.execPath,
        ['--expose-gc', '--max-old-space-size=6144', __filename, '--size', String(size), ...settleArgs],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, CORPUS_TIMELINE: '1' },
        },
      );
      passOn(out.stderr);
      const line = out.stdout.split('\n').find((l) => l.startsWith('##result '));
      if (out.status !== 0 || !line) throw new Error(`no result for ${size}`);
      const result: SizeResult = JSON.parse(line.slice('##result '.length));
      runs.push({ ...result, viewPhases: phasesOf(out.stderr, 'bench: view ready') });
    }
    results.push(medianOf(runs));
  }
  const dir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'scale.json'),
    JSON.stringify(
      { machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version }, results },
      null,
      2,
    ),
  );
  report(results);
}

if (require.main === module) {
  runScale(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
