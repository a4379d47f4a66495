import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDump } from '../../src/core/dump/reader';
import {
  problemDiagnostics,
  problemScope,
  WHOLE_LINE,
  type ProblemEntry,
} from '../../src/features/language/problemDiagnostics';
import type { Translator } from '../../src/features/language/problemMessages';
import { repoRoot } from '../support/paths';

const vi: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.vi.json'), 'utf8'));
const toVietnamese: Translator = { t: (m, ...a) => (vi[m] ?? m).replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)])) };

const strayText = '<<<FILE>>> a\nbody\n<<<END>>>\nstray text\n<<<FILE>>> b\nmore\n';
const clean = '<<<FILE>>> a\nbody\n<<<END>>>\n';
const entry = (name: string, text: string, open: boolean): ProblemEntry<string> => ({
  uri: `file:///w/${name}`,
  dump: parseDump(text),
  ...(open ? { text } : {}),
});

describe('problems of listed dumps as diagnostics', () => {
  const entries = [
    entry('closed.dump', strayText, false),
    entry('open.dump', strayText, true),
    entry('clean.dump', clean, false),
  ];

  it('publishes the problems of every listed dump, open or not, translated', () => {
    const all = problemDiagnostics(entries, 'all', toVietnamese);
    assert.deepStrictEqual([...all.keys()], ['file:///w/closed.dump', 'file:///w/open.dump', 'file:///w/clean.dump']);
    assert.deepStrictEqual(all.get('file:///w/closed.dump')?.diagnostics, [
      {
        line: 3,
        endLine: 3,
        endCharacter: WHOLE_LINE,
        message: 'Văn bản sau dòng kết thúc không thuộc bài viết nào.',
        code: 'stray-text',
      },
    ]);
    // Open: the range ends where the line does.
    assert.strictEqual(all.get('file:///w/open.dump')?.diagnostics[0].endCharacter, 'stray text'.length);
    // Listed without problems: present with none, so stale diagnostics are replaced.
    assert.deepStrictEqual(all.get('file:///w/clean.dump')?.diagnostics, []);
  });

  it('limits them to open dumps with scope "open"; a dump not in scope or not listed has no entry to publish', () => {
    const open = problemDiagnostics(entries, 'open', toVietnamese);
    assert.deepStrictEqual([...open.keys()], ['file:///w/open.dump']);
    assert.strictEqual(problemDiagnostics([], 'all', toVietnamese).size, 0);
  });

  it('reads the setting, defaulting to "all"', () => {
    assert.strictEqual(problemScope('open'), 'open');
    assert.strictEqual(problemScope('all'), 'all');
    assert.strictEqual(problemScope(undefined), 'all');
    assert.strictEqual(problemScope('bogus'), 'all');
  });
});
