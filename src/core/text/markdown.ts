/**
 * Corpus text shown in hovers and tooltips is data, never markup: every character markdown gives
 * a meaning to is escaped (`$` too: `$(icon)` is VS Code's icon syntax), and every line break —
 * CRLF, LF, a lone CR, U+2028/U+2029 — becomes a markdown hard break, not a new block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:=$]/g, '\\$&').replace(/\r\n|[\r\n\u2028\u2029]/g, '  \n');
}
