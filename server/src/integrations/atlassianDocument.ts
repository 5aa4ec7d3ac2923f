import type { DescriptionField } from '@suishin/shared/export';

/**
 * Atlassian Document Format (ADF), the JSON that Jira Cloud REST v3 takes for rich-text fields such
 * as `description` (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/).
 * It is a tree, not markup, so user text is never parsed: nothing in it needs escaping.
 */
export type AdfMark = { type: 'strong' } | { type: 'link'; attrs: { href: string } };
export type AdfInline = { type: 'text'; text: string; marks?: AdfMark[] } | { type: 'hardBreak' };
export interface AdfParagraph {
  type: 'paragraph';
  content: AdfInline[];
}
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: AdfParagraph[];
}

/** One paragraph per field: the label in bold, then the value, linked when it has a URL. */
export function adfFromFields(fields: readonly DescriptionField[]): AdfDocument {
  return {
    type: 'doc',
    version: 1,
    content: fields.map((field) => ({
      type: 'paragraph',
      content: [
        { type: 'text', text: `${field.label}: `, marks: [{ type: 'strong' }] },
        ...adfText(field.value, field.url ? [{ type: 'link', attrs: { href: field.url } }] : undefined),
      ],
    })),
  };
}

/**
 * Text as ADF inline nodes: line breaks become hardBreak nodes, and empty pieces are left out
 * (ADF rejects text nodes with empty text).
 */
export function adfText(text: string, marks?: AdfMark[]): AdfInline[] {
  const nodes: AdfInline[] = [];
  text.split(/\r\n|[\r\n]/).forEach((line, index) => {
    if (index > 0) nodes.push({ type: 'hardBreak' });
    if (line) nodes.push(marks ? { type: 'text', text: line, marks } : { type: 'text', text: line });
  });
  return nodes;
}
