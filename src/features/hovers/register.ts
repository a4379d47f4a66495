import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../corpus/corpusService';
import type { FeatureContext } from '../shared/featureContext';
import { cardMarkdown } from '../../core/entities/cardMarkdown';
import type { EntityType } from '../../core/entities/extract';
import { CARD_COMMANDS } from '../../core/security/links';
import { Commands } from '../shared/commands';
import { articleCount, mentionCount } from '../shared/counts';
import { markStepDone, WalkthroughStep } from '../shared/walkthrough';

function typeLabel(type: EntityType): string {
  return type === 'PER'
    ? vscode.l10n.t('Person')
    : type === 'LOC'
      ? vscode.l10n.t('Place')
      : vscode.l10n.t('Organisation');
}

/** Hover cards on names, and Find All References over every mention of the same entity. */

export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { entities } = ctx;
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  return [
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position, token) {
        if (!vscode.workspace.getConfiguration('corpusExplorer').get<boolean>('hover.enabled', true)) return undefined;
        // The card is made where the entities are kept (a worker, for a large dump): only it comes here.
        const found = await (await entities.forDocument(document)).cardAt(document.offsetAt(position));
        if (!found || token.isCancellationRequested) return undefined;
        const { card } = found;
        const e = card.entity;
        const md = new vscode.MarkdownString(undefined, true);
        md.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
        md.appendMarkdown(
          cardMarkdown(
            card,
            {
              type: typeLabel(e.type),
              source: vscode.l10n.t('source'),
              also: vscode.l10n.t('Also'),
              counts: vscode.l10n.t(
                '{0} in this article, {1} in the corpus, in {2}',
                mentionCount(card.inArticle),
                mentionCount(e.mentions),
                articleCount(card.articleCount),
              ),
              littleEvidence:
                card.evidence === 'little'
                  ? vscode.l10n.t(
                      'Little evidence: {0} mention(s), no role or description; the type is a guess from context.',
                      e.mentions,
                    )
                  : undefined,
              oftenWith: vscode.l10n.t('Often with'),
              search: vscode.l10n.t('Search the corpus'),
              showMentions: vscode.l10n.t('Show all mentions'),
              reveal: vscode.l10n.t('Reveal in Entities view'),
              filter: vscode.l10n.t('Filter articles'),
              trend: vscode.l10n.t('Trend of this entity'),
            },
            document.uri.toString(),
            found.start,
          ),
        );
        const range = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
        markStepDone(WalkthroughStep.hoverCardShown);
        return new vscode.Hover(md, range);
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      async provideReferences(document, position) {
        const refs = await (await entities.forDocument(document)).refsAt(document.offsetAt(position));
        if (!refs.starts.length) return undefined;
        return Array.from(
          refs.starts,
          (start, i) =>
            new vscode.Location(
              document.uri,
              new vscode.Range(document.positionAt(start), document.positionAt(refs.ends[i])),
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
