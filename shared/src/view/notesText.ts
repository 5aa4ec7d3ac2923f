import * as Y from 'yjs';

/**
 * Plain text of a notes fragment (as written by tiptap through y-prosemirror): one line per
 * block, list items prefixed with "- " / "1. ". Used by the JSON view, search and exports;
 * it reads only text, so whatever markup a client stored can never execute anywhere.
 */
export function notesToPlainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  for (const child of fragment.toArray()) collectBlock(child, lines, '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function collectBlock(node: Y.XmlElement | Y.XmlText | Y.XmlHook, lines: string[], indent: string): void {
  if (node instanceof Y.XmlText) {
    lines.push(indent + node.toString().replace(/<[^>]*>/g, ''));
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  switch (node.nodeName) {
    case 'bulletList':
    case 'orderedList': {
      let n = 1;
      for (const item of node.toArray()) {
        const marker = node.nodeName === 'bulletList' ? '- ' : `${n++}. `;
        const inner: string[] = [];
        if (item instanceof Y.XmlElement) {
          for (const child of item.toArray()) collectBlock(child, inner, '');
        }
        inner.forEach((line, i) => lines.push(indent + (i === 0 ? marker : '  ') + line));
      }
      return;
    }
    case 'horizontalRule':
      lines.push(indent + '---');
      return;
    default: {
      const hasBlocks = node.toArray().some((c) => c instanceof Y.XmlElement && c.nodeName !== 'hardBreak');
      if (hasBlocks) {
        for (const child of node.toArray()) collectBlock(child, lines, indent);
      } else {
        lines.push(indent + inlineText(node));
      }
    }
  }
}

function inlineText(node: Y.XmlElement): string {
  let text = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert?: unknown }>) {
        if (typeof op.insert === 'string') text += op.insert;
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      text += '\n';
    } else if (child instanceof Y.XmlElement) {
      text += inlineText(child);
    }
  }
  return text;
}
