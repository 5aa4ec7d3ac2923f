/** The 会議体 as a tree: each body under the body it escalates to; one whose parent the caller cannot see is a root. */

interface Node {
  id: string;
  parentId: string | null;
}

export interface TreeNode<B> {
  body: B;
  children: TreeNode<B>[];
}

/** Roots and children keep the list's order (oldest first). */
export function bodyTree<B extends Node>(bodies: readonly B[]): TreeNode<B>[] {
  const nodes = new Map(bodies.map((b) => [b.id, { body: b, children: [] as TreeNode<B>[] }]));
  const roots: TreeNode<B>[] = [];
  for (const b of bodies) {
    const node = nodes.get(b.id)!;
    const parent = b.parentId !== null && b.parentId !== b.id ? nodes.get(b.parentId) : undefined;
    // Never attached below one of its own descendants (the server forbids it; a stale list might not).
    if (parent && !descendantsOf(b.id, bodies).has(b.parentId!)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The body and every body below it. */
export function descendantsOf(id: string, bodies: readonly Node[]): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const b of bodies) {
      if (b.parentId !== null && found.has(b.parentId) && !found.has(b.id)) {
        found.add(b.id);
        grew = true;
      }
    }
  }
  return found;
}
