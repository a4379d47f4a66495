import { commandLink, safeWebLink } from '../security/links';
import { escapeMarkdown } from '../text/markdown';
import type { EntityCard } from './card';

/** The card's fixed words in the reader's language; the editor passes its translations. */
export interface CardLabels {
  readonly type: string;
  readonly source: string;
  readonly also: string;
  /** "N mentions in this article, M in the corpus, in K articles", already filled in. */
  readonly counts: string;
  readonly oftenWith: string;
  readonly search: string;
  readonly showMentions: string;
  readonly reveal: string;
  readonly filter: string;
  readonly trend: string;
  /** Said when the card rests on little evidence (see EntityCard.evidence); absent otherwise. */
  readonly littleEvidence?: string;
}

/**
 * A hover card as markdown. Everything from the corpus or a gazetteer is escaped; the only links
 * are the gazetteer's source link (parsed, http(s), re-serialised) and the card's commands.
 * `documentUri` and `mentionStart` say which mention Show all mentions starts from.
 */
export function cardMarkdown(card: EntityCard, labels: CardLabels, documentUri: string, mentionStart: number): string {
  const e = card.entity;
  const t = escapeMarkdown;
  const out: string[] = [`**${t(e.name)}** — ${t(labels.type)}\n\n`];
  if (card.role) out.push(`${t(card.role.text)}\n\n`);
  if (labels.littleEvidence) out.push(`*${t(labels.littleEvidence)}*\n\n`);
  if (e.description) {
    const link = e.link && safeWebLink(e.link);
    out.push(`${t(e.description)}${link ? ` \\([${t(labels.source)}](${link})\\)` : ''}\n\n`);
  }
  const aliases = [...e.aliases].filter((a) => a !== e.name);
  if (aliases.length) out.push(`${t(labels.also)}: ${aliases.map(t).join(', ')}\n\n`);
  out.push(t(labels.counts));
  if (card.firstDate)
    out.push(` · ${t(card.firstDate === card.lastDate ? card.firstDate : `${card.firstDate} – ${card.lastDate}`)}`);
  out.push('\n\n');
  // Summary and links first, so the card's actions never need scrolling; then companions and short contexts.
  out.push(
    [
      `[${t(labels.search)}](${commandLink('corpusExplorer.search', [`"${e.name}"`])})`,
      `[${t(labels.showMentions)}](${commandLink('corpusExplorer.showMentions', [documentUri, mentionStart])})`,
      `[${t(labels.reveal)}](${commandLink('corpusExplorer.entities.reveal', [e.id])})`,
      `[${t(labels.filter)}](${commandLink('corpusExplorer.articles.filterByEntity', [e.id])})`,
      `[${t(labels.trend)}](${commandLink('corpusExplorer.showStatistics', [`"${e.name.replace(/"/g, '')}"`])})`,
    ].join(' · '),
  );
  out.push('\n\n');
  if (card.companions.length)
    out.push(`${t(labels.oftenWith)}: ${card.companions.map((c) => t(c.entity.name)).join(', ')}\n\n`);
  for (const c of card.contexts.slice(0, MAX_CONTEXTS))
    out.push(`> ${t(shorten(c.text))} — *${t(c.article.date?.value ?? c.article.name)}*\n\n`);
  return out.join('');
}

const MAX_CONTEXTS = 2;
const CONTEXT_CHARS = 110;
/** A context cut at a word near CONTEXT_CHARS, so each is one or two lines of the card. */
const shorten = (text: string) => {
  if (text.length <= CONTEXT_CHARS) return text;
  const cut = text.lastIndexOf(' ', CONTEXT_CHARS);
  return `${text.slice(0, cut > CONTEXT_CHARS / 2 ? cut : CONTEXT_CHARS)}…`;
};
