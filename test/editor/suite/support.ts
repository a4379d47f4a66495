import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { samplePath } from '../../support/paths';

export const sampleUri = vscode.Uri.file(samplePath);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
