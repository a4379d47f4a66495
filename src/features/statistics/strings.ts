import * as vscode from 'vscode';

/** Every string the statistics webview shows, translated in the extension host (the webview has no l10n). */
export function panelStrings(): Record<string, string> {
  return {
    words: vscode.l10n.t('Word list'),
    ngrams: vscode.l10n.t('N-grams'),
    collocates: vscode.l10n.t('Collocates'),
    keywords: vscode.l10n.t('Keywords'),
    trends: vscode.l10n.t('Trends'),
    rising: vscode.l10n.t('Rising and falling'),
    dispersion: vscode.l10n.t('Dispersion'),
    subset: vscode.l10n.t('Subset (a search query; empty: the whole dump)'),
    from: vscode.l10n.t('From'),
    to: vscode.l10n.t('To'),
    source: vscode.l10n.t('Source'),
    query: vscode.l10n.t('Query'),
    queries: vscode.l10n.t('Queries (one a line)'),
    n: vscode.l10n.t('Syllables'),
    left: vscode.l10n.t('Left'),
    right: vscode.l10n.t('Right'),
    minFreq: vscode.l10n.t('Minimum frequency'),
    sortBy: vscode.l10n.t('Sort by'),
    by: vscode.l10n.t('Period'),
    stopWords: vscode.l10n.t('Leave out stop words'),
    compute: vscode.l10n.t('Compute'),
    export: vscode.l10n.t('Export CSV…'),
    previous: vscode.l10n.t('Previous page'),
    next: vscode.l10n.t('Next page'),
    page: vscode.l10n.t('Page {0} of {1}'),
    computing: vscode.l10n.t('Computing…'),
    none: vscode.l10n.t('Nothing to show.'),
    dump: vscode.l10n.t('Dump'),
    reference: vscode.l10n.t('Reference'),
    restOfDump: vscode.l10n.t('The rest of this dump'),
    chart: vscode.l10n.t('Chart'),
    openHint: vscode.l10n.t('Click a number to open its concordance.'),
  };
}
