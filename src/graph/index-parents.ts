// A model's direct parents read from the lineage index: each parent's id, the relation of the edge to the model,
// and whether the parent has a record of its own (a placeholder has none).

import { idsOfNodes } from "../store/model-queries.js";
import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { PLACEHOLDER } from "./lineage-index.js";

export interface ParentLink {
  id: string;
  relation: Relation;
  placeholder: boolean;
}

/** The parents of node `node`, in id order (a model naming itself is no parent here). */
export function indexParents(lineage: IndexedLineage, node: number): ParentLink[] {
  const { index } = lineage;
  if (!Number.isInteger(node) || node < 0 || node >= index.size)
    throw new Error(`graph/index-parents: no node ${node} in the index`);
  const parents = [...index.parents.subarray(index.parentStart[node], index.parentStart[node + 1])].filter(
    (parent) => parent !== node,
  );
  const idOf = idsOfNodes(lineage.store, parents);
  const links = parents.map((parent): ParentLink => {
    let relation: Relation = "unknown";
    for (let e = index.childStart[parent] as number; e < (index.childStart[parent + 1] as number); e++) {
      if (index.children[e] === node) {
        relation = RELATIONS[index.childRelation[e] as number] as Relation;
        break;
      }
    }
    return {
      id: idOf.get(parent) as string,
      relation,
      placeholder: ((index.flags[parent] as number) & PLACEHOLDER) !== 0,
    };
  });
  return links.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
