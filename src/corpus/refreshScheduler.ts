/**
 * Runs a refresh after a delay, the last schedule winning, and tells when everything scheduled has
 * run: `ready()` resolves once no timer is pending and no refresh is in flight (no polling).
 */
export class RefreshScheduler {
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private disposed = false;

  constructor(private readonly run: () => Promise<void>) {}

  schedule(delayMs: number): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight++;
      void this.run()
        .catch(() => undefined)
        .finally(() => {
          this.inFlight--;
          this.settle();
        });
    }, delayMs);
  }

  get idle(): boolean {
    return !this.timer && this.inFlight === 0;
  }

  ready(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private settle(): void {
    if (!this.idle) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.settle();
  }
}
