import type { EntityIndex } from './extract';

/**
 * The entity index of a whole dump from the indexes of its consecutive parts (already placed in the
 * whole's offsets and article numbers): one entity per id, aliases and articles united, mentions added
 * up, the first role found kept; mentions stay in order. The first part's entities are updated in place.
 */
export function mergeEntityIndexes(parts: readonly EntityIndex[]): EntityIndex {
  if (parts.length === 1) return parts[0];
  const entities = new Map(parts[0]?.entities);
  for (const more of parts.slice(1)) {
    for (const [id, e] of more.entities) {
      const into = entities.get(id);
      if (!into) {
        entities.set(id, e);
        continue;
      }
      for (const a of e.aliases) into.aliases.add(a);
      for (const a of e.articles) into.articles.add(a);
      into.mentions += e.mentions;
      into.role ??= e.role;
    }
  }
  return { entities, mentions: parts.flatMap((p) => p.mentions) };
}
