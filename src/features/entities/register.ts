import * as vscode from 'vscode';
import type { EntitySummary } from '../../core/entities/summary';
import type { FeatureContext } from '../shared/featureContext';
import { EntitiesModel } from './model';
import { pickEntity } from './pickEntity';
import type { EntityNode } from './nodes';
import { EntityTreeProvider } from './provider';
import { Commands } from '../shared/commands';

export interface EntitiesView {
  readonly model: EntitiesModel;
  readonly provider: EntityTreeProvider;
  readonly view: vscode.TreeView<EntityNode>;
}

const articlesOf = (entity: EntitySummary) => {
  const map = new Map<string, Set<number>>();
  for (const ref of entity.articles) {
    let set = map.get(ref.dumpKey);
    if (!set) map.set(ref.dumpKey, (set = new Set()));
    set.add(ref.articleIndex);
  }
  return map;
};

/** The Entities view beside the articles: who and what the corpus talks about, and where. */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const model = new EntitiesModel(ctx.workspace, ctx.entities);
  const provider = new EntityTreeProvider(model, ctx.workspace);
  const view = vscode.window.createTreeView('corpusExplorer.entities', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  let filteredBy: string | undefined;

  const describe = () => {
    view.description = provider.filter ? vscode.l10n.t('Filter: {0}', provider.filter) : undefined;
    const messages = [
      model.entities.length && !provider.getChildren().length
        ? vscode.l10n.t('No entity matches "{0}".', provider.filter)
        : undefined,
      model.skipped.length
        ? vscode.l10n.t(
            'Entities not looked for (cancelled): {0}. They are looked for again when the dump changes.',
            model.skipped.map((u) => vscode.workspace.asRelativePath(u)).join(', '),
          )
        : undefined,
    ].filter(Boolean);
    view.message = messages.length ? messages.join(' ') : undefined;
    void vscode.commands.executeCommand('setContext', 'corpusExplorer.entities.filtered', !!provider.filter);
  };
  const entityOf = (arg: EntityNode | string | undefined): EntitySummary | undefined => {
    if (typeof arg === 'string') return model.find(arg);
    if (arg && (arg.kind === 'entity' || arg.kind === 'ref')) return arg.entity;
    const selected = view.selection[0];
    return selected && (selected.kind === 'entity' || selected.kind === 'ref') ? selected.entity : undefined;
  };
  const filterArticles = (entity: EntitySummary | undefined) => {
    filteredBy = entity?.id;
    ctx.articlesFilter.setEntity(entity && { name: entity.name, articles: articlesOf(entity) });
  };

  if (view.visible) model.activate();
  const disposables: vscode.Disposable[] = [
    model,
    provider,
    view,
    view.onDidChangeVisibility((e) => {
      if (e.visible) model.activate();
    }),
    model.onDidChange(() => {
      describe();
      // The dumps changed under an active entity filter: follow the entity to its new articles.
      // (The articles view's clear action may have dropped it meanwhile.)
      if (filteredBy && ctx.articlesFilter.entity) filterArticles(model.find(filteredBy));
    }),
    vscode.commands.registerCommand(Commands.entitiesFilter, async (value?: string) => {
      const input =
        value ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Filter entities'),
          prompt: vscode.l10n.t('Part of a name or alias (tone marks optional)'),
          value: provider.filter,
        }));
      if (input === undefined) return;
      provider.filter = input.trim();
      provider.rebuild();
      describe();
    }),
    vscode.commands.registerCommand(Commands.entitiesClearFilter, () => {
      provider.filter = '';
      provider.rebuild();
      describe();
    }),
    vscode.commands.registerCommand(Commands.entitiesLoadMore, (node: EntityNode & { kind: 'more' }) =>
      provider.loadMore(node.owner),
    ),
    vscode.commands.registerCommand(Commands.entitiesReveal, async (id: string) => {
      await model.ready();
      let node = provider.nodeFor(id);
      if (!node && provider.filter) {
        provider.filter = '';
        provider.rebuild();
        describe();
        node = provider.nodeFor(id);
      }
      if (!node) {
        void vscode.window.showInformationMessage(vscode.l10n.t('That entity is no longer in the corpus.'));
        return;
      }
      await vscode.commands.executeCommand(Commands.entitiesFocus);
      await view.reveal(node, { select: true, focus: true, expand: true });
    }),
    vscode.commands.registerCommand(Commands.articlesFilterByEntity, async (arg?: EntityNode | string) => {
      await model.ready();
      const entity = entityOf(arg) ?? (await pickEntity(model, vscode.l10n.t('Filter Articles by Entity')));
      if (!entity) return;
      filterArticles(entity);
      await vscode.commands.executeCommand(Commands.articlesFocus);
    }),
    vscode.commands.registerCommand(Commands.entitiesSearch, async (arg?: EntityNode | string) => {
      const entity = entityOf(arg) ?? (await pickEntity(model, vscode.l10n.t('Search the Corpus for an Entity')));
      return entity && vscode.commands.executeCommand(Commands.search, `"${entity.name.replace(/"/g, '')}"`);
    }),
    vscode.commands.registerCommand(Commands.entitiesShowMentions, async (arg?: EntityNode | string) => {
      const entity = entityOf(arg) ?? (await pickEntity(model, vscode.l10n.t('Show All Mentions of an Entity')));
      const ref = entity?.articles[0];
      return ref && vscode.commands.executeCommand(Commands.showMentions, ref.dumpKey, ref.firstStart);
    }),
  ];
  describe();
  const api: EntitiesView = { model, provider, view };
  ctx.exports.entities = api;
  return disposables;
}
