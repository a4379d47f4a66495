import * as assert from 'node:assert';
import { Debouncer } from '../../src/corpus/debounce';
import { RefreshScheduler } from '../../src/corpus/refreshScheduler';

/** Resolves after every timer of `ms` or less scheduled before it (Node runs timers in order). */
const afterTimers = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('debounce and refresh scheduling', () => {
  it('runs only the latest action per key, each key on its own', async () => {
    const ran: string[] = [];
    const debouncer = new Debouncer<string>();
    debouncer.run(0, () => ran.push('a1'), 'a');
    debouncer.run(0, () => ran.push('a2'), 'a');
    debouncer.run(0, () => ran.push('b1'), 'b');
    await afterTimers();
    assert.deepStrictEqual(ran, ['a2', 'b1']);
    debouncer.run(0, () => ran.push('c'), 'c');
    debouncer.cancel('c');
    debouncer.run(0, () => ran.push('d'), 'd');
    debouncer.dispose();
    await afterTimers();
    assert.deepStrictEqual(ran, ['a2', 'b1'], 'cancelled and disposed actions never run');
  });

  it('resolves ready() once every scheduled refresh has run, without polling', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const scheduler = new RefreshScheduler(() => {
      runs++;
      return new Promise<void>((r) => (release = r));
    });
    assert.strictEqual(scheduler.idle, true);
    scheduler.schedule(0);
    scheduler.schedule(0);
    let ready = false;
    const waiting = scheduler.ready().then(() => (ready = true));
    await afterTimers();
    assert.deepStrictEqual([runs, ready], [1, false], 'one run for both schedules, still in flight');
    release();
    await waiting;
    assert.deepStrictEqual([runs, scheduler.idle], [1, true]);
  });

  it('waits for a refresh scheduled while another runs', async () => {
    const releases: (() => void)[] = [];
    const scheduler = new RefreshScheduler(() => new Promise<void>((r) => releases.push(r)));
    scheduler.schedule(0);
    await afterTimers();
    let ready = false;
    const waiting = scheduler.ready().then(() => (ready = true));
    scheduler.schedule(0);
    releases[0]();
    await afterTimers();
    assert.deepStrictEqual([releases.length, ready], [2, false]);
    releases[1]();
    await waiting;
    assert.ok(ready);
  });
});
