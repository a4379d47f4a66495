import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusExplorerApi } from '../../../src/extension';
import { samplePath } from '../../support/paths';

import { activateWithSample, sampleUri, sleep, waitFor as waitUntil } from './support';

const waitFor = <T>(probe: () => T | undefined, what: () => string) => waitUntil(probe, what, 20000);

// The statistics panel is a webview: the tests drive it from the extension host through its
// messages (select a tab, compute, export) and read what the host received back.
describe('Statistics panel in a real VS Code', () => {
  let api: CorpusExplorerApi;
  before(async () => {
    api = await activateWithSample();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const replyOf = (tab: string) =>
    waitFor(
      () => {
        const c = api.statistics.current();
        return c?.tab === tab && c.reply ? c.reply : undefined;
      },
      () => `the ${tab} result: ${JSON.stringify(api.statistics.current())?.slice(0, 300)}`,
    );

  it('opens from the command palette on the word list of the sample, as a webview panel', async () => {
    await vscode.commands.executeCommand('corpusExplorer.showStatistics');
    const words = await replyOf('words');
    assert.deepStrictEqual(words.table.columns.slice(0, 4), ['rank', 'word', 'folded', 'freq']);
    assert.strictEqual(words.articles, 3);
    assert.ok(words.table.rows.some((r) => r[1] === 'Nga'));
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('corpusExplorer.statistics'));
    assert.ok(tab, 'a statistics webview tab');
  });

  it('switches tabs: n-grams, then the trend of Lavrov summing to its hits', async () => {
    api.statistics.select('ngrams');
    const ngrams = await replyOf('ngrams');
    assert.ok(ngrams.table.rows.some((r) => r[2] === 'bo truong'));
    await vscode.commands.executeCommand('corpusExplorer.showStatistics', 'Lavrov');
    const trend = await replyOf('trends');
    const hits = trend.table.rows.reduce((s, r) => s + Number(r[2]), 0);
    const unplaced = Number(/(\d+) hits in articles without/.exec(trend.notes.join(' '))?.[1] ?? 0);
    const expected = (fs.readFileSync(samplePath, 'utf8').match(/Lavrov/g) ?? []).length;
    assert.strictEqual(hits + unplaced, expected);
  });

  it('exports a table as CSV, and never over a dump', async () => {
    const csv = path.join(os.tmpdir(), `stats-${Date.now()}.csv`);
    await api.statistics.export('trends', vscode.Uri.file(csv));
    const lines = fs.readFileSync(csv, 'utf8').trim().split('\r\n');
    assert.strictEqual(lines[0], 'query,period,hits,per_million,matched_articles,articles,tokens');
    assert.ok(lines.slice(1).every((l) => l.startsWith('Lavrov,')));
    const before = fs.readFileSync(samplePath, 'utf8');
    await api.statistics.export('trends', sampleUri);
    // The same file spelled another way (`/./`) is refused by its real path.
    await api.statistics.export(
      'trends',
      vscode.Uri.file(`${path.dirname(samplePath)}/./${path.basename(samplePath)}`),
    );
    assert.strictEqual(fs.readFileSync(samplePath, 'utf8'), before);
  });

  it('collocates and dispersion of a query; takes a screenshot', async () => {
    await vscode.commands.executeCommand('corpusExplorer.showStatistics', { tab: 'collocates', query: 'Lavrov' });
    const collocates = await replyOf('collocates');
    assert.ok(collocates.table.rows.some((r) => r[2] === 'sergey'));
    await vscode.commands.executeCommand('corpusExplorer.showStatistics', { tab: 'dispersion', query: 'Lavrov' });
    const plot = await replyOf('dispersion');
    const expected = (fs.readFileSync(samplePath, 'utf8').match(/Lavrov/g) ?? []).length;
    assert.strictEqual(plot.table.rows.length, expected, 'one mark a hit');
    api.statistics.select('words');
    await replyOf('words');
    await sleep(1500);
    console.log('##screenshot');
    await sleep(1500);
  });
  it("opens on the collocates of a concordance's query from the concordance's title bar", async () => {
    api.statistics.select('collocates');
    const lavrov = await replyOf('collocates');
    await vscode.commands.executeCommand('corpusExplorer.concordance', 'Moskva');
    await waitFor(
      () => (vscode.window.activeTextEditor?.document.uri.scheme === 'corpus-kwic' ? true : undefined),
      () => 'the concordance of Moskva',
    );
    await vscode.commands.executeCommand('corpusExplorer.concordance.statistics');
    const moskva = await waitFor(
      () => {
        const c = api.statistics.current();
        return c?.tab === 'collocates' && c.reply && c.reply !== lavrov && !c.pending?.includes('collocates')
          ? c.reply
          : undefined;
      },
      () => `the collocates of Moskva: ${JSON.stringify(api.statistics.current())?.slice(0, 300)}`,
    );
    assert.ok(moskva.table.rows.length > 0, 'collocates of Moskva');
  });
});
