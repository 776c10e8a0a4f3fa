// The two names of a fan (the leaf children of one parent and one relation, drawn as one node): `PARENT:RELATION`
// as the viewer's URL and the API's `expand` write it, and `fan:PARENT:RELATION`, the fan node's key.

import { isRelation, type Relation } from "./relation.js";

export interface FanName {
  parent: string;
  relation: Relation;
}

/** `PARENT:RELATION`, how `expand` names a fan (model ids hold no colon, relations no slash). */
export function fanName(parent: string, relation: Relation): string {
  return `${parent}:${relation}`;
}

/** `fan:PARENT:RELATION`, the key of the fan's node in a drawn family graph. */
export function fanNodeKey(parent: string, relation: Relation): string {
  return `fan:${fanName(parent, relation)}`;
}

/** Splits `PARENT:RELATION` (as written in `expand`) into its parts, or null when it is not one. */
export function parseFanName(value: string): FanName | null {
  const colon = value.lastIndexOf(":");
  if (colon <= 0) return null;
  const relation = value.slice(colon + 1);
  return isRelation(relation) ? { parent: value.slice(0, colon), relation } : null;
}
