/**
 * The client's built files under /assets, served compressed and cached for good.
 *
 * Vite names each file by its content hash, so what is at a URL never changes: browsers may keep
 * it for a year without asking again (immutable), and the server compresses each file once and
 * serves the smallest variant the browser accepts from memory. gzip is made on the first request
 * (milliseconds, on libuv's threadpool, not the event loop); brotli, smaller but slower to make, is
 * made in the background and used once it is ready. The room's JavaScript is about a quarter of
 * its size compressed, which is most of its load time on a real network.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.map', '.json', '.svg', '.txt']);
/** Worth compressing: below this the headers cost more than the saving. */
const MIN_COMPRESS_BYTES = 1024;
/** A file larger than this is served from disk each time, uncompressed, and not kept in memory. */
const MAX_CACHED_FILE_BYTES = 8 * 1024 * 1024;
/** Vite's output is flat: `assets/<name>-<hash>.<ext>`. Anything else is not one of ours. */
const ASSET_NAME = /^[\w.-]+$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Entry {
  raw: Buffer;
  type: string;
  gzip: Promise<Buffer> | null;
  br: Buffer | null;
}

export interface AssetCache {
  /** The asset's response for GET/HEAD `/assets/<name>`, or null when there is no such file. */
  respond(name: string, acceptEncoding: string | undefined, method: 'GET' | 'HEAD'): Promise<Response | null>;
  /** Reads and compresses every asset ahead of the first visitor; resolves when done. */
  warm(): Promise<void>;
}

export function createAssetCache(assetsDir: string): AssetCache {
  const entries = new Map<string, Promise<Entry | null>>();

  const load = (name: string): Promise<Entry | null> => {
    let entry = entries.get(name);
    if (!entry) {
      entry = readEntry(join(assetsDir, name), extname(name)).catch(() => null);
      entries.set(name, entry);
      // A file that was missing may appear with the next build; do not remember the miss.
      void entry.then((e) => {
        if (!e) entries.delete(name);
      });
    }
    return entry;
  };

  return {
    async respond(name, acceptEncoding, method) {
      if (!ASSET_NAME.test(name) || name.startsWith('.')) return null;
      const entry = await load(name);
      if (!entry) return null;
      const accepted = parseAcceptEncoding(acceptEncoding);
      let body: Buffer = entry.raw;
      let encoding: string | null = null;
      if (entry.br && accepted.has('br')) {
        body = entry.br;
        encoding = 'br';
      } else if (entry.gzip && accepted.has('gzip')) {
        body = await entry.gzip;
        encoding = 'gzip';
      }
      const headers: Record<string, string> = {
        'content-type': entry.type,
        'content-length': String(body.length),
        'cache-control': IMMUTABLE,
        vary: 'Accept-Encoding',
      };
      if (encoding) headers['content-encoding'] = encoding;
      return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
    },
    async warm() {
      let names: string[];
      try {
        names = await readdir(assetsDir);
      } catch {
        return; // not built yet
      }
      for (const name of names) {
        if (extname(name) === '.map') continue; // only developers open these
        const entry = await load(name);
        await entry?.gzip;
      }
    },
  };
}

async function readEntry(path: string, ext: string): Promise<Entry | null> {
  const info = await stat(path);
  if (!info.isFile() || info.size > MAX_CACHED_FILE_BYTES) return null;
  const raw = await readFile(path);
  const entry: Entry = { raw, type: CONTENT_TYPES[ext] ?? 'application/octet-stream', gzip: null, br: null };
  if (COMPRESSIBLE.has(ext) && raw.length >= MIN_COMPRESS_BYTES) {
    entry.gzip = gzipAsync(raw, { level: 9 });
    void brotliAsync(raw, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).then(
      (br) => {
        if (br.length < raw.length) entry.br = br;
      },
      () => {}, // gzip is served instead
    );
  }
  return entry;
}

/** The codings an Accept-Encoding header allows (q=0 excluded). */
export function parseAcceptEncoding(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(coding);
  }
  return accepted;
}
