/**
 * Serves the built client (CLIENT_DIST) with a single-page-app fallback: any GET that is not
 * under /api, /sync or /assets and is not a file gets index.html. If the client was never built,
 * the fallback says so instead of serving a blank page.
 *
 * Caching: /assets (content-hashed names) is compressed and cached for good (assetCache.ts);
 * index.html is revalidated on every visit (no-cache), so a new build reaches people at once.
 * index.html carries the Content-Security-Policy (contentSecurityPolicy.ts). Source maps (*.map)
 * are never served: the build makes none, and one left in the folder stays private.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { createAssetCache } from './assetCache';
import { createIndexPolicy } from './contentSecurityPolicy';
import { WORKSPACE_TIME_ZONE_META } from '@suishin/shared/protocol';
import { DEFAULT_WORKSPACE_TIME_ZONE } from '@suishin/shared/time';

export function clientAssetRoutes(clientDist: string, workspace: { timeZone: string } = { timeZone: DEFAULT_WORKSPACE_TIME_ZONE }) {
  const app = new Hono();
  const indexPath = join(clientDist, 'index.html');
  const notBuilt = () =>
    `<!doctype html><meta charset="utf-8"><title>Suishin: client not built</title>` +
    `<h1>The client has not been built</h1>` +
    `<p>No <code>index.html</code> in <code>${escapeHtml(clientDist)}</code>. ` +
    `Run <code>pnpm build</code> (or set CLIENT_DIST), then reload. The API under /api works meanwhile.</p>`;

  const policy = createIndexPolicy();
  const sendIndex = (c: Context) => {
    if (!existsSync(indexPath)) {
      c.header('Content-Security-Policy', policy('').policy);
      return c.html(notBuilt(), 404);
    }
    // Read per request: small, and a rebuilt client is picked up without a restart.
    const served = policy(withWorkspaceMeta(readFileSync(indexPath, 'utf8'), workspace.timeZone));
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Security-Policy', served.policy);
    return c.html(served.html);
  };

  app.on(['GET', 'HEAD'], '*', (c, next) => (c.req.path.endsWith('.map') ? c.text('Not found', 404) : next()));
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);

  const assetCache = createAssetCache(join(clientDist, 'assets'));
  void assetCache.warm();
  app.on(['GET', 'HEAD'], '/assets/:name', async (c) => {
    const response = await assetCache.respond(c.req.param('name'), c.req.header('accept-encoding'), c.req.method as 'GET' | 'HEAD');
    // A missing asset is a 404, never index.html: a browser asking for a chunk of an older build
    // must get an error it can act on (the page offers to retry), not HTML posing as JavaScript.
    return response ?? c.text('Not found', 404);
  });

  // Created once the folder exists, so a client built after the server started is still served.
  let assets: ReturnType<typeof serveStatic> | null = null;
  app.use('*', (c, next) => {
    if (!assets && existsSync(clientDist)) assets = serveStatic({ root: clientDist });
    return assets ? assets(c, next) : next();
  });
  app.get('*', (c) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path === '/sync' || path.startsWith('/sync/')) {
      return c.notFound();
    }
    return sendIndex(c);
  });
  return app;
}

/** The workspace's zone in the page itself, so the first render formats times with it (no request, no flash). */
function withWorkspaceMeta(html: string, timeZone: string): string {
  return html.replace('<head>', `<head>\n    <meta name="${WORKSPACE_TIME_ZONE_META}" content="${escapeHtml(timeZone)}" />`);
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
