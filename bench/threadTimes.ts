import * as fs from 'node:fs';

/**
 * Where a stretch of wall time went, thread by thread, from Linux's scheduler statistics
 * (`/proc/self/task/<tid>/schedstat`: ns on a CPU, ns runnable but waiting for one): which of
 * this process's threads worked (the host's main thread, the workers', V8's helpers) and how long
 * they waited for a core that other processes held, with the whole machine's busy time beside it
 * (`/proc/stat`). On another system it reads nothing and every figure is 0.
 */

export interface ThreadTimes {
  /** Per thread id: [ns on a CPU, ns waiting for one]. */
  readonly threads: Map<number, [number, number]>;
  /** The machine's busy and total CPU ticks (all cores) from /proc/stat. */
  readonly busyTicks: number;
  readonly allTicks: number;
}

export function threadTimes(): ThreadTimes {
  const threads = new Map<number, [number, number]>();
  let tids: string[] = [];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    // Not Linux: no figures.
  }
  for (const tid of tids) {
    try {
      const [run, wait] = fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      threads.set(Number(tid), [run, wait]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  let busyTicks = 0;
  let allTicks = 0;
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...: idle and iowait are the idle ones.
    allTicks = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    busyTicks = allTicks - cpu[3] - cpu[4];
  } catch {
    // Not Linux.
  }
  return { threads, busyTicks, allTicks };
}

/** What happened between two snapshots, grouped: the host's main thread, the given worker threads, the rest of this process. */
export interface Spent {
  /** ms on a CPU, per group. */
  hostMs: number;
  workersMs: number;
  otherThreadsMs: number;
  /** ms runnable but waiting for a core (other processes held both), summed over this process's threads. */
  waitMs: number;
  /** ms of CPU the rest of the machine used (all cores, from 10 ms ticks: coarse for one short stretch). */
  othersMs: number;
}

export function spentBetween(a: ThreadTimes, b: ThreadTimes, workers: ReadonlySet<number>): Spent {
  const spent: Spent = { hostMs: 0, workersMs: 0, otherThreadsMs: 0, waitMs: 0, othersMs: 0 };
  let ours = 0;
  for (const [tid, [run, wait]] of b.threads) {
    const [run0, wait0] = a.threads.get(tid) ?? [0, 0];
    const runMs = (run - run0) / 1e6;
    ours += runMs;
    spent.waitMs += (wait - wait0) / 1e6;
    if (tid === process.pid) spent.hostMs += runMs;
    else if (workers.has(tid)) spent.workersMs += runMs;
    else spent.otherThreadsMs += runMs;
  }
  spent.othersMs = Math.max(0, (b.busyTicks - a.busyTicks) * 10 - ours);
  return spent;
}

/** The threads of this process that used the most CPU between two snapshots (the workers' main threads, after a build). */
export function busiestThreads(a: ThreadTimes, b: ThreadTimes, count: number): Set<number> {
  return new Set(
    [...b.threads]
      .filter(([tid]) => tid !== process.pid)
      .map(([tid, [run]]) => [tid, run - (a.threads.get(tid)?.[0] ?? 0)] as const)
      .sort((x, y) => y[1] - x[1])
      .slice(0, count)
      .map(([tid]) => tid),
  );
}

export const addSpent = (a: Spent, b: Spent): Spent => ({
  hostMs: a.hostMs + b.hostMs,
  workersMs: a.workersMs + b.workersMs,
  otherThreadsMs: a.otherThreadsMs + b.otherThreadsMs,
  waitMs: a.waitMs + b.waitMs,
  othersMs: a.othersMs + b.othersMs,
});
