import * as fs from 'fs';
import * as vscode from 'vscode';
import { decodeDump } from '../../core/dump/decode';
import { CorpusIndex } from '../../core/search/corpusIndex';
import type { ArticlesModel } from '../articles/model';

/** The index over every dump the articles view shows, rebuilt when the dumps change. */
export class SearchIndexService implements vscode.Disposable {
  private index: Promise<{ index: CorpusIndex; texts: Map<string, string> }> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ArticlesModel) {
    this.subscription = model.onDidChange(() => { this.index = undefined; });
  }

  get(): Promise<{ index: CorpusIndex; texts: Map<string, string> }> {
    this.index ??= this.build();
    return this.index;
  }

  private async build() {
    await this.model.ready();
    const index = new CorpusIndex();
    const texts = new Map<string, string>();
    for (const entry of this.model.dumps) {
      const text = entry.text ?? decodeDump(await fs.promises.readFile(entry.uri.fsPath)).text;
      texts.set(entry.uri.toString(), text);
      index.add(entry.uri.toString(), text, entry.dump);
    }
    return { index, texts };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
