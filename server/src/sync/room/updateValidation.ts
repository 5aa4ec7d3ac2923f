/**
 * Structural check of a Yjs v1 update before any Yjs code decodes it.
 *
 * `Y.applyUpdate` treats its input as trusted: crafted bytes can make it throw half-way (leaving a
 * partly applied doc), allocate without bound, or loop (yjs #479, #498, #687). A try/catch cannot
 * stop a loop, so this walker reads the whole v1 wire format itself with explicit bounds:
 *
 * - every varint must end inside the buffer and stay a safe integer;
 * - every count (clients, structs, deletes, array/object entries) must be <= the bytes left,
 *   since each element takes at least one byte, so work is linear in the update's size;
 * - every length-prefixed string/buffer must fit in the bytes left;
 * - content refs, type refs and `any` tags must be known values, `any` nesting is bounded;
 * - clocks and lengths stay below 2^53; the update must end exactly at its last byte.
 *
 * It accepts exactly what Yjs 13's `UpdateEncoderV1` writes (structs, then the delete set) and
 * rejects everything else, including the zero-length update. The semantic check (does it
 * integrate?) is done afterwards by applying it to the room's proving document (see room.ts).
 */

export type UpdateCheck = { ok: true; structs: number; deletes: number } | { ok: false; reason: string };

export interface UpdateLimits {
  maxBytes: number;
  /** Nesting depth of `any` values (ContentAny, ContentDoc options). */
  maxAnyDepth?: number;
}

class Malformed extends Error {}

const MAX_CLOCK = 2 ** 53 - 1;
// Same settings as lib0's decoder: invalid UTF-8 is an error, not a replacement character.
const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class BoundedReader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get remaining() {
    return this.buf.length - this.pos;
  }

  uint8(): number {
    if (this.pos >= this.buf.length) throw new Malformed('unexpected end of update');
    return this.buf[this.pos++]!;
  }

  varUint(): number {
    let num = 0;
    let mult = 1;
    for (let i = 0; i < 8; i++) {
      const r = this.uint8();
      num += (r & 0x7f) * mult;
      if (r < 0x80) {
        if (num > MAX_CLOCK) throw new Malformed('integer out of range');
        return num;
      }
      mult *= 128;
    }
    throw new Malformed('varint longer than 8 bytes');
  }

  varInt(): void {
    let r = this.uint8();
    if ((r & 0x80) === 0) return;
    for (let i = 0; i < 8; i++) {
      r = this.uint8();
      if (r < 0x80) return;
    }
    throw new Malformed('varint longer than 9 bytes');
  }

  /** A count of elements that each take at least `minBytesEach` bytes. */
  count(what: string, minBytesEach = 1): number {
    const n = this.varUint();
    if (n * minBytesEach > this.remaining) throw new Malformed(`${what} count ${n} exceeds the update size`);
    return n;
  }

  bytes(n: number): Uint8Array {
    if (n > this.remaining) throw new Malformed('length exceeds the update size');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  varBytes(): Uint8Array {
    return this.bytes(this.varUint());
  }

  varString(): string {
    const raw = this.varBytes();
    try {
      return textDecoder.decode(raw);
    } catch {
      throw new Malformed('invalid UTF-8 string');
    }
  }

  json(): void {
    const s = this.varString();
    try {
      JSON.parse(s);
    } catch {
      throw new Malformed('invalid JSON content');
    }
  }

  any(depth: number, maxDepth: number): void {
    if (depth > maxDepth) throw new Malformed('value nested too deeply');
    const tag = this.uint8();
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125:
        return this.varInt();
      case 124:
        this.bytes(4);
        return;
      case 123:
      case 122:
        this.bytes(8);
        return;
      case 119:
        this.varString();
        return;
      case 118: {
        const n = this.count('object entry', 2);
        for (let i = 0; i < n; i++) {
          this.varString();
          this.any(depth + 1, maxDepth);
        }
        return;
      }
      case 117: {
        const n = this.count('array entry');
        for (let i = 0; i < n; i++) this.any(depth + 1, maxDepth);
        return;
      }
      case 116:
        this.varBytes();
        return;
      default:
        throw new Malformed(`unknown value tag ${tag}`);
    }
  }
}

function advanceClock(clock: number, len: number): number {
  const next = clock + len;
  if (next > MAX_CLOCK) throw new Malformed('clock out of range');
  return next;
}

/** Skips an item id (client, clock). */
function skipId(r: BoundedReader): void {
  r.varUint();
  r.varUint();
}

/** Reads the content of an item; returns its length in clock units. */
function readContent(r: BoundedReader, ref: number, maxAnyDepth: number): number {
  switch (ref) {
    case 1: // ContentDeleted
      return r.varUint();
    case 2: {
      // ContentJSON
      const n = r.count('JSON entry');
      for (let i = 0; i < n; i++) {
        const s = r.varString();
        if (s !== 'undefined') {
          try {
            JSON.parse(s);
          } catch {
            throw new Malformed('invalid JSON content');
          }
        }
      }
      return n;
    }
    case 3: // ContentBinary
      r.varBytes();
      return 1;
    case 4: // ContentString: length in UTF-16 code units, as Yjs counts it
      return r.varString().length;
    case 5: // ContentEmbed
      r.json();
      return 1;
    case 6: // ContentFormat
      r.varString();
      r.json();
      return 1;
    case 7: {
      // ContentType
      const typeRef = r.varUint();
      if (typeRef > 6) throw new Malformed(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) r.varString(); // XmlElement node name / XmlHook name
      return 1;
    }
    case 8: {
      // ContentAny
      const n = r.count('any entry');
      for (let i = 0; i < n; i++) r.any(0, maxAnyDepth);
      return n;
    }
    case 9: // ContentDoc
      r.varString();
      r.any(0, maxAnyDepth);
      return 1;
    default:
      throw new Malformed(`unknown content ref ${ref}`);
  }
}

export function checkUpdate(update: Uint8Array, limits: UpdateLimits): UpdateCheck {
  if (update.length === 0) return { ok: false, reason: 'empty update' };
  if (update.length > limits.maxBytes) {
    return { ok: false, reason: `update of ${update.length} bytes exceeds ${limits.maxBytes}` };
  }
  const maxAnyDepth = limits.maxAnyDepth ?? 32;
  const r = new BoundedReader(update);
  let structs = 0;
  let deletes = 0;
  try {
    const clients = r.count('client', 3);
    for (let c = 0; c < clients; c++) {
      const numStructs = r.count('struct');
      r.varUint(); // client id
      let clock = r.varUint();
      for (let s = 0; s < numStructs; s++) {
        const info = r.uint8();
        const ref = info & 0x1f;
        if (ref === 0 || ref === 10) {
          // GC or Skip
          clock = advanceClock(clock, r.varUint());
        } else {
          const hasOrigin = (info & 0x80) !== 0;
          const hasRightOrigin = (info & 0x40) !== 0;
          if (hasOrigin) skipId(r);
          if (hasRightOrigin) skipId(r);
          if (!hasOrigin && !hasRightOrigin) {
            const parentInfo = r.varUint();
            if (parentInfo === 1) r.varString(); // root type name
            else if (parentInfo === 0) skipId(r); // parent item id
            else throw new Malformed('invalid parent info');
            if ((info & 0x20) !== 0) r.varString(); // parentSub (map key)
          }
          clock = advanceClock(clock, readContent(r, ref, maxAnyDepth));
        }
        structs++;
      }
    }
    const dsClients = r.count('delete set client', 2);
    for (let c = 0; c < dsClients; c++) {
      r.varUint(); // client id
      const n = r.count('delete range', 2);
      for (let d = 0; d < n; d++) {
        const clock = r.varUint();
        advanceClock(clock, r.varUint());
        deletes++;
      }
    }
    if (r.remaining !== 0) return { ok: false, reason: `${r.remaining} trailing bytes after the update` };
    return { ok: true, structs, deletes };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: error.message };
    return { ok: false, reason: `undecodable update: ${error instanceof Error ? error.message : String(error)}` };
  }
}
