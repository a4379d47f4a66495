import { ENTITY_TYPES, type EntityType } from './gazetteer';

/** An entity's id: its type, a colon, and its key (`PER:s.lavrov`, `ORG:asean`). */
export type EntityId = `${EntityType}:${string}`;

/** The type an entity id names, or undefined when the string is not an entity id. */
export function entityTypeOf(id: string): EntityType | undefined {
  const colon = id.indexOf(':');
  const type = id.slice(0, colon);
  return colon > 0 && (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : undefined;
}

export function isEntityId(id: string): id is EntityId {
  return entityTypeOf(id) !== undefined && id.indexOf(':') < id.length - 1;
}
