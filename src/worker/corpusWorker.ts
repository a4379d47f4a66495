import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { packArticles } from '../core/dump/articleTable';
import { parseDump } from '../core/dump/reader';
import { simdBytes } from '../core/dump/simdCount';
import type { EntityIndex, PartCandidates } from '../core/entities/extract';
import type { Gazetteer } from '../core/entities/gazetteer';
import type { PackedListing } from '../core/entities/packedListing';
import type { Dump } from '../core/dump/types';
import { SearchEngine } from '../core/search/engine';
import { updateTermIndex } from '../core/search/indexUpdate';
import { deserializeTermIndex, serializeTermIndex, TermIndexBuilder, type TermIndex } from '../core/search/termIndex';
import type {
  EntityStep,
  IndexSource,
  Replies,
  RequestKind,
  RequestOf,
  WorkerRequest,
  WorkerResponse,
  WorkerResult,
} from './protocol';
import { partialBuffers } from '../core/stats/articleShares';
import { forgetJoined, statsFinishOf, statsJoin, statsOf, statsPart, statsPartialOf } from './statsHandler';
import { HeldDump, type PartFile } from './heldDump';
import { CACHE_MIN_CHARS, dropReading, loadReading, readingKey, saveReading } from './readingCache';
import { readRange, readWhole } from './fileBytes';
import { mark } from './timeline';
import type * as WorkerEntities from './workerEntities';

mark('worker: script loaded');

// Everything heavy happens here, off the extension host's main thread: reading, parsing and
// indexing dumps, and answering searches. The texts stay here, so a dump is read once.
const port = parentPort;
/** Held texts by key: a dump read whole, or one part of a large dump (answers stay local to the part). */
const held = new Map<string, HeldDump>();
const engine = new SearchEngine();
const cancelled = new Set<number>();
const BATCH = 500;

class Cancelled extends Error {}

const reply = (response: WorkerResponse, transfer?: ArrayBuffer[]) => port?.postMessage(response, transfer);
/** Buffers a result hands over rather than copies (a part's words for the statistics). */
const transfers = new WeakMap<object, ArrayBuffer[]>();
/** A full collection, so a memory figure is what is held rather than what is not yet collected. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let entityModule: typeof WorkerEntities | undefined;
/**
 * The entity code (./workerEntities), loaded on the first entity request rather than with this
 * script: its lexicons were ~60 of the ~100 ms of CPU a worker took to start. Beside this file both
 * in dist/ (its own bundle) and in out/ (tsc), so one path serves both.
 */
function entityCode(): typeof WorkerEntities {
  entityModule ??= require(path.join(__dirname, 'workerEntities.js')) as typeof WorkerEntities;
  return entityModule;
}

/** Keeps a dump's text and reading (replacing an older version), and returns what is held. */
function hold(key: string | undefined, version: string | undefined, dump: HeldDump): HeldDump {
  if (key === undefined || version === undefined) return dump;
  const previous = held.get(key);
  if (previous?.version === version) return previous;
  // An edit re-indexes from the last indexed version (kept while this one is not indexed).
  const previousIndex = previous?.index ?? previous?.previous?.index;
  const base = previous?.index ? previous : previous?.previous;
  if (base && previousIndex) dump.previous = { text: base.text, dump: base.dump, index: previousIndex };
  held.set(key, dump);
  engine.delete(key);
  forgetJoined(key);
  return dump;
}

/**
 * Bytes [start, end) of a file, or all of it. A part to be read (`counted`) goes where the byte
 * reader counts its offsets without copying it (simdBytes).
 */
function readBytes(filePath: string, start?: number, end?: number, counted = false): Buffer {
  if (start === undefined || end === undefined) return fs.readFileSync(filePath);
  const fd = fs.openSync(filePath, 'r');
  try {
    const bytes = counted ? simdBytes(end - start) : Buffer.alloc(end - start);
    fs.readSync(fd, bytes, 0, bytes.length, start);
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}

/** Bytes [start, end) of a file read by ranges, or whole off this thread (the cache check's read). */
function partFile(filePath: string, start: number, end: number): PartFile {
  return {
    length: end - start,
    read: (from, to) => readBytes(filePath, start + from, start + Math.min(to, end - start)),
    readAll: () => readRange(filePath, start, end),
  };
}

/**
 * What a fresh reading does once the extension host has its view's articles (its `dates`
 * request, which the pool sends then, is answered): the bytes hashed on the thread pool (the
 * index cache's key) and the reading cached. Not before: on 2 cores, a worker hashing while the
 * host unpacks the articles slows the view. (The text is decoded after an index is built from the
 * bytes, or on demand: see `index`.)
 */
const afterView = new WeakMap<HeldDump, () => void>();

/**
 * A file (or a part of one) read from its bytes, or its reading from the cache (`cacheDir`) when
 * the file's size, time and sampled bytes are the cached ones; a fresh reading's later work (hash,
 * reading cache) waits for its `dates` request (afterView). The whole text is not decoded then: the
 * index is built from the bytes and decodes it once built (see `index`), statistics and entities
 * when they need it.
 */
function readFile(
  version: string,
  filePath: string,
  part?: { start: number; end: number; last: boolean },
  options: { cacheDir?: string } = {},
): HeldDump {
  const start = part?.start ?? 0;
  const end = part?.end ?? fs.statSync(filePath).size;
  const { cacheDir } = options;
  const key = cacheDir && end - start >= CACHE_MIN_CHARS ? readingKey(filePath, start, end) : undefined;
  if (key) mark('worker: reading key made');
  const cached = key ? loadReading(cacheDir!, key) : undefined;
  if (key) mark(cached ? 'worker: cached reading loaded' : 'worker: no cached reading');
  if (cached) {
    const h = HeldDump.fromCache(version, cached, partFile(filePath, start, end));
    // Its text stays in the bytes: searches decode the ranges they show, statistics and entities the whole.
    // Once the host has its view: the cached index read and loaded, and only then the bytes read and hashed to
    // check. The articles are made after the index is answered (when first read: see HeldDump).
    // The cached index (136 MB a part at 100,000 articles) is read when the host asks for the dates or the
    // index, which it does once its view has the articles: read at once, its copy out of the page cache ran on
    // both cores while the host made the view's articles, and the host waited 104-168 ms for a core (the view
    // in 316-337 ms; deferred, 211-260 ms, with the view and the index in as soon as before).
    const file = path.join(cacheDir!, `${cached.hash}.idx`);
    let started: ReturnType<typeof prefetchIndex> | undefined;
    const prefetched = {
      file,
      get index() {
        if (!started) {
          started = prefetchIndex(file, cached.table.count);
          void started.index.finally(() => h.checkSoon());
        }
        return started.index;
      },
    };
    h.cachedIndex = prefetched;
    setTimeout(() => {
      if (h.cachedIndex === prefetched) h.cachedIndex = undefined;
    }, UNCLAIMED_INDEX_MS).unref();
    // Read anyway if the host does not ask soon, so the reading is still checked against the file (checkable).
    setTimeout(() => void prefetched.index, UNASKED_INDEX_MS).unref();
    void h.checkable.then(() => {
      mark('worker: check starts');
      return h.verify().then(
        (same) => same || dropReading(cacheDir!, key!),
        () => dropReading(cacheDir!, key!),
      );
    });
    return h;
  }
  const bytes = readBytes(filePath, part?.start, part?.end, true);
  mark('worker: bytes read');
  const h = HeldDump.fromBytes(version, bytes, part?.last ?? true);
  mark('worker: articles read into the table');
  afterView.set(h, () => {
    if (key)
      h.hash.then(
        (hash) =>
          saveReading(cacheDir!, key, {
            hash,
            textLength: h.textLength,
            rest: h.rest,
            table: h.completeTable(),
          }),
        () => undefined,
      );
  });
  return h;
}

/** A prefetched index nobody asked for (search off) is let go after this long: it is as large as the text. */
const UNCLAIMED_INDEX_MS = 60_000;
/** How long a reopened part's cached index waits for the host's dates or index request before it is read anyway. */
const UNASKED_INDEX_MS = 1000;

/** A cached index file read off this thread (in one read: see readWhole), then loaded: undefined when there is none or it does not fit. */
function prefetchIndex(file: string, articles: number): { file: string; index: Promise<TermIndex | undefined> } {
  const index = readWhole(file)
    .then((bytes) => {
      mark('worker: index file read');
      const index = indexOfBytes(bytes, articles);
      mark('worker: index loaded');
      return index;
    })
    .catch(() => undefined);
  return { file, index };
}

/** The cached index in `file`: the one prefetched when the reading came from the cache, else read now. */
async function loadCachedIndex(h: HeldDump, file: string): Promise<TermIndex | undefined> {
  const prefetched = h.cachedIndex;
  h.cachedIndex = undefined;
  if (prefetched?.file === file) return prefetched.index;
  return readCache(file, h.articleCount);
}

/** Lets go of a held dump: its reading, its index and its joined statistics words. */
function release(key: string): void {
  held.delete(key);
  engine.delete(key);
  forgetJoined(key);
}

const fromText = (version: string, text: string) => HeldDump.fromText(version, text, parseDump(text));

async function index(id: number, sources: IndexSource[], cacheDir: string | undefined): Promise<Replies['index']> {
  const wanted = new Set(sources.map((s) => s.key));
  for (const key of [...held.keys()]) if (!wanted.has(key)) release(key);
  for (const s of sources) {
    if (held.get(s.key)?.version === s.version) continue;
    if (s.text !== undefined) hold(s.key, s.version, fromText(s.version, s.text));
    else if (s.path !== undefined) hold(s.key, s.version, readFile(s.version, s.path));
    else throw new Error(`No text for ${s.key}`);
  }
  const todo = sources.map((s) => held.get(s.key)!).filter((h) => !h.index);
  const total = todo.reduce((n, h) => n + h.articleCount, 0) || 1;
  let done = 0;
  let fromCache = 0;
  let updated = 0;
  const fresh: string[] = [];
  const builtFromBytes: [string, HeldDump][] = [];
  for (const s of sources) {
    const h = held.get(s.key)!;
    if (h.index) {
      if (!engine.has(s.key)) engine.set(s.key, h.textSource, h.dump, h.index);
      continue;
    }
    // An edit of a dump indexed before: only the articles it touched are indexed again.
    let built = h.previous ? reindex(h.previous, h.text, h.dump) : undefined;
    h.previous = undefined;
    const cacheFile =
      !built && cacheDir && h.textLength >= CACHE_MIN_CHARS ? path.join(cacheDir, `${await h.hash}.idx`) : undefined;
    if (built) updated++;
    else if (cacheFile && (built = await loadCachedIndex(h, cacheFile))) fromCache++;
    if (!built) {
      const bytes = h.dumpBytes;
      if (bytes) builtFromBytes.push([s.key, h]);
      const builder = new TermIndexBuilder(bytes ?? h.text, h.dump);
      while (builder.addNext(BATCH) > 0) {
        reply({ id, progress: (done + builder.done) / total, message: s.key });
        await yieldTurn();
        if (cancelled.has(id)) throw new Cancelled();
      }
      built = builder.finish();
      if (cacheFile) writeCache(cacheFile, built);
    }
    done += h.articleCount;
    h.index = built;
    // From the cache, the text may still be in its bytes: the engine reads the ranges it shows.
    engine.set(s.key, h.textSource, h.dump, built);
    fresh.push(s.key);
    reply({ id, progress: done / total, message: s.key });
  }
  mark('worker: index in');
  // Once the reply is sent, before the next request is read: each query path compiled on this index;
  // then a cached reading's check (150 MB read and hashed) may start, not before, so neither waits for it.
  setImmediate(() => {
    try {
      for (const key of fresh) engine.warmUp(key);
      mark('worker: warmed up');
    } catch {
      // Only a head start: a query that fails here fails for the person too, with its error.
    } finally {
      for (const key of fresh) held.get(key)?.indexed();
    }
    // Then the text of an index built from the bytes is decoded, as the index no longer waits for:
    // a query slicing the decoded text is faster than one decoding its hits' bytes (p95 about half).
    void decodeInSteps(builtFromBytes);
  });
  return {
    kind: 'index',
    summary: {
      dumps: sources.length,
      articles: engine.articleCount,
      fromCache,
      updated,
      built: todo.length - fromCache - updated,
    },
  };
}

/** When the last request came, and how long without one counts as a pause for the decode below. */
let lastRequestAt = 0;
const QUIET_MS = 30;

/**
 * Texts decoded a piece at a time (`HeldDump.decodeStep`, ~1 MB), a turn of the event loop each, so
 * that a query sent meanwhile waits for one piece, not for the whole 150 MB of a part (1–3 s); a
 * dump no longer held is left alone.
 */
async function decodeInSteps(dumps: readonly [string, HeldDump][]): Promise<void> {
  for (const [key, h] of dumps) {
    try {
      while (held.get(key) === h) {
        // Queries first (a person typing sends one a keystroke): a piece waits for a pause in the requests.
        while (performance.now() - lastRequestAt < QUIET_MS)
          await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
        if (!h.decodeStep()) break;
        await yieldTurn();
      }
    } catch {
      // A head start too: what needs the text decodes it then, and says why it cannot.
    }
  }
}

/** The index of an edited text from its previous version's, or undefined when a build is the better way. */
function reindex(previous: { text: string; dump: Dump; index: TermIndex }, text: string, dump: Dump) {
  try {
    return updateTermIndex(previous.index, previous.text, previous.dump, text, dump);
  } catch {
    return undefined;
  }
}

function readCache(file: string, articles: number): TermIndex | undefined {
  try {
    return indexOfBytes(fs.readFileSync(file), articles);
  } catch {
    return undefined;
  }
}

function indexOfBytes(bytes: Uint8Array, articles: number): TermIndex | undefined {
  const index = deserializeTermIndex(bytes, { adopt: true });
  return index && index.articleCount === articles ? index : undefined;
}

/** Writes the cache atomically and keeps only the most recent few, so storage does not grow without end. */
function writeCache(file: string, index: TermIndex): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, serializeTermIndex(index));
    fs.renameSync(tmp, file);
    const dir = path.dirname(file);
    const entries = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.idx'))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const old of entries.slice(8)) fs.rmSync(path.join(dir, old.f), { force: true });
  } catch {
    // A cache that cannot be written costs a rebuild next time, nothing else.
  }
}

/** A reading to send, its articles packed in a table (transferred, not cloned). */
function dumpResult(dump: Dump, pending = 0): Replies['parseText'] {
  return { kind: 'dump', dump: { ...dump, articles: [] }, table: packArticles(dump.articles), pending };
}

/** A held dump's reading as far as it is known without its text: from the cache as it came, or from the bytes. */
const earlyResult = (h: HeldDump): Replies['parseText'] => ({ kind: 'dump', ...h.early() });

/** What a reply hands over rather than copies: an article table's buffer. */
const transferOf = (result: WorkerResult): ArrayBuffer[] =>
  (result.kind === 'dump' || result.kind === 'part') && result.table
    ? [result.table.numbers.buffer as ArrayBuffer]
    : [];

/** The reply to a request, typed by its kind: a reply of the wrong kind does not compile. */
const answer = <K extends RequestKind>(_request: RequestOf<K>, result: Replies[K] | Promise<Replies[K]>) => result;

async function handle(request: WorkerRequest): Promise<WorkerResult | undefined> {
  switch (request.kind) {
    case 'cancel':
      cancelled.add(request.target);
      return undefined;
    case 'parseText': {
      const h = fromText(request.version ?? '', request.text);
      hold(request.key, request.version, h);
      return answer(request, dumpResult(h.dump));
    }
    case 'loadPart': {
      const h = readFile(request.version, request.path, request, request);
      hold(request.key, request.version, h);
      // The host read the part's cached reading itself: its 17 MB of table are not sent again.
      if (request.tableless)
        return answer(request, { kind: 'part', dump: h.rest, pending: h.pendingCount, textLength: h.textLength });
      return answer(request, { ...earlyResult(h), kind: 'part', textLength: h.textLength });
    }
    case 'parseFile': {
      reply({ id: request.id, progress: 0.1 });
      const h = hold(request.key, request.version, readFile(request.version ?? '', request.path, undefined, request));
      return answer(request, earlyResult(h));
    }
    case 'dates': {
      const h = held.get(request.key);
      if (!h) throw new Error(`The worker no longer holds ${request.key}`);
      // A cached reading of a file that has changed since: the pool reads it afresh. (Checked once its index is in: `checkable`.)
      void h.cachedIndex?.index;
      await h.checkable;
      if (!(await h.verify())) {
        // Let go, so the fresh read the pool asks for next is held, not this one again (same key and version).
        if (held.get(request.key) === h) release(request.key);
        return answer(request, { kind: 'dates', dates: [], stale: true });
      }
      const dates = h.inferredDates;
      const later = afterView.get(h);
      afterView.delete(h);
      if (later) setImmediate(later);
      return answer(request, { kind: 'dates', dates });
    }
    case 'index':
      return answer(request, index(request.id, request.dumps, request.cacheDir));
    case 'query':
      return answer(request, { kind: 'hits', ...engine.search(request.query, request.limit) });
    case 'concordance': {
      const { lines, truncated } = engine.concordance(request.query, request.max);
      return answer(request, { kind: 'concordance', lines, truncated });
    }
    case 'stats':
      reply({ id: request.id, progress: 0 });
      await yieldTurn();
      if (cancelled.has(request.id)) throw new Cancelled();
      return answer(request, {
        kind: 'stats',
        reply: statsOf(held.get(request.key), request.key, request.request, request.share),
      });
    case 'statsPartial': {
      reply({ id: request.id, progress: 0 });
      await yieldTurn();
      if (cancelled.has(request.id)) throw new Cancelled();
      const partial = statsPartialOf(held.get(request.key), request.key, request.request, request.share);
      const result: Replies['statsPartial'] = { kind: 'statsPartial', partial };
      transfers.set(result, partialBuffers(partial));
      return answer(request, result);
    }
    case 'statsFinish':
      if (cancelled.has(request.id)) throw new Cancelled();
      return answer(request, {
        kind: 'stats',
        reply: statsFinishOf(held.get(request.key), request.key, request.request, request.partials),
      });
    case 'statsPart': {
      const { part, transfer } = statsPart(held.get(request.key), request.key, request.send, request.keep);
      const result: Replies['statsPart'] = { kind: 'statsPart', part };
      transfers.set(result, transfer);
      return answer(request, result);
    }
    case 'statsJoin':
      return answer(request, { kind: 'statsJoined', ...statsJoin(request.key, request.parts, (k) => held.get(k)) });
    case 'memory': {
      collectGarbage();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return answer(request, { kind: 'memory', heapUsed, arrayBuffers });
    }
    case 'slice': {
      const h = held.get(request.key);
      if (!h) throw new Error(`The worker no longer holds ${request.key}`);
      return answer(request, { kind: 'slice', text: h.textSource.slice(request.start, request.end) });
    }
    case 'entities': {
      let h = held.get(request.key);
      if (h?.version !== request.version) {
        if (request.text !== undefined) h = hold(request.key, request.version, fromText(request.version, request.text));
        else if (request.path !== undefined)
          h = hold(request.key, request.version, readFile(request.version, request.path));
        else throw new Error(`The worker no longer holds ${request.key}`);
      }
      const found = await findCandidates(request.id, h.text, h.dump, request.gazetteer);
      const { entitiesOfCandidates, listEntities, packListing, prepareCards } = entityCode();
      const index = entitiesOfCandidates(h.text, found, request.gazetteer);
      h.entities = index;
      // What every card needs, once, after the reply: the first hover then costs what any other does.
      setImmediate(() => prepareCards(index, h.dump));
      return answer(request, packedReply({ kind: 'entities' as const, listing: packListing(listEntities(index)) }));
    }
    case 'entityStep':
      return answer(request, entityStep(request.id, request.key, request.step));
    case 'entitySpans':
      return answer(request, { kind: 'spans', spans: entityCode().spansOf(heldEntities(request.key).mentions) });
    case 'entityRefs': {
      const { mentionAt, spansOf } = entityCode();
      const index = heldEntities(request.key);
      const at = mentionAt(index, request.offset);
      return answer(request, {
        kind: 'spans',
        spans: spansOf(at ? index.mentions.filter((m) => m.entity === at.entity) : []),
      });
    }
    case 'entityCard': {
      const { entityCard, mentionAt } = entityCode();
      const h = held.get(request.key);
      const index = heldEntities(request.key);
      const at = mentionAt(index, request.offset);
      if (!h || !at) return answer(request, { kind: 'card' });
      return answer(request, {
        kind: 'card',
        card: entityCard(h.text, h.dump, index, at),
        start: at.start,
        end: at.end,
      });
    }
  }
}

function heldEntities(key: string): EntityIndex {
  const index = held.get(key)?.entities;
  if (!index) throw new Error(`The worker holds no entities of ${key}`);
  return index;
}

/** The article passes over a held text, a batch at a time, with progress, heeding a cancel between batches. */
async function findCandidates(id: number, text: string, dump: Dump, gazetteer: Gazetteer): Promise<PartCandidates> {
  const finder = new (entityCode().CandidateFinder)(text, dump, gazetteer);
  while (finder.next(BATCH)) {
    reply({ id, progress: finder.progress });
    await yieldTurn();
    if (cancelled.has(id)) throw new Cancelled();
  }
  return finder.found;
}

/** One step of a part's entities; the part's candidates stay here between steps. */
async function entityStep(id: number, key: string, step: EntityStep): Promise<Replies['entityStep']> {
  const h = held.get(key);
  if (!h) throw new Error(`The worker no longer holds ${key}`);
  if (step.step === 'votes') {
    const found = await findCandidates(id, h.text, h.dump, step.gazetteer);
    h.extraction = new (entityCode().PartExtraction)(h.text, found, step.gazetteer, step.firstArticle);
    return { kind: 'entityStep', votes: h.extraction.votes() };
  }
  const part = h.extraction;
  if (!part) throw new Error(`No entity steps under way for ${key}`);
  if (step.step === 'applyVotes') return { kind: 'entityStep', firstNames: part.applyVotes(step.corpus) };
  if (step.step === 'keyPeople') return { kind: 'entityStep', tails: part.keyPeople(step.firstNames) };
  h.extraction = undefined;
  // Only a dump held whole answers cards and spans (an open document): a part keeps nothing but gives its listing.
  const { packListing, placeListing } = entityCode();
  return packedReply({
    kind: 'entityStep' as const,
    listing: packListing(placeListing(part.finishListing(step.tails), step.base)),
  });
}

/** A reply whose listing's refs are transferred, not cloned. */
function packedReply<R extends { listing?: PackedListing }>(reply: R): R {
  if (reply.listing) transfers.set(reply, [reply.listing.refs.buffer as ArrayBuffer]);
  return reply;
}

/** Requests not marked on the timeline: a benchmark's query mix runs hundreds, each a few ms. */
const UNMARKED = new Set<string>(['query', 'concordance']);

port?.on('message', (request: WorkerRequest) => {
  const marked = !UNMARKED.has(request.kind);
  if (marked) mark(`worker: ${request.kind} received`);
  lastRequestAt = performance.now();
  handle(request)
    .then(
      (result) => {
        if (!result) return;
        if (marked) mark(`worker: ${request.kind} answered`);
        port?.postMessage(
          { id: request.id, ok: true, result } satisfies WorkerResponse,
          transfers.get(result) ?? transferOf(result),
        );
        // A reading's table and strings are cloned in postMessage: its own phase on the timeline.
        if (result.kind === 'dump' || result.kind === 'part') mark(`worker: ${request.kind} posted`);
      },
      (error) =>
        reply({
          id: request.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
          cancelled: error instanceof Cancelled,
        }),
    )
    .finally(() => cancelled.delete(request.id));
});
