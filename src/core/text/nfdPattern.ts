/**
 * Turns a literal NFC string into a regex source that also matches its NFD spelling,
 * so patterns written once match text that arrives in either normal form (spec §1).
 */
export function nfcOrNfdPattern(literal: string): string {
  let out = '';
  for (const ch of literal.normalize('NFC')) {
    const decomposed = ch.normalize('NFD');
    const esc = escapeRegex(ch);
    out += decomposed === ch ? esc : `(?:${esc}|${escapeRegex(decomposed)})`;
  }
  return out;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
