import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const menus: Record<string, { command: string; when?: string }[]> = manifest.contributes.menus;

describe('command palette', () => {
  it('hides every command that acts on a view item', () => {
    const onItems = new Set(menus['view/item/context'].map((m) => m.command));
    const hidden = new Set(menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    assert.ok(onItems.size >= 3);
    assert.deepStrictEqual(
      [...onItems].filter((c) => !hidden.has(c)),
      [],
    );
  });

  it('keeps the commands a person starts from the palette visible there', () => {
    const hidden = new Set(menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    for (const c of ['corpusExplorer.search', 'corpusExplorer.concordance', 'corpusExplorer.openSample'])
      assert.ok(!hidden.has(c), c);
  });
});

describe('search results keys', () => {
  it('binds F4 / Shift+F4 to the next / previous hit only while the view has results', () => {
    const keys: { command: string; key: string; when?: string }[] = manifest.contributes.keybindings;
    for (const [key, command] of [
      ['f4', 'corpusExplorer.searchResults.next'],
      ['shift+f4', 'corpusExplorer.searchResults.previous'],
    ]) {
      const binding = keys.find((k) => k.key === key);
      assert.strictEqual(binding?.command, command);
      assert.match(binding?.when ?? '', /^corpusExplorer\.searchResults\.hasResults && /);
    }
  });
});
