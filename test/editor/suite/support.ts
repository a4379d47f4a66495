import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { samplePath } from '../../support/paths';

export const sampleUri = vscode.Uri.file(samplePath);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Lets the workbench settle, then asks the harness for a screenshot and waits for it: the whole
 * window (test-results/editor-N.png), or with a name and a CSS selector that element alone
 * (test-results/NAME.png; a webview: `iframe.webview.ready`).
 */
export async function screenshot(name?: string, selector?: string): Promise<void> {
  await sleep(1500);
  console.log(name && selector ? `##screenshot ${name} ${selector}` : '##screenshot');
  await sleep(1500);
}

/** Polls `probe` until it gives a value; fails naming `what` (a text, or a function for a live description). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string | (() => string),
  ms = 10000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(100);
  }
}

/** The extension's API once it is active, with the sample open in an editor. */
export async function activateWithSample(): Promise<CorpusExplorerApi> {
  const ext = vscode.extensions.getExtension<CorpusExplorerApi>('corpus-explorer.corpus-explorer');
  assert.ok(ext);
  const api = await ext.activate();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri));
  return api;
}

/** An element as the page shows it: its visible text, its attributes and its widths. */
export interface Seen {
  text: string;
  attrs: Record<string, string>;
  /** Its widths and its page's (the frame it is in) in CSS pixels: a probe's answer, absent from a click's. */
  box?: { scrollWidth: number; clientWidth: number; right: number; pageScrollWidth: number; pageClientWidth: number };
}

let probes = 0;
/**
 * What a person sees: every element matching a CSS selector in the workbench and in its webviews,
 * read by the code-server harness from the page (`##probe` line). Undefined when the suite runs
 * under a harness that cannot read the page (Electron), so a test can skip rather than pass blind.
 */
export function seen(selector: string): Promise<Seen[] | undefined> {
  return askHarness('probe', selector);
}

/** Clicks the first visible element matching a CSS selector, in the workbench or a webview; false if none. */
export async function click(selector: string): Promise<boolean | undefined> {
  const answer = await askHarness('click', selector);
  return answer && answer.length > 0;
}

/** Right-clicks the first visible element matching a CSS selector (its context menu opens); false if none. */
export async function rightClick(selector: string): Promise<boolean | undefined> {
  const answer = await askHarness('rightclick', selector);
  return answer && answer.length > 0;
}

/** Chooses the option `value` (no spaces) of the first <select> matching a CSS selector; false if none. */
export async function choose(selector: string, value: string): Promise<boolean | undefined> {
  const answer = await askHarness('select', `${value} ${selector}`);
  return answer && answer.length > 0;
}

/** Types `value` into the first visible field matching a CSS selector, as a person would; false if none. */
export async function fill(selector: string, value: string): Promise<boolean | undefined> {
  const answer = await askHarness('fill', `${encodeURIComponent(value)} ${selector}`);
  return answer && answer.length > 0;
}

/** Presses a key (`Enter`, `Escape`…) in the first visible element matching a CSS selector; false if none. */
export async function press(selector: string, key: string): Promise<boolean | undefined> {
  const answer = await askHarness('press', `${key} ${selector}`);
  return answer && answer.length > 0;
}

async function askHarness(
  verb: 'probe' | 'click' | 'rightclick' | 'select' | 'fill' | 'press',
  selector: string,
): Promise<Seen[] | undefined> {
  const dir = process.env.CORPUS_EDITOR_PROBE_DIR;
  if (!dir) return undefined;
  // The process id keeps the answers of the suite's two lives (index.ts) apart.
  const id = `${process.pid}-${++probes}`;
  const file = path.join(dir, `${id}.json`);
  console.log(`##${verb} ${id} ${selector}`);
  return waitFor(
    () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Seen[]) : undefined),
    `the harness to read ${selector} from the page`,
  );
}

/** Polls `seen(selector)` until `accept` holds for what is shown; returns it, or fails describing it. */
export async function waitToSee(
  selector: string,
  accept: (shown: Seen[]) => boolean,
  what: string,
  ms = 10000,
): Promise<Seen[] | undefined> {
  let last: Seen[] | undefined = [];
  const until = Date.now() + ms;
  for (;;) {
    last = await seen(selector);
    if (!last || accept(last)) return last;
    if (Date.now() > until)
      throw new Error(`timed out waiting to see ${what}; shown: ${JSON.stringify(last).slice(0, 600)}`);
    await sleep(250);
  }
}

/**
 * The file a test writes to ask for a window reload once the suite has run (see index.ts); undefined
 * under a harness that cannot carry the suite across a reload (Electron).
 */
export function reloadMarker(): string | undefined {
  const dir = process.env.CORPUS_EDITOR_PROBE_DIR;
  return dir && path.join(dir, 'reload.json');
}
