/**
 * Search hits carry their snippet as segments ({text, mark}): the client renders marks as <mark>
 * elements around text nodes, never as HTML. Marks are placed here, on the matched substring
 * (every index answers "contains this substring, ignoring case").
 */
import type { SnippetSegment } from '@suishin/shared/protocol';

const START = '\u0002';
const END = '\u0003';

export function toSegments(marked: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let mark = false;
  let text = '';
  for (const ch of marked) {
    if (ch === START || ch === END) {
      if (text) out.push({ text, mark });
      text = '';
      mark = ch === START;
    } else {
      text += ch;
    }
  }
  if (text) out.push({ text, mark });
  return out;
}

/** Marks every case-insensitive occurrence of `needle` in a window of `text` around the first one. */
export function markedSnippet(text: string, needle: string, radius = 40): string {
  const lower = text.toLowerCase();
  const n = needle.toLowerCase();
  const first = lower.indexOf(n);
  if (first < 0) return text.slice(0, radius * 2);
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + n.length + radius);
  let out = start > 0 ? '…' : '';
  let i = start;
  while (i < end) {
    const at = lower.indexOf(n, i);
    if (at < 0 || at >= end) {
      out += text.slice(i, end);
      break;
    }
    out += text.slice(i, at) + START + text.slice(at, at + n.length) + END;
    i = at + n.length;
  }
  return out + (end < text.length ? '…' : '');
}

/** How often `needle` occurs in `text` (case-insensitive), up to `max`. */
export function occurrences(text: string, needle: string, max = 5): number {
  const lower = text.toLowerCase();
  const n = needle.toLowerCase();
  let count = 0;
  for (let at = lower.indexOf(n); at >= 0 && count < max; at = lower.indexOf(n, at + n.length)) count++;
  return count;
}
