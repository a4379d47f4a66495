import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('src/core stays pure', () => {
  it('no file under src/core imports vscode', () => {
    const files = filesUnder(path.join(repoRoot, 'src', 'core')).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 5);
    const leaks = files.filter((f) => /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(leaks, []);
  });
});
