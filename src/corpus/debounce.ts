/**
 * Runs the latest action given for a key once `delayMs` passed without another for that key (one
 * timer per document, per editor, or one for all with the default key); `dispose` drops pending ones.
 */
export class Debouncer<K = undefined> {
  private readonly timers = new Map<K | undefined, NodeJS.Timeout>();

  run(delayMs: number, action: () => void, key?: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        action();
      }, delayMs),
    );
  }

  cancel(key?: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
