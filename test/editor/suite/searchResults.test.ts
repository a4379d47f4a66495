import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { cutTitle, type ResultHit, type ResultNode } from '../../../src/features/searchResults/model';

import { activateWithSample, sampleUri, sleep } from './support';

// What a person sees in the Search Results view after a search on the sample, and where F4 / Shift+F4 take them.
describe('Search Results view in a real VS Code', () => {
  let api: CorpusExplorerApi;
  before(async () => {
    api = await activateWithSample();
  });
  after(async () => {
    await vscode.commands.executeCommand('corpusExplorer.searchResults.clear');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const item = (n: ResultNode) => api.searchResults.provider.getTreeItem(n);
  const text = (n: ResultNode) => {
    const l = item(n).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  /** The sample's article nodes: the roots, or under the sample's dump when several dumps have hits. */
  const sampleArticles = () => {
    const roots = api.searchResults.provider.getChildren();
    const dump = roots.find((r) => r.kind === 'dump' && r.dumpKey === sampleUri.toString());
    return dump ? api.searchResults.provider.getChildren(dump) : roots;
  };
  const selectedText = () => {
    const e = vscode.window.activeTextEditor!;
    return e.document.getText(e.selection);
  };

  it('shows the hits of a search by article, the matched word highlighted, with counts and dates', async () => {
    await vscode.commands.executeCommand('corpusExplorer.searchResults.show', 'lavrov');
    const { view, model } = api.searchResults;
    await sleep(500);
    assert.ok(view.visible, 'the view is showing');
    assert.match(view.description ?? '', /^lavrov — \d+ matches · \d+ articles?$/);
    const articles = sampleArticles();
    assert.ok(articles.length >= 1 && articles.every((a) => a.kind === 'article'));
    const first = articles[0];
    assert.ok(first.kind === 'article');
    // The date first, then the title cut, so the date stays in view; the count after.
    assert.strictEqual(text(first), `${first.article.date?.value ?? 'undated'} · ${cutTitle(first.article.title)}`);
    assert.match(String(item(first).description), /^\d+ match(es)?$/);
    for (const hit of api.searchResults.provider.getChildren(first)) {
      const label = item(hit).label as vscode.TreeItemLabel;
      assert.ok(label.highlights?.length, 'the match is highlighted');
      const [s, e] = label.highlights![0] as [number, number];
      assert.strictEqual(label.label.slice(s, e).toLowerCase(), 'lavrov');
    }
    assert.ok(model.hitCount >= 3);
  });

  it('F4 / Shift+F4 move the selection and the editor to the next / previous hit', async () => {
    const { view, model } = api.searchResults;
    await vscode.commands.executeCommand('corpusExplorer.searchResults.next');
    const all = model.hits();
    const at = (hit: ResultHit) => {
      assert.strictEqual(view.selection[0]?.id, hit.id, 'selected in the view');
      const e = vscode.window.activeTextEditor!;
      assert.strictEqual(e.document.uri.toString(), hit.parent.dumpKey);
      assert.strictEqual(e.document.offsetAt(e.selection.start), hit.start, 'the editor is on the hit');
      assert.strictEqual(selectedText().toLowerCase(), 'lavrov');
    };
    at(all[0]);
    await vscode.commands.executeCommand('corpusExplorer.searchResults.next');
    at(all[1]);
    await vscode.commands.executeCommand('corpusExplorer.searchResults.next');
    at(all[2]);
    // The screenshot of the README: the view with the third hit selected, beside the dump.
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands
      .executeCommand('workbench.actions.treeView.corpusExplorer.articles.collapseAll')
      .then(undefined, () => undefined);
    await vscode.commands
      .executeCommand('workbench.actions.treeView.corpusExplorer.entities.collapseAll')
      .then(undefined, () => undefined);
    await sleep(1500);
    console.log('##screenshot');
    await sleep(1500);
    await vscode.commands.executeCommand('corpusExplorer.searchResults.previous');
    at(all[1]);
  });

  it('opens the query in the concordance', async () => {
    await vscode.commands.executeCommand('corpusExplorer.searchResults.openConcordance');
    const until = Date.now() + 10000;
    while (vscode.window.activeTextEditor?.document.uri.scheme !== 'corpus-kwic' && Date.now() < until)
      await sleep(100);
    const doc = vscode.window.activeTextEditor!.document;
    assert.strictEqual(doc.uri.scheme, 'corpus-kwic');
    assert.ok(doc.getText().includes('Lavrov'));
  });

  it('copies all results as text, and clears', async () => {
    await vscode.commands.executeCommand('corpusExplorer.searchResults.copyAll');
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^lavrov — /);
    assert.ok(copied.toLowerCase().split('lavrov').length > api.searchResults.model.hitCount);
    await vscode.commands.executeCommand('corpusExplorer.searchResults.clear');
    assert.deepStrictEqual(api.searchResults.provider.getChildren(), []);
    assert.strictEqual(api.searchResults.view.description, undefined);
  });
});
