import type { DumpProblem } from '../../core/dump/types';
import { problemMessage, type Translator } from './problemMessages';

/** Which listed dumps show their problems: every one the workspace lists, or only those open in an editor. */
export type ProblemScope = 'all' | 'open';

export function problemScope(setting: unknown): ProblemScope {
  return setting === 'open' ? 'open' : 'all';
}

/** A listed dump as this module needs it (a `DumpEntry` fits): `text` is present when it is open. */
export interface ProblemEntry<U> {
  readonly uri: U;
  readonly dump: { readonly problems: readonly DumpProblem[] };
  readonly text?: string;
}

/** End column of a problem whose last line's text is not known (the dump is not open): the whole line. */
export const WHOLE_LINE = 2 ** 31 - 1;

/** One diagnostic, 0-based lines, in the person's language. */
export interface ProblemDiagnostic {
  readonly line: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly message: string;
  readonly code: DumpProblem['code'];
}

export interface DumpDiagnostics<U> {
  readonly uri: U;
  readonly diagnostics: readonly ProblemDiagnostic[];
}

/**
 * The diagnostics of every dump in scope, keyed by `uri.toString()`. A dump in scope with no problems is
 * present with none, so the caller can tell it from a dump that left the list (whose diagnostics it clears).
 * Ranges cover whole lines, clamped to the text when the dump is open.
 */
export function problemDiagnostics<U extends { toString(): string }>(
  entries: readonly ProblemEntry<U>[],
  scope: ProblemScope,
  l10n: Translator,
): Map<string, DumpDiagnostics<U>> {
  const result = new Map<string, DumpDiagnostics<U>>();
  for (const entry of entries) {
    if (scope === 'open' && entry.text === undefined) continue;
    const lines = entry.text !== undefined && entry.dump.problems.length ? entry.text.split(/\r\n|\r|\n/) : undefined;
    result.set(entry.uri.toString(), {
      uri: entry.uri,
      diagnostics: entry.dump.problems.map((p) => {
        const endLine = lines ? Math.max(0, Math.min(p.endLine, lines.length - 1)) : p.endLine;
        return {
          line: lines ? Math.min(p.line, endLine) : p.line,
          endLine,
          endCharacter: lines ? lines[endLine].length : WHOLE_LINE,
          message: problemMessage(p, l10n),
          code: p.code,
        };
      }),
    });
  }
  return result;
}
