import * as vscode from 'vscode';
import { articleCount, matchCount } from '../shared/counts';
import { dateLabel } from '../shared/dateLabel';
import { cutTitle, type ResultNode } from './model';

export type { ResultNode };

export const SearchResultCommands = {
  openHit: 'corpusExplorer.searchResults.openHit',
} as const;

export function toTreeItem(node: ResultNode): vscode.TreeItem {
  switch (node.kind) {
    case 'dump': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = `${matchCount(node.hitCount)} · ${articleCount(node.articles.length)}`;
      item.iconPath = new vscode.ThemeIcon('database');
      item.tooltip = vscode.Uri.parse(node.dumpKey).fsPath;
      item.contextValue = 'searchResultDump';
      return item;
    }
    case 'article': {
      const a = node.article;
      // The date leads, so a narrow sidebar cuts the title, never the date.
      const item = new vscode.TreeItem(
        `${dateLabel(a)} · ${cutTitle(a.title || a.name)}`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = node.id;
      item.description = matchCount(node.hits.length);
      item.tooltip = [a.title, [dateLabel(a), a.source].filter(Boolean).join(' · '), node.parent.label].join('\n');
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.contextValue = 'searchResultArticle';
      return item;
    }
    case 'hit': {
      const item = new vscode.TreeItem({ label: node.text, highlights: [...node.highlights] });
      item.id = node.id;
      if (node.line !== undefined) item.description = String(node.line + 1);
      item.tooltip = node.text;
      item.contextValue = 'searchResultHit';
      item.command = { command: SearchResultCommands.openHit, title: vscode.l10n.t('Open Match'), arguments: [node] };
      item.accessibilityInformation = { label: node.text };
      return item;
    }
  }
}

/** The results as plain text, for Copy All. */
export function resultsText(query: string, roots: readonly ResultNode[], hits: number, articles: number): string {
  const out = [`${query} — ${matchCount(hits)} · ${articleCount(articles)}`];
  const article = (n: ResultNode, indent: string) => {
    if (n.kind !== 'article') return;
    out.push(`${indent}${n.article.title} (${dateLabel(n.article)})`);
    for (const h of n.hits) out.push(`${indent}  ${h.line !== undefined ? `${h.line + 1}: ` : ''}${h.text}`);
  };
  for (const r of roots) {
    if (r.kind === 'dump') {
      out.push('', r.label);
      for (const a of r.articles) article(a, '  ');
    } else {
      out.push('');
      article(r, '');
    }
  }
  return `${out.join('\n')}\n`;
}
