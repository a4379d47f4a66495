/**
 * The subset an Articles view group stands for, as the panel's state: a year, month or day group
 * is a date range of one period, a source group that source; the dump is the group's. Read from
 * the node as plain data (features never import each other): `{ kind: 'group', uri, group: { id } }`
 * with ids as src/core/articles/grouping.ts gives them (`y2022`, `m2022-11`, `d2022-11-08`,
 * `s:Tass`). Undated and sourceless groups have no subset the statistics can name: the whole dump.
 */
export type GroupSubset = { dump: string; subset: string; from: string; to: string; source: string };

export function articleGroupSubset(node: unknown): GroupSubset | undefined {
  const n = node as { kind?: unknown; uri?: { toString(): string }; group?: { id?: unknown } } | undefined;
  if (n?.kind !== 'group' || !n.uri || typeof n.group?.id !== 'string') return undefined;
  const id = n.group.id;
  const whole = { dump: n.uri.toString(), subset: '', from: '', to: '', source: '' };
  const period = /^[ymd](\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(id)?.[1];
  if (period) return { ...whole, from: period, to: period };
  if (id.startsWith('s:') && id.length > 2) return { ...whole, source: id.slice(2) };
  return whole;
}
