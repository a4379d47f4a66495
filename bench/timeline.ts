/**
 * The marks of src/worker/timeline.ts (`##mark THREAD MS CPU WAIT LABEL` lines on stderr, from the
 * host and its workers) as phases: on each thread, from one mark to the next, the wall time, the
 * CPU time that thread ran and the time it was ready to run but waited for a core (other threads
 * and processes held both). Wall minus both is idle: waiting for a message or a file. A worker's first phase runs from the first mark of the run (its thread started soon
 * after), its CPU from the thread's start: the worker script's load.
 */

export interface Phase {
  /** `host` (the extension host's main thread) or `worker N`. */
  readonly thread: string;
  /** `from → to`: the marks this phase runs between. */
  readonly step: string;
  /** When the phase ended, in ms from the first mark of the run. */
  readonly endMs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Ready to run, waiting for a core. */
  readonly waitMs: number;
}

interface Mark {
  readonly thread: string;
  readonly at: number;
  readonly cpu: number;
  readonly wait: number;
  readonly label: string;
}

export const isMarkLine = (line: string) => line.startsWith('##mark ');

function marksOf(stderr: string): Mark[] {
  return stderr
    .split('\n')
    .filter(isMarkLine)
    .map((line) => {
      const [, thread, at, cpu, wait, ...label] = line.split(' ');
      return {
        thread: thread === '0' ? 'host' : `worker ${thread}`,
        at: Number(at),
        cpu: Number(cpu),
        wait: Number(wait),
        label: label.join(' '),
      };
    });
}

/** Every thread's phases up to the first mark labelled `until` (all of them without it), thread by thread in time order. */
export function phasesOf(stderr: string, until?: string): Phase[] {
  const marks = marksOf(stderr);
  if (!marks.length) return [];
  const t0 = Math.min(...marks.map((m) => m.at));
  const end = marks.find((m) => m.label === until)?.at ?? Number.POSITIVE_INFINITY;
  const phases: Phase[] = [];
  const threads = [...new Set(marks.map((m) => m.thread))];
  for (const thread of threads) {
    const own = marks.filter((m) => m.thread === thread && m.at <= end).sort((a, b) => a.at - b.at);
    let previous: Mark = { thread, at: t0, cpu: 0, wait: 0, label: thread === 'host' ? 'start' : 'thread start' };
    for (const m of own) {
      const first = previous.label === 'thread start' || previous.label === 'start';
      phases.push({
        thread,
        step: `${previous.label} → ${m.label}`,
        endMs: m.at - t0,
        wallMs: m.at - previous.at,
        // The host's CPU before its first mark is the process's start, not this run's: not counted.
        cpuMs: first && thread === 'host' ? 0 : m.cpu - previous.cpu,
        waitMs: first && thread === 'host' ? 0 : m.wait - previous.wait,
      });
      previous = m;
    }
  }
  return phases;
}

/** The phases as a markdown table, with each thread's CPU summed. */
export function phaseTable(phases: readonly Phase[]): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '?');
  const rows = phases.map(
    (p) => `| ${p.thread} | ${p.step} | ${f(p.endMs)} | ${f(p.wallMs)} | ${f(p.cpuMs)} | ${f(p.waitMs)} |`,
  );
  const cpu = new Map<string, number>();
  for (const p of phases) cpu.set(p.thread, (cpu.get(p.thread) ?? 0) + p.cpuMs);
  const sums = [...cpu].map(([thread, ms]) => `${thread} ${f(ms)}`).join(', ');
  return [
    '| thread | phase (mark → mark) | ends at ms | wall ms | CPU ms | waiting for a core ms |',
    '|---|---|---|---|---|---|',
    ...rows,
    `CPU ms by thread: ${sums}`,
  ].join('\n');
}
