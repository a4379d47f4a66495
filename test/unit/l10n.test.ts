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
const json = (f: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, f), 'utf8'));

describe('Vietnamese translation', () => {
  it('translates every vscode.l10n.t string', () => {
    const vi = json('l10n/bundle.l10n.vi.json');
    const keys = new Set<string>();
    for (const f of sources(path.join(repoRoot, 'src'))) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)+)'/g)) keys.add(m[1]);
    }
    assert.ok(keys.size > 10);
    assert.deepStrictEqual(
      [...keys].filter((k) => !(k in vi)),
      [],
    );
  });

  it('translates every package.json string', () => {
    const en = json('package.nls.json');
    const vi = json('package.nls.vi.json');
    const used = [...fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8').matchAll(/"%([\w.]+)%"/g)].map(
      (m) => m[1],
    );
    assert.deepStrictEqual(
      used.filter((k) => !(k in en) || !(k in vi)),
      [],
    );
  });
});
