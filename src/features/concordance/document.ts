import * as vscode from 'vscode';
import type { ConcordanceLine } from '../../core/search/engine';
import { formatConcordance, type ConcordanceOrder } from '../../core/search/kwic';
import { articleCount, matchCount } from '../shared/counts';

export const SCHEME = 'corpus-kwic';
export const HEADER_LINES = 3;
export const WIDTH = 50;

export interface Concordance {
  query: string;
  lines: ConcordanceLine[];
  truncated: boolean;
  order: ConcordanceOrder;
}

/**
 * The concordances open as read-only documents (`corpus-kwic:` URIs): their content, and Go to
 * Definition from a line to its match in the dump.
 */
export class ConcordanceDocuments implements vscode.Disposable {
  private readonly views = new Map<string, Concordance>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private counter = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
        onDidChange: this.changed.event,
        provideTextDocumentContent: (uri) => {
          const c = this.views.get(uri.toString());
          return c
            ? render(c)
            : vscode.l10n.t('This concordance is no longer available; run Corpus: Concordance again.');
        },
      }),
      vscode.languages.registerDefinitionProvider(
        { scheme: SCHEME },
        {
          provideDefinition: (document, position) => {
            const l = this.lineAt(document.uri, position.line);
            return l && new vscode.Location(vscode.Uri.parse(l.dumpKey), new vscode.Position(l.line, l.column));
          },
        },
      ),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === SCHEME) this.views.delete(d.uri.toString());
      }),
    ];
  }

  /** A new document for a concordance of `query`; its URI names the query. */
  add(concordance: Concordance): vscode.Uri {
    const uri = vscode.Uri.from({
      scheme: SCHEME,
      path: `/${
        concordance.query
          .replace(/[\\/:*?"<>|]+/g, ' ')
          .trim()
          .slice(0, 60) || 'query'
      }.kwic`,
      query: String(++this.counter),
    });
    this.views.set(uri.toString(), concordance);
    return uri;
  }

  get(uri: vscode.Uri): Concordance | undefined {
    return uri.scheme === SCHEME ? this.views.get(uri.toString()) : undefined;
  }

  /** The concordance line shown on a document line, if it is one. */
  lineAt(uri: vscode.Uri, line: number): ConcordanceLine | undefined {
    return this.get(uri)?.lines[line - HEADER_LINES];
  }

  /** Shows the concordance's new order (or lines) in its document. */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function render(c: Concordance): string {
  const articles = new Set(c.lines.map((l) => `${l.dumpKey}#${l.article.index}`)).size;
  const orderLabel = {
    position: vscode.l10n.t('by position'),
    left: vscode.l10n.t('by the word on the left'),
    right: vscode.l10n.t('by the word on the right'),
    match: vscode.l10n.t('by match'),
  }[c.order];
  return [
    vscode.l10n.t(
      'Concordance of {0}: {1} in {2}, {3}{4}',
      c.query,
      matchCount(c.lines.length),
      articleCount(articles),
      orderLabel,
      c.truncated ? vscode.l10n.t(' (stopped at the limit)') : '',
    ),
    vscode.l10n.t('Enter or F12 on a line opens the match · Corpus: Sort Concordance… · Corpus: Export Concordance…'),
    '',
    ...formatConcordance(c.lines, WIDTH),
  ].join('\n');
}
