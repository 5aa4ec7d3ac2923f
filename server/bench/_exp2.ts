import { spawn } from 'node:child_process';
import { connectStock, percentile } from './benchClients';
process.setMaxListeners(0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const n = Number(process.argv[2] ?? 2);
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/_stock.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((res) => child.stdout!.on('data', (d: Buffer) => { const m = /:(\d+)/.exec(d.toString()); if (m) res(Number(m[1])); }));
const url = `ws://127.0.0.1:${port}/sync`; const id = 'room';
const clients = [];
for (let i = 0; i < n; i++) clients.push(await connectStock(url, id));
const [w, ...rs] = clients;
const lat: number[] = [];
const sent = new Map<number, number>(); const left = new Map<number, number>();
for (const r of rs) r.doc.getArray<number>('bench').observe((e) => { const now = performance.now(); for (const it of e.changes.added) for (const v of it.content.getContent() as number[]) { const l = (left.get(v) ?? rs.length) - 1; left.set(v, l); if (l === 0) lat.push(now - sent.get(v)!); } });
for (let i = 0; i < 100; i++) { await sleep(50); sent.set(i, performance.now()); w!.doc.getArray<number>('bench').push([i]); }
await sleep(300);
console.log('stock-like', n, 'clients p50', percentile(lat, 50).toFixed(2), 'p99', percentile(lat, 99).toFixed(2), 'n', lat.length);
child.kill('SIGKILL'); process.exit(0);
