import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { repoRoot } from '../../support/paths';
import { screenshot, seen, sleep, waitFor, waitToSee } from './support';

/** The development corpus beside the repository (never shipped): 2,438 Dân trí articles, 10 MB. */
const newsDev = path.resolve(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump');

// Screenshots: media/screenshot-news-dev-hover.png and media/screenshot-news-dev-entities.png.
describe('Entities on real news (../shared/corpus/news-dev.dump) in a real VS Code', () => {
  let api: CorpusExplorerApi;
  let doc: vscode.TextDocument;
  const label = (node: unknown) => {
    const item = api.entities.provider.getTreeItem(node as never);
    return typeof item.label === 'string' ? item.label : item.label?.label;
  };

  before(async function () {
    if (!fs.existsSync(newsDev)) return this.skip(); // a machine without the shared corpus
    this.timeout(120000);
    api = await vscode.extensions.getExtension<CorpusExplorerApi>('corpus-explorer.corpus-explorer')!.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(newsDev));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('corpusExplorer.entities.focus');
    await waitFor(
      () =>
        api.entities.model.entities.some((e) => e.articles.some((a) => a.dumpKey === doc.uri.toString()))
          ? true
          : undefined,
      "news-dev's entities",
      110000,
    );
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows a card for Bộ Y tế, an organisation named across the corpus', async function () {
    this.timeout(60000);
    const moh = api.entities.model.entities.find((e) => e.type === 'ORG' && e.name === 'Bộ Y tế');
    assert.ok(moh, 'Bộ Y tế is an organisation');
    assert.ok(moh.articles.length > 50, `${moh.articles.length} articles`);
    const ref = moh.articles.find((a) => a.dumpKey === doc.uri.toString())!;
    const at = doc.positionAt(ref.firstStart + 2);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const card = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(card, /Bộ Y tế/);
    await sleep(500);
    await vscode.commands.executeCommand('editor.action.showHover');
    // What the person sees: the card, its counts and its links above the fold.
    const shown = await waitToSee(
      '.monaco-hover .hover-contents',
      (s) => s.some((h) => h.text.includes('Bộ Y tế')),
      'the hover card',
      20000,
    ).catch(async () => {
      await vscode.commands.executeCommand('editor.action.showHover');
      return waitToSee(
        '.monaco-hover .hover-contents',
        (s) => s.some((h) => h.text.includes('Bộ Y tế')),
        'the hover card',
      );
    });
    if (shown) {
      const text = shown.map((h) => h.text).join('\n');
      assert.match(text, /Organisation/);
      assert.match(text, /in the corpus/);
      assert.match(text, /Search the corpus/);
    }
    await screenshot();
    await vscode.commands.executeCommand('editor.action.hideHover');
  });

  it('lists its provinces as places and its ministries as organisations in the Entities view', async function () {
    this.timeout(60000);
    const roots = api.entities.provider.getChildren();
    assert.deepStrictEqual(roots.map(label), ['People', 'Places', 'Organisations']);
    const places = api.entities.provider.getChildren(roots[1]).map(label);
    const orgs = api.entities.provider.getChildren(roots[2]).map(label);
    for (const p of ['Hà Nội', 'Đà Nẵng', 'Thanh Hóa']) assert.ok(places.includes(p), `${p} is a place`);
    assert.ok(orgs.includes('Bộ Y tế'), 'Bộ Y tế is an organisation');
    const node = api.entities.provider.nodeFor(api.entities.model.entities.find((e) => e.name === 'Bộ Y tế')!.id)!;
    await vscode.commands.executeCommand('corpusExplorer.entities.focus');
    await api.entities.view.reveal(node, { select: true, focus: false, expand: true });
    const rows = await seen('.monaco-list-row .label-name');
    if (rows)
      assert.ok(
        rows.some((r) => r.text === 'Bộ Y tế'),
        'the row is on screen',
      );
    const ref = api.entities.model.entities.find((e) => e.name === 'Bộ Y tế')!.articles[0];
    const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
    const at = doc.positionAt(ref.firstStart);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    await screenshot();
  });
});
