import * as vscode from 'vscode';

/**
 * Context keys the Get Started walkthrough's steps complete on (`onContext:` in package.json), each set
 * by the feature when the person has done the step, however they did it.
 *
 * Why not `onCommand:` / `onView:` alone: the walkthrough hears a command only when it runs through the
 * workbench (palette, keybinding, menu, link). A command run by the extension itself (the concordance from
 * the search quick pick's button, Search Results' *Open in Concordance*) or by another extension stays in
 * the extension host and never reaches it, and an event that fires before the walkthrough is registered
 * (a view restored visible at start-up) is spent for the session. The extension knows what was done.
 */
export const WalkthroughStep = {
  dumpOpened: 'corpusExplorer.walkthrough.dumpOpened',
  articlesViewShown: 'corpusExplorer.walkthrough.articlesViewShown',
  searched: 'corpusExplorer.walkthrough.searched',
  hoverCardShown: 'corpusExplorer.walkthrough.hoverCardShown',
  concordanceShown: 'corpusExplorer.walkthrough.concordanceShown',
} as const;

const done = new Set<string>();

/** Marks a step done for this session's context (the walkthrough keeps its ticks itself); once each. */
export function markStepDone(step: (typeof WalkthroughStep)[keyof typeof WalkthroughStep]): void {
  if (done.has(step)) return;
  done.add(step);
  void vscode.commands.executeCommand('setContext', step, true);
}
