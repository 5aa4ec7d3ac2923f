import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, createAssetCache, parseAcceptEncoding } from './assetCache';

function assetsDir() {
  const dir = mkdtempSync(join(tmpdir(), 'suishin-assets-'));
  const js = Buffer.from(Array.from({ length: 2000 }, (_, i) => `export const v${i} = ${i};\n`).join(''));
  writeFileSync(join(dir, 'room-abc123.js'), js);
  writeFileSync(join(dir, 'tiny-1.css'), 'a{}');
  return { dir, js };
}

const bodyOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('asset cache', () => {
  it('serves gzip at once and brotli once made, both decoding to the file, cached for good', async () => {
    const { dir, js } = assetsDir();
    const cache = createAssetCache(dir);
    const first = (await cache.respond('room-abc123.js', 'gzip, deflate, br', 'GET'))!;
    expect(first.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    expect(first.headers.get('content-type')).toMatch(/javascript/);
    const firstBody = await bodyOf(first);
    const decoded = first.headers.get('content-encoding') === 'br' ? brotliDecompressSync(firstBody) : gunzipSync(firstBody);
    expect(decoded.equals(js)).toBe(true);

    await cache.warm();
    await new Promise((r) => setTimeout(r, 200)); // brotli is made in the background
    const br = (await cache.respond('room-abc123.js', 'gzip, br', 'GET'))!;
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBody = await bodyOf(br);
    expect(brBody.length).toBeLessThan(js.length / 3);
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brotliDecompressSync(brBody).equals(js)).toBe(true);
  });

  it('serves the file as it is to a client that accepts no compression, and tiny files uncompressed', async () => {
    const { dir, js } = assetsDir();
    const cache = createAssetCache(dir);
    const plain = (await cache.respond('room-abc123.js', undefined, 'GET'))!;
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await bodyOf(plain)).equals(js)).toBe(true);
    const refused = (await cache.respond('room-abc123.js', 'gzip;q=0, br;q=0', 'GET'))!;
    expect(refused.headers.get('content-encoding')).toBeNull();
    const tiny = (await cache.respond('tiny-1.css', 'gzip, br', 'GET'))!;
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('a{}');
  });

  it('answers HEAD with the headers only', async () => {
    const { dir } = assetsDir();
    const res = (await createAssetCache(dir).respond('room-abc123.js', 'gzip', 'HEAD'))!;
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect((await bodyOf(res)).length).toBe(0);
  });

  it('has nothing for missing files, names outside the folder or dot files, and finds a file built later', async () => {
    const { dir } = assetsDir();
    const cache = createAssetCache(dir);
    expect(await cache.respond('missing-1.js', 'gzip', 'GET')).toBeNull();
    expect(await cache.respond('../secret.js', 'gzip', 'GET')).toBeNull();
    expect(await cache.respond('.env', 'gzip', 'GET')).toBeNull();
    writeFileSync(join(dir, 'missing-1.js'), 'console.log(1)');
    expect((await cache.respond('missing-1.js', 'gzip', 'GET'))?.status).toBe(200);
  });

  it('reads Accept-Encoding with q-values', () => {
    expect([...parseAcceptEncoding('gzip, deflate, br;q=1.0, zstd;q=0')].sort()).toEqual(['br', 'deflate', 'gzip']);
    expect(parseAcceptEncoding(undefined).size).toBe(0);
  });
});
