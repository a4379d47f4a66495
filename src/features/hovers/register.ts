import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../corpus/corpusService';
import type { FeatureContext } from '../shared/featureContext';
import { entityCard } from '../../core/entities/card';
import { mentionAt, type EntityType } from '../../core/entities/extract';
import { escapeMarkdown } from '../shared/markdown';
import { Commands } from '../shared/commands';
import { articleCount, mentionCount } from '../shared/counts';

/** The only command links a hover card may run. */
const TRUSTED_COMMANDS = [
  'corpusExplorer.search',
  'corpusExplorer.showMentions',
  'corpusExplorer.entities.reveal',
  'corpusExplorer.articles.filterByEntity',
  'corpusExplorer.showStatistics',
];

function typeLabel(type: EntityType): string {
  return type === 'PER'
    ? vscode.l10n.t('Person')
    : type === 'LOC'
      ? vscode.l10n.t('Place')
      : vscode.l10n.t('Organisation');
}

const commandLink = (command: string, args: unknown[]) =>
  `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;

/** Hover cards on names, and Find All References over every mention of the same entity. */
const MAX_CONTEXTS = 2;
const CONTEXT_CHARS = 110;
/** A context cut at a word near CONTEXT_CHARS, so each is one or two lines of the card. */
const shorten = (text: string) => {
  if (text.length <= CONTEXT_CHARS) return text;
  const cut = text.lastIndexOf(' ', CONTEXT_CHARS);
  return `${text.slice(0, cut > CONTEXT_CHARS / 2 ? cut : CONTEXT_CHARS)}…`;
};

export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { entities } = ctx;
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const lookup = async (document: vscode.TextDocument, position: vscode.Position) => {
    const { dump, text, index } = await entities.forDocument(document);
    const mention = mentionAt(index, document.offsetAt(position));
    return mention && { dump, text, index, mention };
  };
  return [
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position, token) {
        if (!vscode.workspace.getConfiguration('corpusExplorer').get<boolean>('hover.enabled', true)) return undefined;
        const found = await lookup(document, position);
        if (!found || token.isCancellationRequested) return undefined;
        const card = entityCard(found.text, found.dump, found.index, found.mention);
        const e = card.entity;
        const md = new vscode.MarkdownString(undefined, true);
        md.isTrusted = { enabledCommands: TRUSTED_COMMANDS };
        md.appendMarkdown(`**${escapeMarkdown(e.name)}** — ${typeLabel(e.type)}\n\n`);
        if (card.role) md.appendMarkdown(`${escapeMarkdown(card.role.text)}\n\n`);
        if (card.evidence === 'little')
          md.appendMarkdown(
            `*${vscode.l10n.t('Little evidence: {0} mention(s), no role or description; the type is a guess from context.', e.mentions)}*\n\n`,
          );
        if (e.description)
          md.appendMarkdown(
            `${escapeMarkdown(e.description)}${e.link ? ` ([${vscode.l10n.t('source')}](${e.link.replace(/[()\s]/g, encodeURIComponent)}))` : ''}\n\n`,
          );
        const aliases = [...e.aliases].filter((a) => a !== e.name);
        if (aliases.length)
          md.appendMarkdown(`${vscode.l10n.t('Also')}: ${aliases.map(escapeMarkdown).join(', ')}\n\n`);
        md.appendMarkdown(
          vscode.l10n.t(
            '{0} in this article, {1} in the corpus, in {2}',
            mentionCount(card.inArticle),
            mentionCount(e.mentions),
            articleCount(card.articleCount),
          ),
        );
        if (card.firstDate)
          md.appendMarkdown(
            ` · ${escapeMarkdown(card.firstDate === card.lastDate ? card.firstDate : `${card.firstDate} – ${card.lastDate}`)}`,
          );
        md.appendMarkdown('\n\n');
        md.appendMarkdown(
          `[${vscode.l10n.t('Search the corpus')}](${commandLink('corpusExplorer.search', [`"${e.name}"`])}) · `,
        );
        md.appendMarkdown(
          `[${vscode.l10n.t('Show all mentions')}](${commandLink('corpusExplorer.showMentions', [document.uri.toString(), found.mention.start])}) · `,
        );
        md.appendMarkdown(
          `[${vscode.l10n.t('Reveal in Entities view')}](${commandLink('corpusExplorer.entities.reveal', [e.id])}) · `,
        );
        md.appendMarkdown(
          `[${vscode.l10n.t('Filter articles')}](${commandLink('corpusExplorer.articles.filterByEntity', [e.id])}) · `,
        );
        md.appendMarkdown(
          `[${vscode.l10n.t('Trend of this entity')}](${commandLink('corpusExplorer.showStatistics', [`"${e.name.replace(/"/g, '')}"`])})`,
        );
        // Summary and links first, so the card's actions never need scrolling; then companions and two short contexts.
        md.appendMarkdown('\n\n');
        if (card.companions.length) {
          md.appendMarkdown(
            `${vscode.l10n.t('Often with')}: ${card.companions.map((c) => escapeMarkdown(c.entity.name)).join(', ')}\n\n`,
          );
        }
        for (const c of card.contexts.slice(0, MAX_CONTEXTS))
          md.appendMarkdown(
            `> ${escapeMarkdown(shorten(c.text))} — *${escapeMarkdown(c.article.date?.value ?? c.article.name)}*\n\n`,
          );
        const range = new vscode.Range(
          document.positionAt(found.mention.start),
          document.positionAt(found.mention.end),
        );
        return new vscode.Hover(md, range);
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      async provideReferences(document, position) {
        const found = await lookup(document, position);
        if (!found) return undefined;
        return found.index.mentions
          .filter((m) => m.entity === found.mention.entity)
          .map(
            (m) =>
              new vscode.Location(
                document.uri,
                new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)),
              ),
          );
      },
    }),
    vscode.commands.registerCommand(Commands.showMentions, async (uri: string, offset: number) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const position = document.positionAt(offset);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        document.uri,
        position,
      );
      await vscode.commands.executeCommand('editor.action.showReferences', document.uri, position, locations);
      return locations;
    }),
  ];
}
