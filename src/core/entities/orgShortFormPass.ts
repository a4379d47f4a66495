import type { ArticleContext } from './articlePasses';
import { STRONG, WEAK } from './candidates';
import { lowerKey } from './lexicon';

const VIETNAMESE_LETTERS = /^[a-zà-ỹđ]+$/u;

/**
 * An organisation named in full is then called by the end of its name: `Công ty Cổ phần Đầu tư và Công
 * nghiệp Tân Tạo` … `cổ đông Tân Tạo`, `Tập đoàn Berkshire Hathaway` … `Berkshire Hathaway`, `Công ty
 * Nielsen Việt Nam` … `Nielsen`. In the same article, a name with no evidence of its own (no cue, no
 * surname) spelled as such a part is that organisation, not a person. Runs after the article's other passes,
 * so the full name may come before or after the short one.
 */
export function orgShortFormPass(c: ArticleContext, firstCandidate: number): void {
  const { out } = c;
  let parts: Map<string, string> | undefined;
  for (let k = firstCandidate; k < out.length; k++) {
    const org = out[k];
    if (org.type !== 'ORG' || org.strength < STRONG || !org.key) continue;
    const words = lowerKey(c.text.slice(org.start, org.end)).split(' ');
    // `… Nielsen Việt Nam`: the Vietnamese arm's short name leaves the country out.
    const end = words.length > 3 && words.slice(-2).join(' ') === 'việt nam' ? words.length - 2 : words.length;
    for (let from = 1; from < end; from++) {
      const part = words.slice(from, end).join(' ');
      // A lone Vietnamese syllable (`Mai` of `Bệnh viện Bạch Mai`) is too often a person's own name.
      if (end - from === 1 && VIETNAMESE_LETTERS.test(part) && part.length <= 7) continue;
      parts ??= new Map();
      if (!parts.has(part)) parts.set(part, org.key);
    }
  }
  if (!parts) return;
  for (let k = firstCandidate; k < out.length; k++) {
    const cand = out[k];
    if (cand.type !== 'PER' || cand.cued || cand.strength > WEAK || !cand.words) continue;
    const key = parts.get(cand.words.map((w) => w.lower).join(' '));
    if (key === undefined) continue;
    out[k] = { ...cand, type: 'ORG', strength: STRONG, key, words: undefined };
  }
}
