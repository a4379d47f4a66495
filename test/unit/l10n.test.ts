import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeDump } from '../../src/core/dump/decode';
import { parseDump } from '../../src/core/dump/reader';
import type { DumpProblem, ProblemCode } from '../../src/core/dump/types';
import { PROBLEM_CODES, problemMessage, type Translator } from '../../src/features/language/problemMessages';
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

describe('Vietnamese problem messages', () => {
  const vi = json('l10n/bundle.l10n.vi.json') as Record<string, string>;
  // Like vscode.l10n.t with the Vietnamese bundle, but a missing text fails instead of falling back to English.
  const toVietnamese: Translator = {
    t: (message, ...args) => {
      const text = vi[message];
      if (text === undefined) throw new Error(`No Vietnamese text for: ${message}`);
      return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
    },
  };
  const problem = (code: ProblemCode, message = ''): DumpProblem => ({ code, line: 0, endLine: 0, message });

  it('has a message for every problem code the reader declares', () => {
    const declared = [
      ...fs
        .readFileSync(path.join(repoRoot, 'src/core/dump/types.ts'), 'utf8')
        .match(/type ProblemCode =([^;]+);/)![1]
        .matchAll(/'([\w-]+)'/g),
    ].map((m) => m[1]);
    assert.ok(declared.length >= 6);
    assert.deepStrictEqual([...PROBLEM_CODES].sort(), declared.sort());
  });

  it('translates the problems the reader reports, with their details', () => {
    const badDate = parseDump('<<<FILE>>> x\ndate 2022-02-30 Text\n<<<FILE>>> y\ndate: 2021-13\n\nBody\n').problems;
    const badBytes = decodeDump(
      Buffer.concat([Buffer.from('<<<FILE>>> a\nbad '), Buffer.from([0xff]), Buffer.from('\n')]),
    ).problems;
    const messages = [...badDate, ...badBytes].map((p) => problemMessage(p, toVietnamese));
    assert.deepStrictEqual(messages, [
      'Thẻ ngày "2022-02-30" không phải ngày có thật; đã bỏ qua.',
      'Trường ngày "2021-13" trong phần đầu không phải ngày có thật; đã bỏ qua.',
      'Tệp không phải UTF-8 hợp lệ (byte lỗi đầu tiên ở vị trí 17); các byte lỗi hiện thành �.',
    ]);
  });

  it('translates every problem code', () => {
    const examples: Record<string, string> = {
      'invalid-utf8': 'The file is not valid UTF-8 (first bad byte at 3); bad bytes show as �.',
      'invalid-date': 'Date tag "2022-02-30" is not a real date; ignored.',
    };
    for (const code of PROBLEM_CODES) {
      const message = problemMessage(problem(code, examples[code] ?? 'English'), toVietnamese);
      assert.ok(message && message !== examples[code] && message !== 'English', `${code}: ${message}`);
    }
  });
});
