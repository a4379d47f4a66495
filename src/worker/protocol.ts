import type { Dump } from '../core/dump/types';

/** Messages between the extension host and the parse worker. */
export type WorkerRequest =
  | { id: number; kind: 'parseText'; text: string }
  | { id: number; kind: 'parseFile'; path: string };

export type WorkerResponse =
  | { id: number; ok: true; dump: Dump; progress?: undefined }
  | { id: number; ok: false; error: string; progress?: undefined }
  | { id: number; progress: number };
