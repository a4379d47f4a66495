import * as vscode from 'vscode';
import { Debouncer } from '../../corpus/debounce';
import { isDump } from '../../corpus/corpusService';
import type { FeatureContext } from '../shared/featureContext';
import type { EntityType } from '../../core/entities/gazetteer';
import { spanType } from '../../core/entities/spans';

const COLORS: Record<EntityType, string> = {
  PER: 'corpusExplorer.personHighlight',
  LOC: 'corpusExplorer.placeHighlight',
  ORG: 'corpusExplorer.organisationHighlight',
};

/** Underlines every mention in its type's theme colour, so people, places and organisations stand out as one reads. */
export interface Highlights {
  /** How many mentions of each type are underlined in the editor showing `uri`; for tests and status. */
  painted(uri: vscode.Uri): Readonly<Record<EntityType, number>> | undefined;
}

export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { entities } = ctx;
  const painted = new Map<string, Record<EntityType, number>>();
  // A dotted underline leaves the grammar's own colours alone.
  const decorations = Object.fromEntries(
    (Object.keys(COLORS) as EntityType[]).map((type) => [
      type,
      vscode.window.createTextEditorDecorationType({
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 2px 0',
        borderColor: new vscode.ThemeColor(COLORS[type]),
        overviewRulerColor: undefined,
      }),
    ]),
  ) as Record<EntityType, vscode.TextEditorDecorationType>;
  const enabled = () => vscode.workspace.getConfiguration('corpusExplorer.entities').get<boolean>('highlight', true);
  const timers = new Debouncer<vscode.TextEditor>();

  const paint = async (editor: vscode.TextEditor) => {
    const byType: Record<EntityType, vscode.Range[]> = { PER: [], LOC: [], ORG: [] };
    if (enabled() && isDump(editor.document)) {
      const version = editor.document.version;
      const spans = await (await entities.forDocument(editor.document)).spans();
      if (editor.document.version !== version) return;
      for (let i = 0; i < spans.starts.length; i++)
        byType[spanType(spans, i)].push(
          new vscode.Range(editor.document.positionAt(spans.starts[i]), editor.document.positionAt(spans.ends[i])),
        );
    }
    for (const type of Object.keys(byType) as EntityType[]) editor.setDecorations(decorations[type], byType[type]);
    painted.set(editor.document.uri.toString(), {
      PER: byType.PER.length,
      LOC: byType.LOC.length,
      ORG: byType.ORG.length,
    });
  };
  const schedule = (editor: vscode.TextEditor, delay: number) =>
    timers.run(delay, () => void paint(editor).catch(() => undefined), editor);
  const paintVisible = () => {
    for (const editor of vscode.window.visibleTextEditors) if (isDump(editor.document)) schedule(editor, 0);
  };
  paintVisible();
  const disposables = [
    ...Object.values(decorations),
    vscode.window.onDidChangeVisibleTextEditors(paintVisible),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const editor of vscode.window.visibleTextEditors)
        if (editor.document === e.document && isDump(e.document)) schedule(editor, 400);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpusExplorer.entities.highlight')) paintVisible();
    }),
    entities.onDidChange(paintVisible),
    timers,
  ];
  const api: Highlights = { painted: (uri) => painted.get(uri.toString()) };
  ctx.exports.highlights = api;
  return disposables;
}
