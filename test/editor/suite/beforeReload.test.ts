import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { activateWithSample, click, reloadMarker, waitFor, waitToSee } from './support';

// Runs last in the first life of the suite: leaves a statistics panel open on a tab, sorted and paged by
// clicks, then asks index.ts to reload the window; afterReload.test.ts checks what comes back.
describe('Statistics panel before a window reload', () => {
  let api: CorpusExplorerApi;
  before(async () => {
    api = await activateWithSample();
  });

  it('is left on the n-grams tab, sorted by frequency ascending, on page 2', async function () {
    const marker = reloadMarker();
    if (!marker) return this.skip(); // a harness that cannot carry the suite across a reload (Electron)
    await vscode.commands.executeCommand('corpusExplorer.showStatistics');
    await waitFor(() => api.statistics.current()?.reply, 'the panel open with a result', 20000);
    assert.ok(await click('#tab-ngrams'), 'the n-grams tab');
    await waitToSee('th[aria-sort]', (s) => s.length > 0, 'the n-gram table', 20000);
    assert.ok(await click('th:nth-child(4) button.sort')); // descending
    assert.ok(await click('th:nth-child(4) button.sort')); // ascending
    await waitToSee('th[aria-sort="ascending"]', (s) => s.length === 1, 'freq ascending');
    assert.ok(await click('nav.pager button:nth-child(3)'), 'Next page');
    await waitToSee('nav.pager span', (s) => s.some((x) => x.text.startsWith('Page 2 of')), 'page 2');
    fs.writeFileSync(marker, '{}');
  });
});
