import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { samplePath } from '../../support/paths';

const sampleUri = vscode.Uri.file(samplePath);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 10000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('Corpus Explorer in a real VS Code', () => {
  let api: CorpusExplorerApi;
  let editor: vscode.TextEditor;

  before(async () => {
    const doc = await vscode.workspace.openTextDocument(sampleUri);
    editor = await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension<CorpusExplorerApi>('corpus-explorer.corpus-explorer');
    assert.ok(ext, 'extension is installed');
    api = await ext.activate();
  });

  it('opens sample.dump as corpus-dump with the grammar registered', async () => {
    assert.strictEqual(editor.document.languageId, 'corpus-dump');
    const result = await vscode.commands.executeCommand<{ tokenizeTime: number }>('_workbench.colorizeTextMateTokens', sampleUri);
    assert.strictEqual(typeof result.tokenizeTime, 'number');
  });

  it('recognises an unnamed file whose first line is a marker', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: '<<<FILE>>> a.txt\nXin chào\n' });
    await waitFor(() => (doc.languageId === 'corpus-dump' ? true : undefined), 'firstLine language detection', 5000)
      .catch(() => undefined);
    assert.strictEqual(doc.languageId, 'corpus-dump');
  });

  it('lists the articles with their titles in the outline', async () => {
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', sampleUri);
      return s && s.length ? s : undefined;
    }, 'document symbols');
    assert.strictEqual(symbols.length, 3);
    assert.ok(symbols[0].name.startsWith('Ngày 8/11, tại thủ đô Moskva'));
    assert.ok(symbols[1].name.startsWith('Nga đề xuất phát triển quan hệ đối tác Á-Âu'));
    assert.strictEqual(symbols[2].name, 'Khủng hoảng với phương Tây, Nga đẩy mạnh hợp tác với ASEAN');
    assert.deepStrictEqual(symbols.map((s) => s.detail), ['2022-11', '2025-10-29', 'undated']);
    assert.deepStrictEqual(symbols.map((s) => s.range.start.line), [0, 20, 40]);
  });

  it('folds each article', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', sampleUri);
    const starts = ranges.map((r) => r.start);
    for (const line of [0, 20, 40]) assert.ok(starts.includes(line), `a fold starts at line ${line}`);
  });

  it('moves to the next and previous article', async () => {
    await vscode.window.showTextDocument(editor.document);
    const active = vscode.window.activeTextEditor!;
    active.selection = new vscode.Selection(5, 3, 5, 3);
    await vscode.commands.executeCommand('corpusExplorer.nextArticle');
    assert.strictEqual(active.selection.active.line, 20);
    await vscode.commands.executeCommand('corpusExplorer.nextArticle');
    assert.strictEqual(active.selection.active.line, 40);
    await vscode.commands.executeCommand('corpusExplorer.previousArticle');
    assert.strictEqual(active.selection.active.line, 20);
  });

  it('shows reader problems as diagnostics at their lines', async () => {
    const file = path.join(os.tmpdir(), `stray-${Date.now()}.dump`);
    fs.writeFileSync(file, '<<<FILE>>> a\nbody\n<<<END>>>\nstray text\n<<<FILE>>> b\nmore\n');
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    }, 'diagnostics');
    assert.deepStrictEqual(diags.map((d) => [d.range.start.line, d.code, d.severity]), [[3, 'stray-text', vscode.DiagnosticSeverity.Warning]]);
  });

  it('exports its corpus service, reading the same articles as the CLI', async () => {
    const dump = await api.corpus.getDump(editor.document);
    assert.deepStrictEqual(dump.articles.map((a) => a.date?.value ?? null), ['2022-11', '2025-10-29', null]);
  });

  it('takes a screenshot of the sample open with its outline', async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('outline.focus').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await sleep(1500);
    console.log('##screenshot');
    await sleep(1500);
  });
});
