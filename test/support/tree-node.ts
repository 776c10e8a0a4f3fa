// A model of `tree --json` written out by hand in a test: the fields a drawn model with nothing left out has, and
// those the test gives.

export function treeNode(id: string, relation: string | null, descendants: number, more: Record<string, unknown> = {}) {
  return {
    id,
    relation,
    placeholder: false,
    descendants,
    shownAbove: false,
    children: [],
    moreChildren: 0,
    childrenBelowDepth: 0,
    ...more,
  };
}
