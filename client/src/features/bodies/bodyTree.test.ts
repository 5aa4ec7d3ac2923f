import { describe, expect, it } from 'vitest';
import { bodyTree, descendantsOf } from './bodyTree';

const b = (id: string, parentId: string | null = null) => ({ id, parentId });

describe('bodyTree', () => {
  it('puts each body under its parent, in list order; an unseen parent makes a root', () => {
    const tree = bodyTree([b('top'), b('mid', 'top'), b('low', 'mid'), b('other', 'top'), b('orphan', 'hidden')]);
    expect(tree.map((n) => n.body.id)).toEqual(['top', 'orphan']);
    expect(tree[0]!.children.map((n) => n.body.id)).toEqual(['mid', 'other']);
    expect(tree[0]!.children[0]!.children.map((n) => n.body.id)).toEqual(['low']);
  });

  it('never loses a body to a cycle in a stale list', () => {
    const tree = bodyTree([b('x', 'y'), b('y', 'x')]);
    const ids = (nodes: ReturnType<typeof bodyTree>): string[] => nodes.flatMap((n) => [n.body.id, ...ids(n.children)]);
    expect(ids(tree).sort()).toEqual(['x', 'y']);
  });

  it('descendantsOf: the body and all below it', () => {
    expect(descendantsOf('mid', [b('top'), b('mid', 'top'), b('low', 'mid'), b('lower', 'low'), b('other', 'top')])).toEqual(new Set(['mid', 'low', 'lower']));
  });
});
