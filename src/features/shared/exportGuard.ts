import * as vscode from 'vscode';
import { isDump } from '../../corpus/corpusService';
import { dumpAtTarget } from '../../core/export/exportTarget';

/**
 * Whether `uri` resolves to a dump the extension knows (open, in the workspace, or one of `dumpKeys`,
 * the dumps the exported table came from) or to a file in the dump format: every export asks this first.
 */
export async function isDumpTarget(uri: vscode.Uri, dumpKeys: Iterable<string> = []): Promise<boolean> {
  const keys = new Set(dumpKeys);
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
