import * as fs from 'node:fs';

/**
 * Bytes [start, end) of a file, read off the calling thread in as few reads as the system allows
 * (one, for a file in the page cache), the first asked for at once. `fs.promises.readFile` opens,
 * stats and reads 512 KB at a time, each step waiting for the thread to be free: a 136 MB index
 * file read while the thread makes its articles would not move until they are made. The file is
 * opened here and now (a stat's time), so the read starts before this returns.
 */
export function readRange(filePath: string, start: number, end?: number): Promise<Buffer> {
  let fd: number;
  let length: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (error) {
    return Promise.reject(error);
  }
  try {
    length = Math.max(0, (end ?? fs.fstatSync(fd).size) - start);
  } catch (error) {
    fs.closeSync(fd);
    return Promise.reject(error);
  }
  const bytes = Buffer.allocUnsafe(length);
  return new Promise<Buffer>((resolve, reject) => {
    const next = (at: number) => {
      if (at >= length) return resolve(bytes);
      fs.read(fd, bytes, at, length - at, start + at, (error, bytesRead) => {
        if (error) reject(error);
        else if (!bytesRead) resolve(bytes.subarray(0, at));
        else next(at + bytesRead);
      });
    };
    next(0);
  }).finally(() => fs.closeSync(fd));
}

/** A whole file, read as readRange reads (its size when opened: a file that grows is read as it was). */
export const readWhole = (filePath: string): Promise<Buffer> => readRange(filePath, 0);
