/**
 * How many children of each node a paged tree shows: a page at first, five more per "Load more", and
 * enough to include a child someone reveals. Shared by the Articles and Entities trees.
 */
export class PageLimits<K> {
  private readonly shown = new Map<K, number>();

  constructor(readonly pageSize: number) {}

  limit(key: K): number {
    return this.shown.get(key) ?? this.pageSize;
  }

  loadMore(key: K): void {
    this.shown.set(key, this.limit(key) + this.pageSize * 5);
  }

  /** Shows at least up to child `at`; true if that needed more than was shown. */
  include(key: K, at: number): boolean {
    if (at < this.limit(key)) return false;
    this.shown.set(key, at + 1);
    return true;
  }
}
