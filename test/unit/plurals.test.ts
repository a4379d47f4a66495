import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}
const keys = new Set<string>();
for (const f of sources(path.join(repoRoot, 'src')))
  for (const m of fs.readFileSync(f, 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)+)'/g)) keys.add(m[1]);
const COUNTED = /\{\d\} (articles|mentions|matches|lines|words)\b/;

describe('counts shown to users', () => {
  it('say "1 article", not "1 articles": every plural count string has its singular', () => {
    const plurals = [...keys].filter((k) => /^\{0\} (articles|mentions|matches|lines|words)$/.test(k));
    assert.ok(plurals.length >= 5, plurals.join(', '));
    const SINGULAR: Record<string, string> = {
      articles: 'article',
      mentions: 'mention',
      matches: 'match',
      lines: 'line',
      words: 'word',
    };
    const singular = (k: string) => `1 ${SINGULAR[k.slice(4)]}`;
    assert.deepStrictEqual(
      plurals.filter((k) => !keys.has(singular(k))),
      [],
    );
  });

  it('never build a plural noun into a sentence (the count helpers word it)', () => {
    assert.deepStrictEqual(
      [...keys].filter((k) => COUNTED.test(k) && !/^\{0\} \w+$/.test(k)),
      [],
    );
  });
});

describe('welcome views', () => {
  it('show no literal backticks (viewsWelcome renders links, not code)', () => {
    for (const file of ['package.nls.json', 'package.nls.vi.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
      for (const [key, value] of Object.entries<string>(nls))
        if (key.startsWith('welcome.')) assert.ok(!value.includes('`'), `${file} ${key}`);
    }
  });
});

describe('command palette', () => {
  it('hides the commands that act on a view item', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const hidden = new Set(
      pkg.contributes.menus.commandPalette
        .filter((m: { when?: string }) => m.when === 'false')
        .map((m: { command: string }) => m.command),
    );
    for (const command of [
      'corpusExplorer.articles.filterByEntity',
      'corpusExplorer.entities.search',
      'corpusExplorer.entities.showMentions',
      'corpusExplorer.showMentions',
      'corpusExplorer.openArticle',
    ])
      assert.ok(hidden.has(command), command);
  });
});
