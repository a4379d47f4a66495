import * as assert from 'node:assert';
import { phasesOf, phaseTable } from '../../bench/timeline';

describe('timeline phases (bench/timeline.ts)', () => {
  // Two threads' marks, interleaved as a process's stderr has them, with a line that is not a mark.
  const stderr = [
    '##mark 0 1000.0 50.0 1.0 bench: reopen',
    '##mark 1 1200.0 90.0 30.0 worker: script loaded',
    'a warning from somewhere',
    '##mark 0 1100.0 80.0 2.0 host: cached readings loaded',
    '##mark 0 1400.0 300.0 12.0 bench: view ready',
    '##mark 1 1450.0 150.0 40.0 worker: index answered',
    '##mark 0 1500.0 310.0 12.5 bench: index in',
  ].join('\n');

  it('gives each thread its phases, mark to mark, with the wall, CPU and wait between them', () => {
    const phases = phasesOf(stderr);
    const host = phases.filter((p) => p.thread === 'host');
    assert.deepStrictEqual(
      host.map((p) => [p.step, p.endMs, p.wallMs, p.cpuMs, p.waitMs]),
      [
        ['start → bench: reopen', 0, 0, 0, 0],
        ['bench: reopen → host: cached readings loaded', 100, 100, 30, 1],
        ['host: cached readings loaded → bench: view ready', 400, 300, 220, 10],
        ['bench: view ready → bench: index in', 500, 100, 10, 0.5],
      ],
    );
    const worker = phases.filter((p) => p.thread === 'worker 1');
    // A worker's first phase is counted from the run's first mark, its CPU from the thread's start.
    assert.deepStrictEqual(
      worker.map((p) => [p.step, p.endMs, p.wallMs, p.cpuMs, p.waitMs]),
      [
        ['thread start → worker: script loaded', 200, 200, 90, 30],
        ['worker: script loaded → worker: index answered', 450, 250, 60, 10],
      ],
    );
  });

  it('stops at the first mark of the label asked for, on every thread', () => {
    const phases = phasesOf(stderr, 'bench: view ready');
    assert.ok(phases.every((p) => p.endMs <= 400));
    assert.deepStrictEqual(
      phases.map((p) => p.step),
      [
        'start → bench: reopen',
        'bench: reopen → host: cached readings loaded',
        'host: cached readings loaded → bench: view ready',
        'thread start → worker: script loaded',
      ],
    );
  });

  it('has no phases without marks, and sums each thread’s CPU in its table', () => {
    assert.deepStrictEqual(phasesOf('no marks here\n'), []);
    assert.match(phaseTable(phasesOf(stderr)), /CPU ms by thread: host 260, worker 1 150$/);
  });
});
