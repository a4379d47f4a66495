import * as vscode from 'vscode';
import { markStepDone, WalkthroughStep } from '../shared/walkthrough';
import { Debouncer } from '../../corpus/debounce';
import type { PrefixCap, SearchHit } from '../../core/search/engine';
import { parseQuery } from '../../core/search/query';
import { wordCount } from '../shared/counts';
import { dateLabel } from '../shared/dateLabel';
import { queryErrorMessage } from '../shared/queryError';
import { CancelledError } from '../../corpus/searchIndexService';
import { Commands } from '../shared/commands';
import type { FeatureContext } from '../shared/featureContext';

interface HitItem extends vscode.QuickPickItem {
  hit?: SearchHit;
}

/** Marks the matched words in a snippet; quick pick details are plain text. */
function markSnippet(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [s, e] of hit.highlights) {
    if (s < at) continue;
    out += hit.snippet.slice(at, s) + '«' + hit.snippet.slice(s, e) + '»';
    at = e;
  }
  return out + hit.snippet.slice(at);
}

/** `Corpus: Search`: a quick pick over the in-memory index that answers as the person types. */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const service = ctx.search;
  const revealHit = (hit: SearchHit) =>
    ctx.navigator.reveal({
      dump: vscode.Uri.parse(hit.dumpKey),
      article: hit.article.index,
      start: hit.matchStart,
      end: hit.matchEnd,
    });
  const search = async (initial?: string, acceptFirst = false) => {
    if (initial && acceptFirst) {
      // Straight to the best hit, no quick pick: for keybindings and links.
      const parsed = parseQuery(initial);
      if (!parsed.ok) {
        void vscode.window.showWarningMessage(queryErrorMessage(parsed));
        return undefined;
      }
      const [first] = await service.query(parsed.query, 1);
      markStepDone(WalkthroughStep.searched);
      if (first) await revealHit(first);
      else void vscode.window.showInformationMessage(vscode.l10n.t('No articles match "{0}".', initial));
      return first;
    }
    const pick = vscode.window.createQuickPick<HitItem>();
    pick.title = vscode.l10n.t('Search the corpus');
    pick.placeholder = vscode.l10n.t(
      'Words (tone marks optional), "exact phrase", -exclude, prefix*, date:2022, date:2021-12..2022-02, source:…, title:…',
    );
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    const concordanceButton = {
      iconPath: new vscode.ThemeIcon('list-flat'),
      tooltip: vscode.l10n.t('Show every match in context (concordance)'),
    };
    const statisticsButton = {
      iconPath: new vscode.ThemeIcon('graph'),
      tooltip: vscode.l10n.t('Show statistics of this query (trend, collocates)'),
    };
    pick.buttons = [concordanceButton, statisticsButton];
    pick.onDidTriggerButton((button) => {
      const value = pick.value;
      pick.hide();
      if (!value.trim()) return;
      const command = button === statisticsButton ? Commands.showStatistics : Commands.concordance;
      void vscode.commands.executeCommand(command, value);
    });
    let generation = 0;
    const update = async (value: string) => {
      const mine = ++generation;
      if (!value.trim()) {
        pick.items = [];
        pick.busy = false;
        return;
      }
      const parsed = parseQuery(value);
      if (!parsed.ok) {
        pick.items = [{ label: `$(info) ${queryErrorMessage(parsed)}`, alwaysShow: true }];
        return;
      }
      pick.busy = true;
      let hits: SearchHit[];
      let capped: PrefixCap[];
      try {
        ({ hits, capped } = await service.search(parsed.query, 100));
      } catch (error) {
        if (mine !== generation) return;
        pick.busy = false;
        pick.items = [
          {
            label: `$(warning) ${error instanceof CancelledError ? vscode.l10n.t('Indexing was cancelled; type again to restart it.') : vscode.l10n.t('Search failed: {0}', String(error))}`,
            alwaysShow: true,
          },
        ];
        return;
      }
      if (mine !== generation) return;
      pick.busy = false;
      markStepDone(WalkthroughStep.searched);
      const notes: HitItem[] = capped.map((c) => ({
        label: `$(info) ${vscode.l10n.t('{0}* begins {1}; only the {2} most frequent were searched.', c.prefix, wordCount(c.total), c.kept)}`,
        alwaysShow: true,
      }));
      pick.items = hits.length
        ? [
            ...notes,
            ...hits.map((hit) => ({
              label: hit.article.title,
              description: [dateLabel(hit.article), hit.article.source].filter(Boolean).join(' · '),
              detail: markSnippet(hit),
              alwaysShow: true,
              hit,
            })),
          ]
        : [...notes, { label: `$(search-stop) ${vscode.l10n.t('No articles match "{0}".', value)}`, alwaysShow: true }];
    };
    const typing = new Debouncer();
    pick.onDidChangeValue((v) => typing.run(80, () => void update(v)));
    const chosen = new Promise<SearchHit | undefined>((resolve) => {
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]?.hit);
        pick.hide();
      });
      pick.onDidHide(() => {
        typing.dispose();
        resolve(undefined);
        pick.dispose();
      });
    });
    pick.show();
    if (initial) {
      pick.value = initial;
      await update(initial);
    }
    const hit = await chosen;
    if (hit) await revealHit(hit);
    return hit;
  };
  return [
    // (query, acceptFirst) arguments let keybindings and tests run a search directly.
    vscode.commands.registerCommand(Commands.search, (query?: string, acceptFirst?: boolean) =>
      search(query, acceptFirst),
    ),
  ];
}
