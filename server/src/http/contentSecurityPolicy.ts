/**
 * The Content-Security-Policy of the page shell (index.html). If a script ever got into the page
 * (a bug that renders someone's text as HTML), the browser would refuse to run it, to send data
 * anywhere but this server, or to be framed by another site.
 *
 * - Scripts: this origin's files, plus index.html's own inline script (the room's preload list,
 *   written by the build: client/build/roomPreloads.ts) allowed by its SHA-256, computed from the
 *   file being served, so a rebuild needs no configuration. Never 'unsafe-inline' or 'unsafe-eval'.
 * - Styles: this origin's stylesheets, and <style> elements carrying this response's nonce. Two
 *   libraries insert one at run time (found by running the e2e suite under the policy): React
 *   Aria (its pressable rule; it reads the nonce from `<meta property="csp-nonce">`, which is put
 *   into the page here) and tiptap (the editor's base CSS; NotesEditor passes it the same nonce).
 *   Styles set through the DOM (React style props, ProseMirror decorations) are not restricted by
 *   CSP, and no style attribute in markup is needed, so there is no 'unsafe-inline' for styles either.
 * - Images: this origin and data: URLs (the favicon is one). Connections (fetch and the sync
 *   WebSocket): this origin, which covers ws:/wss: to the same host.
 */
import { createHash, randomBytes } from 'node:crypto';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HEAD = /<head\b[^>]*>/i;

const AFTER_SCRIPTS = [
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** Hashes of every inline script (no src) in `html`, as CSP source expressions. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes ?? '')) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body ?? '', 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}

export interface ServedIndex {
  /** The page with this response's style nonce in `<meta property="csp-nonce">`. */
  html: string;
  /** The Content-Security-Policy header for it. */
  policy: string;
}

/**
 * Prepares index.html for one response: a fresh nonce each time (it must not be guessable), the
 * script hashes computed once per file content (it changes only with a new build).
 */
export function createIndexPolicy(): (html: string) => ServedIndex {
  let hashed: { html: string; scripts: string } | null = null;
  return (html) => {
    if (hashed?.html !== html) hashed = { html, scripts: ["'self'", ...inlineScriptHashes(html)].join(' ') };
    const nonce = randomBytes(16).toString('base64');
    const policy = ["default-src 'self'", `script-src ${hashed.scripts}`, `style-src 'self' 'nonce-${nonce}'`, ...AFTER_SCRIPTS].join('; ');
    return { html: html.replace(HEAD, (head) => `${head}<meta property="csp-nonce" nonce="${nonce}">`), policy };
  };
}
