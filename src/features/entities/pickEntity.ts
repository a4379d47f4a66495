import * as vscode from 'vscode';
import type { EntityType } from '../../core/entities/gazetteer';
import type { EntitySummary } from '../../core/entities/summary';
import { articleCount, mentionCount } from '../shared/counts';
import type { EntitiesModel } from './model';

const TYPE_ICONS: Record<EntityType, string> = { PER: 'person', LOC: 'location', ORG: 'organization' };

/**
 * An entity command run with no entity (a keybinding, or the view with nothing selected) asks which one, rather than
 * running with nothing to act on; with no entity in the corpus it says why.
 */
export async function pickEntity(model: EntitiesModel, title: string): Promise<EntitySummary | undefined> {
  model.activate();
  await model.ready();
  if (!model.entities.length) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No people, places or organisations found: open a corpus dump first.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    model.entities.map((entity) => ({
      label: `$(${TYPE_ICONS[entity.type]}) ${entity.name}`,
      description: `${mentionCount(entity.mentions)} · ${articleCount(entity.articleCount)}`,
      detail: entity.role,
      entity,
    })),
    { title, placeHolder: vscode.l10n.t('Choose an entity'), matchOnDescription: false },
  );
  return picked?.entity;
}
