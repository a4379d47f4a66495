import * as vscode from 'vscode';
import { isDump } from '../../corpus/corpusService';
import { dumpAtTarget } from '../../core/export/exportTarget';
import type { ConcordanceLine } from '../../core/search/engine';

/** Whether `uri` resolves to a dump the extension knows (open, in the workspace, in this concordance) or to a file in the dump format. */
export async function isDumpTarget(uri: vscode.Uri, lines: readonly ConcordanceLine[]): Promise<boolean> {
  const keys = new Set(lines.map((l) => l.dumpKey));
  for (const d of vscode.workspace.textDocuments) if (isDump(d)) keys.add(d.uri.toString());
  for (const f of await vscode.workspace.findFiles('**/*.dump', undefined, 10_000)) keys.add(f.toString());
  const known = [...keys].map((k) => vscode.Uri.parse(k)).filter((k) => k.scheme === uri.scheme);
  if (uri.scheme !== 'file') return known.some((k) => k.toString() === uri.toString());
  return (
    (await dumpAtTarget(
      uri.fsPath,
      known.map((k) => k.fsPath),
    )) !== undefined
  );
}
