/**
 * The page shell carries a Content-Security-Policy (scripts only from this origin plus the page's
 * own inline script, by hash; <style> elements by a per-response nonce; never 'unsafe-inline'),
 * and source maps are not served, even if a build left some in the client folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, startTestServer } from '../testing/testServer';

const INLINE = `if(/^\\/meetings\\//.test(location.pathname))console.log("preload")`;
const INDEX = `<!doctype html><html><head><script>${INLINE}</script>
<script type="module" crossorigin src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>`;

function clientDist() {
  const dir = join(makeTempDir(), 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)\n');
  writeFileSync(join(dir, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["../src/secret.ts"]}');
  writeFileSync(join(dir, 'stray.js.map'), '{"version":3}');
  return dir;
}

const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));

describe('content security policy', () => {
  it('sends the policy with index.html, allowing its inline script by hash and nothing inline otherwise', async () => {
    const dist = clientDist();
    const t = await startTestServer({ env: { CLIENT_DIST: dist } });
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`;
    const nonces = new Set<string>();
    for (const path of ['/', '/index.html', '/meetings/m1', '/series']) {
      const res = await fetch(`${t.httpUrl}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      const body = await res.text();
      expect(body).toContain(INLINE);
      const policy = res.headers.get('content-security-policy');
      expect(policy, path).toBeTruthy();
      const d = directives(policy!);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'", hash]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      // <style> elements only with this response's nonce, which the page carries for the libraries
      // that insert one (React Aria reads it from this meta element).
      const nonce = /<meta property="csp-nonce" nonce="([^"]+)">/.exec(body)?.[1];
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(d.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
      nonces.add(nonce!);
      expect(policy).not.toContain('unsafe-eval');
    }
    expect(nonces.size).toBe(4); // a fresh one for every response
    // A new build with another inline script gets that script's hash, and the old one no longer.
    const rebuilt = `${INLINE};console.log("rebuilt")`;
    writeFileSync(join(dist, 'index.html'), INDEX.replace(INLINE, rebuilt));
    const policy = (await fetch(`${t.httpUrl}/meetings/m1`)).headers.get('content-security-policy')!;
    expect(directives(policy).get('script-src')).toEqual(["'self'", `'sha256-${createHash('sha256').update(rebuilt).digest('base64')}'`]);
  });

  it('never serves source maps: 404 under /assets and anywhere else', async () => {
    const t = await startTestServer({ env: { CLIENT_DIST: clientDist() } });
    expect((await fetch(`${t.httpUrl}/assets/index-abc.js`)).status).toBe(200);
    for (const path of ['/assets/index-abc.js.map', '/stray.js.map']) {
      const res = await fetch(`${t.httpUrl}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
      expect(await res.text()).not.toContain('sources');
    }
  });
});
