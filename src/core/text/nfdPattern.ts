/**
 * Turns a literal NFC string into a regex source that matches every canonically equivalent spelling of it
 * (spec §1): NFC, NFD, and the mixed forms real text holds, such as `ệ` written `ẹ` + U+0302 (news-dev.dump has
 * 791 such words). Each letter becomes the alternation of its base composed with any subset of its marks,
 * the other marks following in any order, kept where it normalises back to the letter.
 */
export function nfcOrNfdPattern(literal: string): string {
  let out = '';
  for (const ch of literal.normalize('NFC')) {
    const spellings = equivalentSpellings(ch);
    out += spellings.length === 1 ? escapeRegex(ch) : `(?:${spellings.map(escapeRegex).join('|')})`;
  }
  return out;
}

const cache = new Map<string, string[]>();

/** Every spelling of one NFC letter that normalises to it, longest first. */
function equivalentSpellings(ch: string): string[] {
  const known = cache.get(ch);
  if (known) return known;
  const [base, ...marks] = Array.from(ch.normalize('NFD'));
  const found = new Set<string>([ch]);
  // Vietnamese letters carry at most two marks; four bounds the permutations for any script.
  if (marks.length && marks.length <= 4)
    for (const order of permutations(marks))
      for (let k = 0; k <= order.length; k++) {
        const head = (base + order.slice(0, k).join('')).normalize('NFC');
        if (k > 0 && Array.from(head).length !== 1) break;
        const spelling = head + order.slice(k).join('');
        if (spelling.normalize('NFC') === ch) found.add(spelling);
      }
  const spellings = [...found].sort((a, b) => b.length - a.length);
  cache.set(ch, spellings);
  return spellings;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
