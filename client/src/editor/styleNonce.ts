/**
 * The nonce the server gives each page for <style> elements (its Content-Security-Policy allows
 * only those; see server/src/http/contentSecurityPolicy.ts), read from the same
 * `<meta property="csp-nonce">` that React Aria reads. Tiptap inserts the editor's base CSS as a
 * <style> element and needs it too. Undefined without one (the Vite dev server sends no policy).
 */
export function styleNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
}
