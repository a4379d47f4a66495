import * as fs from 'fs';
import { parentPort } from 'worker_threads';
import { readDumpBytes } from '../core/dump/decode';
import { parseDump } from '../core/dump/reader';
import type { WorkerRequest, WorkerResponse } from './protocol';

// Runs off the extension host's main thread: reading a large dump must never freeze the editor.
const port = parentPort;
port?.on('message', (request: WorkerRequest) => {
  const reply = (response: WorkerResponse) => port.postMessage(response);
  try {
    if (request.kind === 'parseText') {
      reply({ id: request.id, ok: true, dump: parseDump(request.text) });
    } else {
      const bytes = fs.readFileSync(request.path);
      reply({ id: request.id, progress: 0.3 });
      reply({ id: request.id, ok: true, dump: readDumpBytes(bytes).dump });
    }
  } catch (error) {
    reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
