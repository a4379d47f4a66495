import { createHash, webcrypto } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { readDumpBytes } from '../core/dump/decode';
import { parseDump } from '../core/dump/reader';
import { readPart } from '../core/dump/parts';
import { entityCard, prepareCards } from '../core/entities/card';
import {
  CandidateFinder,
  type EntityIndex,
  entitiesOfCandidates,
  mentionAt,
  type PartCandidates,
} from '../core/entities/extract';
import type { Gazetteer } from '../core/entities/gazetteer';
import { listEntities } from '../core/entities/listing';
import { PartExtraction } from '../core/entities/partExtraction';
import { spansOf } from '../core/entities/spans';
import type { Dump } from '../core/dump/types';
import { SearchEngine } from '../core/search/engine';
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
import { statsOf } from './statsHandler';

// Everything heavy happens here, off the extension host's main thread: reading, parsing and
// indexing dumps, and answering searches. The texts stay here, so a dump is read once.
const port = parentPort;
/** Held texts by key: a dump read whole, or one part of a large dump (answers stay local to the part). */
const held = new Map<
  string,
  {
    version: string;
    text: string;
    dump: Dump;
    index?: TermIndex;
    hash?: Promise<string>;
    /** The entities found in this text (its mentions stay here), and a split dump's part between steps. */
    entities?: EntityIndex;
    extraction?: PartExtraction;
  }
>();
const engine = new SearchEngine();
const cancelled = new Set<number>();
const BATCH = 500;
/** Smaller dumps index faster than their cache file reads and hashes. */
const CACHE_MIN_CHARS = 2_000_000;

class Cancelled extends Error {}

const reply = (response: WorkerResponse) => port?.postMessage(response);
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Keeps a dump's text and reading. `bytes`, when the text came from a file, are hashed for the
 * index cache on the thread pool (WebCrypto), while this thread decodes and parses.
 */
function hold(
  key: string | undefined,
  version: string | undefined,
  text: string,
  dump: Dump,
  bytes?: Uint8Array,
): void {
  if (key === undefined || version === undefined) return;
  const previous = held.get(key);
  if (previous?.version === version) return;
  const hash = bytes ? webcrypto.subtle.digest('SHA-1', bytes).then((d) => Buffer.from(d).toString('hex')) : undefined;
  hash?.catch(() => undefined);
  held.set(key, { version, text, dump, hash });
  engine.delete(key);
}

function parseFile(filePath: string) {
  const bytes = fs.readFileSync(filePath);
  return { ...readDumpBytes(bytes), bytes };
}

/** The cache key of a held text: the hash of its file's bytes, or of the text itself. */
function contentHash(h: { text: string; hash?: Promise<string> }): Promise<string> {
  return h.hash ?? Promise.resolve(createHash('sha1').update(h.text).digest('hex'));
}

async function index(id: number, sources: IndexSource[], cacheDir: string | undefined): Promise<Replies['index']> {
  const wanted = new Set(sources.map((s) => s.key));
  for (const key of [...held.keys()])
    if (!wanted.has(key)) {
      held.delete(key);
      engine.delete(key);
    }
  for (const s of sources) {
    if (held.get(s.key)?.version === s.version) continue;
    if (s.text !== undefined) hold(s.key, s.version, s.text, parseDump(s.text));
    else if (s.path !== undefined) {
      const r = parseFile(s.path);
      hold(s.key, s.version, r.text, r.dump, r.bytes);
    } else throw new Error(`No text for ${s.key}`);
  }
  const todo = sources.map((s) => held.get(s.key)!).filter((h) => !h.index);
  const total = todo.reduce((n, h) => n + h.dump.articles.length, 0) || 1;
  let done = 0;
  let fromCache = 0;
  for (const s of sources) {
    const h = held.get(s.key)!;
    if (h.index) {
      if (!engine.has(s.key)) engine.set(s.key, h.text, h.dump, h.index);
      continue;
    }
    const cacheFile =
      cacheDir && h.text.length >= CACHE_MIN_CHARS ? path.join(cacheDir, `${await contentHash(h)}.idx`) : undefined;
    let built = cacheFile ? readCache(cacheFile, h.dump) : undefined;
    if (built) {
      fromCache++;
    } else {
      const builder = new TermIndexBuilder(h.text, h.dump);
      while (builder.addNext(BATCH) > 0) {
        reply({ id, progress: (done + builder.done) / total, message: s.key });
        await yieldTurn();
        if (cancelled.has(id)) throw new Cancelled();
      }
      built = builder.finish();
      if (cacheFile) writeCache(cacheFile, built);
    }
    done += h.dump.articles.length;
    h.index = built;
    engine.set(s.key, h.text, h.dump, built);
    reply({ id, progress: done / total, message: s.key });
  }
  return {
    kind: 'index',
    summary: { dumps: sources.length, articles: engine.articleCount, fromCache, built: todo.length - fromCache },
  };
}

function readCache(file: string, dump: Dump): TermIndex | undefined {
  try {
    const index = deserializeTermIndex(fs.readFileSync(file));
    return index && index.articleCount === dump.articles.length ? index : undefined;
  } catch {
    return undefined;
  }
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

const CHUNK = 5000;

/** A reading to send: its articles go ahead in chunks, each quick for the extension host to take in. */
function dumpResult(id: number, dump: Dump): Replies['parseText'] {
  if (dump.articles.length <= CHUNK) return { kind: 'dump', dump };
  for (let i = 0; i < dump.articles.length; i += CHUNK)
    port?.postMessage({ id, chunk: dump.articles.slice(i, i + CHUNK) } satisfies WorkerResponse);
  return { kind: 'dump', dump: { ...dump, articles: [] }, chunked: true };
}

/** The reply to a request, typed by its kind: a reply of the wrong kind does not compile. */
const answer = <K extends RequestKind>(_request: RequestOf<K>, result: Replies[K] | Promise<Replies[K]>) => result;

async function handle(request: WorkerRequest): Promise<WorkerResult | undefined> {
  switch (request.kind) {
    case 'cancel':
      cancelled.add(request.target);
      return undefined;
    case 'parseText': {
      const dump = parseDump(request.text);
      hold(request.key, request.version, request.text, dump);
      return answer(request, dumpResult(request.id, dump));
    }
    case 'loadPart': {
      const fd = fs.openSync(request.path, 'r');
      const bytes = Buffer.alloc(request.end - request.start);
      try {
        fs.readSync(fd, bytes, 0, bytes.length, request.start);
      } finally {
        fs.closeSync(fd);
      }
      const { text, dump } = readPart(bytes, request.last);
      hold(request.key, request.version, text, dump, bytes);
      const reading = dumpResult(request.id, dump);
      return answer(request, { ...reading, kind: 'part', textLength: text.length });
    }
    case 'parseFile': {
      reply({ id: request.id, progress: 0.1 });
      const { text, dump, bytes } = parseFile(request.path);
      hold(request.key, request.version, text, dump, bytes);
      return answer(request, dumpResult(request.id, dump));
    }
    case 'index':
      return answer(request, index(request.id, request.dumps, request.cacheDir));
    case 'query':
      return answer(request, { kind: 'hits', hits: engine.query(request.query, request.limit) });
    case 'concordance': {
      const { lines, truncated } = engine.concordance(request.query, request.max);
      return answer(request, { kind: 'concordance', lines, truncated });
    }
    case 'stats':
      reply({ id: request.id, progress: 0 });
      await yieldTurn();
      if (cancelled.has(request.id)) throw new Cancelled();
      return answer(request, { kind: 'stats', reply: statsOf(held.get(request.key), request.key, request.request) });
    case 'slice': {
      const h = held.get(request.key);
      if (!h) throw new Error(`The worker no longer holds ${request.key}`);
      return answer(request, { kind: 'slice', text: h.text.slice(request.start, request.end) });
    }
    case 'entities': {
      let h = held.get(request.key);
      if (h?.version !== request.version) {
        if (request.text !== undefined) hold(request.key, request.version, request.text, parseDump(request.text));
        else if (request.path !== undefined) {
          const r = parseFile(request.path);
          hold(request.key, request.version, r.text, r.dump, r.bytes);
        } else throw new Error(`The worker no longer holds ${request.key}`);
        h = held.get(request.key)!;
      }
      const found = await findCandidates(request.id, h.text, h.dump, request.gazetteer);
      const index = entitiesOfCandidates(h.text, found, request.gazetteer);
      h.entities = index;
      // What every card needs, once, after the reply: the first hover then costs what any other does.
      setImmediate(() => prepareCards(index, h.dump));
      return answer(request, { kind: 'entities', listing: listEntities(index) });
    }
    case 'entityStep':
      return answer(request, entityStep(request.id, request.key, request.step));
    case 'entitySpans':
      return answer(request, { kind: 'spans', spans: spansOf(heldEntities(request.key).mentions) });
    case 'entityRefs': {
      const index = heldEntities(request.key);
      const at = mentionAt(index, request.offset);
      return answer(request, {
        kind: 'spans',
        spans: spansOf(at ? index.mentions.filter((m) => m.entity === at.entity) : []),
      });
    }
    case 'entityCard': {
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
  const finder = new CandidateFinder(text, dump, gazetteer);
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
    h.extraction = new PartExtraction(h.text, found, step.gazetteer);
    return { kind: 'entityStep', votes: h.extraction.votes() };
  }
  const part = h.extraction;
  if (!part) throw new Error(`No entity steps under way for ${key}`);
  if (step.step === 'applyVotes') return { kind: 'entityStep', firstNames: part.applyVotes(step.corpus) };
  if (step.step === 'keyPeople') return { kind: 'entityStep', tails: part.keyPeople(step.firstNames) };
  h.extraction = undefined;
  // Only a dump held whole answers cards and spans (an open document): a part keeps nothing but gives its listing.
  return { kind: 'entityStep', listing: listEntities(part.finish(step.tails)) };
}

port?.on('message', (request: WorkerRequest) => {
  handle(request)
    .then(
      (result) => {
        if (result) reply({ id: request.id, ok: true, result });
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
