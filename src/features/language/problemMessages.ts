import type { DumpProblem, ProblemCode } from '../../core/dump/types';

/** The translator: `vscode.l10n` in the editor, the Vietnamese bundle in the tests. */
export interface Translator {
  t(message: string, ...args: (string | number)[]): string;
}

/** The detail the reader put in its English message (a date tag, a byte offset), for the translated one. */
const detail = (p: DumpProblem, pattern: RegExp) => pattern.exec(p.message)?.[1];

/**
 * A reader problem in the person's language. One entry per problem code, so a new code without a
 * message does not compile; when the reader's message lacks the expected detail it is shown as is.
 */
const MESSAGES: Record<ProblemCode, (p: DumpProblem, l10n: Translator) => string> = {
  'stray-text': (_p, l10n) => l10n.t('Text after an end line belongs to no article.'),
  'end-without-article': (_p, l10n) => l10n.t('End line with no article open.'),
  'malformed-marker': (_p, l10n) =>
    l10n.t(
      'Line starts like a marker but is not one; read as text. Markers are <<<FILE>>> NAME, <<<FILE: NAME>>> or <<<FILE NAME>>>.',
    ),
  'nul-bytes': (_p, l10n) => l10n.t('The file contains NUL bytes; is it really text?'),
  'invalid-utf8': (p, l10n) => {
    const at = detail(p, /first bad byte at (\d+)/);
    return at === undefined
      ? p.message
      : l10n.t('The file is not valid UTF-8 (first bad byte at {0}); bad bytes show as �.', at);
  },
  'invalid-date': (p, l10n) => {
    const tag = detail(p, /^Date tag "(.*)" is not/);
    if (tag !== undefined) return l10n.t('Date tag "{0}" is not a real date; ignored.', tag);
    const header = detail(p, /^Date header "(.*)" is not/);
    if (header !== undefined) return l10n.t('Date header "{0}" is not a real date; ignored.', header);
    return p.message;
  },
};

export const PROBLEM_CODES = Object.keys(MESSAGES) as ProblemCode[];

export function problemMessage(p: DumpProblem, l10n: Translator): string {
  return MESSAGES[p.code]?.(p, l10n) ?? p.message;
}
