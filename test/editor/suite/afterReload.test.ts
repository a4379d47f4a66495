import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { waitFor, waitToSee } from './support';

// The second life of the suite (index.ts), in the extension host started by the window reload that
// beforeReload.test.ts asked for: nothing here opens the panel, so only its serializer can bring it back.
describe('Statistics panel after a window reload', () => {
  it('comes back on the tab, sort and page the person left, with its table computed again', async () => {
    const ext = vscode.extensions.getExtension<CorpusExplorerApi>('corpus-explorer.corpus-explorer');
    assert.ok(ext);
    const api = await waitFor(
      () => (ext.isActive ? ext.exports : undefined),
      'the extension, activated by the panel',
      20000,
    );
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('corpusExplorer.statistics'));
    assert.ok(tab, 'the statistics tab is back');
    await waitFor(() => (api.statistics.current()?.tab === 'ngrams' ? true : undefined), 'the n-grams tab', 20000);
    const selected = await waitToSee(
      'button[role="tab"][id^="tab-"][aria-selected="true"]',
      (s) => s.length === 1,
      'a selected tab',
      20000,
    );
    assert.strictEqual(selected?.[0].text, 'N-grams');
    const sorted = await waitToSee('th[aria-sort="ascending"]', (s) => s.length === 1, 'the sorted column', 20000);
    assert.strictEqual(sorted?.[0].text, 'freq ▲');
    const page = await waitToSee('nav.pager span', (s) => s.length > 0, 'the pager');
    assert.match(page?.[0].text ?? '', /^Page 2 of \d+$/);
  });
});
