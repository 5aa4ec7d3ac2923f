/**
 * Fan-out scenarios: rooms of stock y-websocket clients, one writer per room. Fan-out latency =
 * from the writer's local edit until every other client of the room has applied it. Bench edits
 * push to an array of their own in the document (a client-side choice, so receivers can tell edits
 * apart); the server treats them like any other update.
 */
import { connectStock, type BenchClient, type TicketSource } from './benchClients';
import { cpuShareDuring } from './procStats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server under test, Suishin or the reference, seen by the same clients. */
export interface Target {
  name: string;
  pid: number;
  syncUrl: string;
  newRoom(): Promise<string>;
  ticket: TicketSource;
}

export interface PassOptions {
  rate: number;
  seconds: number;
  /** Array the edits go to (a fresh one per pass). */
  pass: string;
  /** With every edit the writer also moves its caret (an awareness update), as typing does. */
  cursor?: boolean;
}

export interface PassResult {
  latencies: number[];
  /** Until the first reader has applied an edit (the rest of the spread is this process working through its clients). */
  firstLatencies: number[];
  /** Share of one core the server used during the pass (from /proc). */
  cpuShare: number;
}

/** Connects `roomCount` rooms of `clientsPerRoom` clients, 20 rooms at a time. */
export async function connectRooms(target: Target, roomCount: number, clientsPerRoom: number): Promise<BenchClient[][]> {
  const rooms: BenchClient[][] = [];
  const batch = 20;
  for (let i = 0; i < roomCount; i += batch) {
    const size = Math.min(batch, roomCount - i);
    rooms.push(
      ...(await Promise.all(
        Array.from({ length: size }, async () => {
          const id = await target.newRoom();
          const clients: BenchClient[] = [];
          for (let c = 0; c < clientsPerRoom; c++) clients.push(await connectStock(target.syncUrl, id, target.ticket));
          return clients;
        }),
      )),
    );
  }
  return rooms;
}

export function leaveRooms(rooms: BenchClient[][]) {
  for (const room of rooms) for (const c of room) c.destroy();
}

/** One writer per room edits at `rate` per second for `seconds`; measures fan-out and server CPU. */
export async function fanOutPass(target: Target, rooms: BenchClient[][], options: PassOptions): Promise<PassResult> {
  const latencies: number[] = [];
  const firstLatencies: number[] = [];
  const { rate, seconds, pass } = options;
  const { cpuShare } = await cpuShareDuring(target.pid, () =>
    Promise.all(
      rooms.map(async (clients, roomIndex) => {
        const [writer, ...readers] = clients as [BenchClient, ...BenchClient[]];
        const sentAt = new Map<number, number>();
        const pending = new Map<number, number>();
        let done = 0;
        let resolveAll!: () => void;
        const allDone = new Promise<void>((r) => (resolveAll = r));
        const total = Math.round(rate * seconds);
        for (const reader of readers) {
          reader.doc.getArray<number>(pass).observe((event) => {
            const now = performance.now();
            for (const item of event.changes.added) {
              for (const n of item.content.getContent() as number[]) {
                if (!pending.has(n)) firstLatencies.push(now - sentAt.get(n)!);
                const left = (pending.get(n) ?? readers.length) - 1;
                pending.set(n, left);
                if (left === 0) {
                  latencies.push(now - sentAt.get(n)!);
                  if (++done === total) resolveAll();
                }
              }
            }
          });
        }
        const arr = writer.doc.getArray<number>(pass);
        const interval = 1000 / rate;
        await sleep((roomIndex * interval) / rooms.length); // spread rooms over the period
        const start = performance.now();
        for (let n = 0; n < total; n++) {
          const wait = start + n * interval - performance.now();
          if (wait > 0) await sleep(wait);
          sentAt.set(n, performance.now());
          arr.push([n]);
          if (options.cursor) writer.provider.awareness.setLocalStateField('cursor', { anchor: n, head: n });
        }
        await Promise.race([allDone, sleep(10_000)]);
      }),
    ),
  );
  return { latencies, firstLatencies, cpuShare };
}
