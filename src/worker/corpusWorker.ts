import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parentPort } from 'worker_threads';
import { readDumpBytes } from '../core/dump/decode';
import { parseDump } from '../core/dump/reader';
import type { Dump } from '../core/dump/types';
import { SearchEngine } from '../core/search/engine';
import { deserializeTermIndex, serializeTermIndex, TermIndexBuilder, type TermIndex } from '../core/search/termIndex';
import type { IndexSource, WorkerRequest, WorkerResponse, WorkerResult } from './protocol';

// Everything heavy happens here, off the extension host's main thread: reading, parsing and
// indexing dumps, and answering searches. The texts stay here, so a dump is read once.
const port = parentPort;
const held = new Map<string, { version: string; text: string; dump: Dump; index?: TermIndex }>();
const engine = new SearchEngine();
const cancelled = new Set<number>();
const BATCH = 500;
/** Smaller dumps index faster than their cache file reads and hashes. */
const CACHE_MIN_CHARS = 2_000_000;

class Cancelled extends Error {}

const reply = (response: WorkerResponse) => port?.postMessage(response);
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function hold(key: string | undefined, version: string | undefined, text: string, dump: Dump): void {
  if (key === undefined || version === undefined) return;
  const previous = held.get(key);
  if (previous?.version === version) return;
  held.set(key, { version, text, dump });
  engine.delete(key);
}

function parseFile(filePath: string) {
  return readDumpBytes(fs.readFileSync(filePath));
}

async function index(id: number, sources: IndexSource[], cacheDir: string | undefined): Promise<WorkerResult> {
  const wanted = new Set(sources.map((s) => s.key));
  for (const key of [...held.keys()]) if (!wanted.has(key)) { held.delete(key); engine.delete(key); }
  for (const s of sources) {
    if (held.get(s.key)?.version === s.version) continue;
    if (s.text !== undefined) hold(s.key, s.version, s.text, parseDump(s.text));
    else if (s.path !== undefined) { const r = parseFile(s.path); hold(s.key, s.version, r.text, r.dump); }
    else throw new Error(`No text for ${s.key}`);
  }
  const todo = sources.map((s) => held.get(s.key)!).filter((h) => !h.index);
  const total = todo.reduce((n, h) => n + h.dump.articles.length, 0) || 1;
  let done = 0;
  let fromCache = 0;
  for (const s of sources) {
    const h = held.get(s.key)!;
    if (h.index) { if (!engine.has(s.key)) engine.set(s.key, h.text, h.dump, h.index); continue; }
    const cacheFile = cacheDir && h.text.length >= CACHE_MIN_CHARS && path.join(cacheDir, `${createHash('sha1').update(h.text).digest('hex')}.idx`);
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
  return { kind: 'index', summary: { dumps: sources.length, articles: engine.articleCount, fromCache, built: todo.length - fromCache } };
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
    const entries = fs.readdirSync(dir).filter((f) => f.endsWith('.idx'))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const old of entries.slice(8)) fs.rmSync(path.join(dir, old.f), { force: true });
  } catch {
    // A cache that cannot be written costs a rebuild next time, nothing else.
  }
}

async function handle(request: WorkerRequest): Promise<WorkerResult | undefined> {
  switch (request.kind) {
    case 'cancel': cancelled.add(request.target); return undefined;
    case 'parseText': {
      const dump = parseDump(request.text);
      hold(request.key, request.version, request.text, dump);
      return { kind: 'dump', dump };
    }
    case 'parseFile': {
      reply({ id: request.id, progress: 0.1 });
      const { text, dump } = parseFile(request.path);
      hold(request.key, request.version, text, dump);
      return { kind: 'dump', dump };
    }
    case 'index': return index(request.id, request.dumps, request.cacheDir);
    case 'query': return { kind: 'hits', hits: engine.query(request.query, request.limit) };
    case 'concordance': return { kind: 'concordance', ...engine.concordance(request.query, request.max) };
  }
}

port?.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (result) => { if (result) reply({ id: request.id, ok: true, result }); },
    (error) => reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error), cancelled: error instanceof Cancelled }),
  ).finally(() => cancelled.delete(request.id));
});
