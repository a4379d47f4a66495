import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
// The assertion-file format and checker of vscode-tmgrammar-test, run on the vscode-textmate
// and oniguruma versions VS Code 1.100 bundles, so the grammar is tested as the editor reads it.
import { parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index';
import { repoRoot } from '../support/paths';

const grammarPath = path.join(repoRoot, 'syntaxes', 'corpus-dump.tmLanguage.json');
const casesDir = path.join(repoRoot, 'test', 'grammar');

async function createRegistry(): Promise<textmate.Registry> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.corpus-dump'
        ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
}

describe('grammar: syntaxes/corpus-dump.tmLanguage.json', () => {
  let registry: textmate.Registry;
  before(async () => {
    registry = await createRegistry();
  });

  for (const file of fs.readdirSync(casesDir).filter((f) => f.endsWith('.test.dump'))) {
    it(`assertions in ${file} hold`, async () => {
      const testCase = parseGrammarTestCase(fs.readFileSync(path.join(casesDir, file), 'utf8'));
      // vscode-tmgrammar-test carries its own vscode-textmate typings; the registry is the same API.
      const failures = await runGrammarTestCase(registry as never, testCase);
      const report = failures.map(
        (f) =>
          `line ${f.line + 1} [${f.start}, ${f.end}) "${testCase.source[f.srcLine]?.slice(f.start, f.end)}"\n  missing: ${f.missing.join(', ')}\n  unexpected: ${f.unexpected.join(', ')}\n  actual: ${f.actual.join(' ')}`,
      );
      assert.strictEqual(failures.length, 0, report.join('\n'));
    });
  }

  it('tokenizes a 5 MB line without giving up', async () => {
    const grammar = await registry.loadGrammar('source.corpus-dump');
    assert.ok(grammar);
    const line = 'Ngày 8/11 NATO 130% '.repeat(1000);
    const result = grammar.tokenizeLine(line, textmate.INITIAL);
    assert.ok(result.tokens.length > 1000);
  });

  it('reads a marker look-alike with a long run of white space as text, without backtracking', async () => {
    const grammar = await registry.loadGrammar('source.corpus-dump');
    assert.ok(grammar);
    // The old marker regex took the tokenizer ~50 s on this line (2,000 spaces already).
    const look = grammar.tokenizeLine(`<<<FILE${' '.repeat(20_000)}x`, textmate.INITIAL);
    assert.ok(!look.tokens.some((t) => t.scopes.some((s) => s.startsWith('keyword.control.marker'))));
    const line = `<<<FILE${' '.repeat(20_000)}name >>>`;
    const real = grammar.tokenizeLine(line, textmate.INITIAL);
    const names = real.tokens.filter((t) => t.scopes.some((s) => s.startsWith('entity.name.section.article')));
    assert.deepStrictEqual(
      names.map((t) => line.slice(t.startIndex, t.endIndex)),
      ['name'],
    );
  });
});
