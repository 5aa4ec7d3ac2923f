/**
 * Links in notes may only point to http(s) pages or mail addresses. Notes are written by everyone
 * in the meeting (and any client can write anything into the shared document), so a
 * `javascript:` or `data:` href must never render as a clickable link. Tiptap's Link extension
 * asks this for pasted, typed, auto-linked and rendered hrefs alike.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedLink(href: unknown): boolean {
  if (typeof href !== 'string') return false;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.length > 2048) return false;
  // Whitespace or control characters inside a scheme are how filters get bypassed ("java\nscript:").
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return false;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return false; // relative or malformed: nothing to open safely
  }
  return ALLOWED_PROTOCOLS.has(url.protocol);
}
