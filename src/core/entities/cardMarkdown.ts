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
  if (e.role) out.push(`${t(e.role)}\n\n`);
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
  if (card.companions.length)
    out.push(`${t(labels.oftenWith)}: ${card.companions.map((c) => t(c.entity.name)).join(', ')}\n\n`);
  for (const c of card.contexts) out.push(`> ${t(c.text)} — *${t(c.article.date?.value ?? c.article.name)}*\n\n`);
  out.push(
    [
      `[${t(labels.search)}](${commandLink('corpusExplorer.search', [`"${e.name}"`])})`,
      `[${t(labels.showMentions)}](${commandLink('corpusExplorer.showMentions', [documentUri, mentionStart])})`,
      `[${t(labels.reveal)}](${commandLink('corpusExplorer.entities.reveal', [e.id])})`,
      `[${t(labels.filter)}](${commandLink('corpusExplorer.articles.filterByEntity', [e.id])})`,
      `[${t(labels.trend)}](${commandLink('corpusExplorer.showStatistics', [`"${e.name.replace(/"/g, '')}"`])})`,
    ].join(' · '),
  );
  return out.join('');
}
