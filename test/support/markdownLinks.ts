import { isOwnLinkTarget } from '../../src/core/security/links';

/** Whether the character at i is escaped by an odd run of backslashes before it. */
const escaped = (md: string, i: number) => {
  let k = i - 1;
  while (k >= 0 && md[k] === '\\') k--;
  return (i - 1 - k) % 2 === 1;
};

/**
 * What in a card's markdown could act as markup we did not write: the link targets that are not
 * ours, and any unescaped `[`, `]`, `(`, `)`, `<`, `!` left once our own links are taken out.
 * An empty list means the card holds no link or image that is not one of ours.
 */
export function foreignMarkup(md: string): string[] {
  const found: string[] = [];
  // Our links: an escaped label (no unescaped bracket inside), then a destination with no space or paren.
  const own = /\[((?:[^\\\][]|\\.)*)\]\(([^()\s]*)\)/g;
  let rest = '';
  let last = 0;
  for (let m = own.exec(md); m; m = own.exec(md)) {
    if (escaped(md, m.index)) continue;
    if (!isOwnLinkTarget(m[2])) found.push(`link to ${m[2]}`);
    rest += md.slice(last, m.index) + m[1];
    last = m.index + m[0].length;
  }
  rest += md.slice(last);
  for (let i = 0; i < rest.length; i++)
    if ('[]()<!'.includes(rest[i]) && !escaped(rest, i)) found.push(`unescaped ${rest[i]} at ${i}`);
  if (/(?<!\\)(?:https?|command|data|javascript|file):/i.test(rest)) found.push('bare URL scheme');
  return found;
}
