import * as vscode from 'vscode';
import type { ArticleGroup, GroupLevel } from '../../core/articles/grouping';
import type { ArticleNode } from './articleTree';
import { dateLabel } from '../shared/dateLabel';
import { escapeMarkdown } from '../shared/markdown';
import { Commands } from '../shared/commands';
import { articleCount } from '../shared/counts';

export type { ArticleNode };

const GROUP_ICONS: Record<GroupLevel, string> = {
  year: 'calendar',
  month: 'calendar',
  day: 'calendar',
  undated: 'question',
  source: 'book',
  'no-source': 'question',
};

export function groupLabel(group: ArticleGroup): string {
  if (group.level === 'undated') return vscode.l10n.t('Undated');
  if (group.level === 'no-source') return vscode.l10n.t('No source');
  return group.label;
}

export function toTreeItem(
  node: ArticleNode,
  firstLines: (node: ArticleNode & { kind: 'article' }) => string,
): vscode.TreeItem {
  switch (node.kind) {
    case 'dump': {
      const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.description = articleCount(node.count);
      item.id = node.id;
      return item;
    }
    case 'group': {
      const item = new vscode.TreeItem(groupLabel(node.group), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.group.count);
      item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.group.level]);
      item.contextValue = 'articleGroup';
      item.id = node.id;
      return item;
    }
    case 'more': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load more ({0} left)', node.remaining));
      item.command = {
        command: Commands.articlesLoadMore,
        title: vscode.l10n.t('Load more'),
        arguments: [node],
      };
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.id = node.id;
      return item;
    }
    case 'article': {
      const a = node.article;
      const item = new vscode.TreeItem(a.title);
      item.id = node.id;
      item.description = dateLabel(a);
      item.iconPath = new vscode.ThemeIcon(a.date?.kind === 'inferred' ? 'symbol-event' : 'file-text');
      const how = !a.date
        ? vscode.l10n.t('no date in the article')
        : a.date.kind === 'explicit'
          ? vscode.l10n.t('given by the dump ({0})', a.date.precision)
          : vscode.l10n.t('inferred from the text ({0})', a.date.precision);
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${escapeMarkdown(a.title)}**\n\n`);
      md.appendMarkdown(
        `${escapeMarkdown(a.name || vscode.l10n.t('(no name)'))} · ${escapeMarkdown(a.date?.value ?? '—')} — ${escapeMarkdown(how)}`,
      );
      if (a.source) md.appendMarkdown(` · ${escapeMarkdown(a.source)}`);
      const lines = firstLines(node);
      if (lines) md.appendMarkdown(`\n\n---\n\n${escapeMarkdown(lines)}`);
      item.tooltip = md;
      item.command = {
        command: Commands.openArticle,
        title: vscode.l10n.t('Open Article'),
        arguments: [node.uri, a.index],
      };
      item.contextValue = 'article';
      return item;
    }
  }
}
