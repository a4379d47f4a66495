import * as vscode from 'vscode';
import type { EntityType } from '../../core/entities/gazetteer';
import type { EntityNode } from './entityTree';
import { escapeMarkdown } from '../shared/markdown';
import { dateLabel } from '../shared/dateLabel';
import { Commands } from '../shared/commands';
import { articleCount, mentionCount } from '../shared/counts';

export type { EntityNode };

export function typeLabel(type: EntityType): string {
  return type === 'PER'
    ? vscode.l10n.t('People')
    : type === 'LOC'
      ? vscode.l10n.t('Places')
      : vscode.l10n.t('Organisations');
}

const TYPE_ICONS: Record<EntityType, string> = { PER: 'person', LOC: 'location', ORG: 'organization' };

export function toTreeItem(node: EntityNode): vscode.TreeItem {
  switch (node.kind) {
    case 'type': {
      const item = new vscode.TreeItem(typeLabel(node.type), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
      item.id = node.id;
      return item;
    }
    case 'entity': {
      const e = node.entity;
      const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = `${mentionCount(e.mentions)} · ${articleCount(e.articleCount)}`;
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[e.type]);
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${escapeMarkdown(e.name)}**`);
      if (e.role) md.appendMarkdown(` — ${escapeMarkdown(e.role)}`);
      if (e.description) md.appendMarkdown(`\n\n${escapeMarkdown(e.description)}`);
      if (e.aliases.length)
        md.appendMarkdown(`\n\n${vscode.l10n.t('Also')}: ${e.aliases.map(escapeMarkdown).join(', ')}`);
      item.tooltip = md;
      item.contextValue = 'entity';
      item.accessibilityInformation = { label: `${e.name}, ${item.description}` };
      return item;
    }
    case 'ref': {
      const item = new vscode.TreeItem(node.article?.title ?? vscode.l10n.t('Article {0}', node.ref.articleIndex + 1));
      item.id = node.id;
      item.description = [node.article && dateLabel(node.article), mentionCount(node.ref.mentions)]
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.command = {
        command: Commands.revealInDump,
        title: vscode.l10n.t('Open Mention'),
        arguments: [node.ref.dumpKey, node.ref.articleIndex, node.ref.firstStart, node.ref.firstEnd],
      };
      return item;
    }
    case 'more': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load more ({0} left)', node.remaining));
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = {
        command: Commands.entitiesLoadMore,
        title: vscode.l10n.t('Load more'),
        arguments: [node],
      };
      return item;
    }
  }
}
