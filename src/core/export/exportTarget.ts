import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Whether writing an export to `target` could overwrite a corpus dump, by its real path (`.`,
 * `..` and symbolic links resolved; a file that does not exist yet by its directory's real path)
 * against the real paths of the dumps the extension knows, and by content: an existing file whose
 * first bytes hold a marker line is a dump whatever its name. Returns the reason, or undefined.
 */
export async function dumpAtTarget(
  target: string,
  knownDumps: readonly string[],
): Promise<'known-dump' | 'dump-content' | undefined> {
  const real = await realTarget(target);
  const known = await Promise.all(knownDumps.map((d) => realTarget(d).catch(() => path.resolve(d))));
  if (known.some((k) => samePath(k, real))) return 'known-dump';
  if (await startsLikeDump(real)) return 'dump-content';
  return undefined;
}

/** The real path a write to `file` lands on. */
export async function realTarget(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await fs.promises.realpath(absolute);
  } catch {
    // Not there yet (or a dangling link): where it would be created.
    let dir = path.dirname(absolute);
    try {
      dir = await fs.promises.realpath(dir);
    } catch {
      // The directory is missing too: the write will fail on its own.
    }
    const link = await fs.promises.readlink(absolute).catch(() => undefined);
    return link === undefined ? path.join(dir, path.basename(absolute)) : path.resolve(dir, link);
  }
}

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** Whether the file's first 4 KB hold a marker line. */
export async function startsLikeDump(file: string): Promise<boolean> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'r');
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return looksLikeDump(buffer.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** The dump format's signature in a file's first bytes: a marker line (after a preamble, if any). */
export function looksLikeDump(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  return /(?:^|[\r\n])<<<FILE(?:>>>|:|\s)/.test(text);
}
