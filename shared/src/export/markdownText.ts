/**
 * Escaping user text for Markdown (CommonMark + GFM), so a title, name or note can never change
 * the structure around it: no headings, lists, quotes, code, links, HTML, table cells or math
 * come out of user text; it renders as the characters that were typed.
 */

// Inline syntax anywhere in a line: emphasis, code, links, raw HTML/autolinks, table pipes,
// strikethrough, math, and the backslash itself.
const INLINE = /[\\`*_[\]<>|~$]/g;
// "&amp;", "&#60;": entity references would render as other characters.
const ENTITY = /&(?=#?[0-9A-Za-z]+;)/g;
// Block markers at the start of a line: ATX heading, block quote, bullet, setext underline.
const LINE_START = /^([#>+=-])/;
// Ordered-list marker: "1." or "1)".
const ORDERED = /^(\d{1,9})([.)])/;

/**
 * One line of user text, with any line breaks folded to spaces, that may stand where a block
 * starts (a list item, a heading, a paragraph): block markers at its start are escaped too.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeLine(foldLines(text), true);
}

/**
 * One line of user text for a GFM table cell: pipes and inline syntax are escaped, and line
 * breaks are folded. Block markers cannot act inside a cell, so "+8" or "2.1" stay as typed.
 */
export function escapeMarkdownCell(text: string): string {
  return escapeLine(foldLines(text), false);
}

function foldLines(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').trim();
}

/**
 * Multi-line user text (such as notes) as Markdown that keeps its line breaks: lines within a
 * paragraph end in a backslash hard break, blank lines stay paragraph breaks, and leading
 * indentation becomes no-break spaces (so it shows, and never starts a code block).
 */
export function escapeMarkdownBlock(text: string): string {
  const paragraphs = text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLine(line.replace(/\s+$/, ''), true))
        .filter((line) => line.length > 0)
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph.length > 0);
  return paragraphs.join('\n\n');
}

function escapeLine(line: string, blockStart: boolean): string {
  const indent = /^[ \t\u3000]*/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  const inline = rest.replace(INLINE, '\\$&').replace(ENTITY, '\\&');
  const escaped = blockStart ? inline.replace(LINE_START, '\\$1').replace(ORDERED, '$1\\$2') : inline;
  // Tabs count as 4 spaces; a U+3000 ideographic space is kept as typed.
  const visibleIndent = indent.replace(/\t/g, '    ').replace(/ /g, '\u00a0');
  return visibleIndent + escaped;
}

/** A link whose text is user text; the URL must already be a checked http(s) URL. */
export function markdownLink(text: string, url: string): string {
  return `[${escapeMarkdownInline(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}
