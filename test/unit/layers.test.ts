import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts'));
}

/** The module specifiers of a file's import and export-from statements, dynamic imports and requires. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]);
  return found;
}

const src = path.join(repoRoot, 'src');
const relative = (file: string) => path.relative(src, file).split(path.sep).join('/');

/** Where an import from `file` lands, relative to src/ (or the bare module name). */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(path.resolve(path.dirname(file), specifier)) : specifier;
}

describe('layers', () => {
  it('reads import statements of every form', () => {
    const source = [
      "import * as vscode from 'vscode';",
      "import type { A,\n  B } from '../a/b';",
      "export { c } from './c';",
      "import './side-effect';",
      "const d = require('./d');",
      "const e = await import('./e');",
    ].join('\n');
    assert.deepStrictEqual(importsOf(source).sort(), ['../a/b', './c', './d', './e', './side-effect', 'vscode']);
  });

  it('no file under src/core imports vscode', () => {
    const files = filesUnder(path.join(src, 'core'));
    assert.ok(files.length > 5);
    const leaks = files.filter((f) => importsOf(fs.readFileSync(f, 'utf8')).includes('vscode'));
    assert.deepStrictEqual(leaks.map(relative), []);
  });

  it('no feature imports another feature or the worker', () => {
    const files = filesUnder(path.join(src, 'features'));
    assert.ok(files.length > 10);
    const violations: string[] = [];
    for (const file of files) {
      const [, feature] = relative(file).split('/');
      for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
        const to = target(file, specifier);
        const [top, other] = to.split('/');
        if (top === 'worker' || (top === 'features' && other !== feature && other !== 'shared'))
          violations.push(`${relative(file)} → ${to}`);
      }
    }
    assert.deepStrictEqual(violations, []);
  });

  it('features/shared imports no feature', () => {
    const files = filesUnder(path.join(src, 'features', 'shared'));
    const violations = files.flatMap((file) =>
      importsOf(fs.readFileSync(file, 'utf8'))
        .map((s) => target(file, s))
        .filter((to) => to.startsWith('features/') && !to.startsWith('features/shared/'))
        .map((to) => `${relative(file)} → ${to}`),
    );
    assert.deepStrictEqual(violations, []);
  });
});
