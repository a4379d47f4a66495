// Times every gap in the main thread's event loop over a threshold, each with a mark of what ran:
// the request under way (set by the bench) and the worker messages that arrived in the gap, with
// their kind and how long their handlers took (a gap much longer than its handlers was spent
// before them: deserialising the message). monitorEventLoopDelay gives only the longest gap; this
// says where each long one was.
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface Stall {
  /** The gap beyond the timer's period, in ms. */
  readonly ms: number;
  /** The request the bench had marked when the gap ended. */
  readonly during: string;
  /** Worker messages handled in the gap: kind, reply kind and handler time. */
  readonly messages: string[];
  /**
   * Where the main thread was in the gap (Linux: /proc schedstat, in ns): `cpuMs` running, `queuedMs`
   * runnable but waiting for a core. A long gap of neither: blocked, not busy nor crowded out.
   */
  readonly cpuMs?: number;
  readonly queuedMs?: number;
}

/** This (main) thread's time on a core and waiting for one, in ms, from /proc; undefined elsewhere. */
function threadTimes(): [number, number] | undefined {
  try {
    const [run, wait] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [run / 1e6, wait / 1e6];
  } catch {
    return undefined;
  }
}

const PERIOD_MS = 5;

export class StallProbe {
  readonly stalls: Stall[] = [];
  private during = 'idle';
  private messages: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly emit = Worker.prototype.emit;

  constructor(private readonly thresholdMs = 30) {}

  start(): void {
    const probe = this;
    const emit = this.emit;
    // Each worker 'message' event's handler time, and what the message was.
    Worker.prototype.emit = function (this: Worker, event: string | symbol, ...args: unknown[]) {
      if (event !== 'message') return emit.call(this, event, ...args);
      const t = performance.now();
      const done = emit.call(this, event, ...args);
      const m = args[0] as { progress?: number; result?: { kind?: string } } | undefined;
      const what = m?.progress !== undefined ? 'progress' : (m?.result?.kind ?? '?');
      probe.messages.push(`${what} ${(performance.now() - t).toFixed(1)} ms`);
      return done;
    } as typeof emit;
    let last = performance.now();
    let lastTimes = threadTimes();
    this.timer = setInterval(() => {
      const t = performance.now();
      const times = threadTimes();
      const gap = t - last - PERIOD_MS;
      if (gap > this.thresholdMs)
        this.stalls.push({
          ms: gap,
          during: this.during,
          messages: this.messages,
          cpuMs: times && lastTimes && times[0] - lastTimes[0],
          queuedMs: times && lastTimes && times[1] - lastTimes[1],
        });
      this.messages = [];
      last = t;
      lastTimes = times;
    }, PERIOD_MS);
  }

  /** Names what the main thread is waiting for from now on. */
  mark(during: string): void {
    this.during = during;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    Worker.prototype.emit = this.emit;
  }

  /** One line a stall, longest first. */
  report(): string[] {
    return [...this.stalls]
      .sort((a, b) => b.ms - a.ms)
      .map(
        (s) =>
          `${s.ms.toFixed(0)} ms during ${s.during}${s.cpuMs === undefined ? '' : ` (main thread running ${s.cpuMs.toFixed(0)} ms, waiting for a core ${s.queuedMs?.toFixed(0)} ms)`}: ${s.messages.join(', ') || 'no worker message'}`,
      );
  }
}
