import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, addDecision, getAgendaNotes, updateAgendaItem } from '@suishin/shared';
import { checkUpdate } from './updateValidation';

const limits = { maxBytes: 1 << 20 };

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A document exercising every content kind Yjs encodes (strings, any, JSON-free types, XML, embeds, formats, subdocs, binary, deletes). */
function richDoc() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 30; i++) {
    const id = addAgendaItem(doc, { title: `議題 ${i} 😀`, presenter: 'Aiko', timeboxMinutes: 5 });
    if (i % 3 === 0) updateAgendaItem(doc, id, { status: 'done' });
    if (i % 5 === 0) {
      const notes = getAgendaNotes(doc, id);
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('align', 'left');
      notes.push([p]);
      const text = new Y.XmlText('note text');
      p.push([text]);
      text.format(0, 4, { bold: true });
      text.insertEmbed(0, { image: 'x.png' });
    }
  }
  addDecision(doc, { text: 'Ship it', rationale: 'ready' });
  const raw = doc.getArray<unknown>('validation-test');
  raw.push([new Uint8Array([1, 2, 3]), { nested: [1, 2.5, -7, null, true, 'x', 2n ** 40n > 0n] }, new Y.Doc(), 12345678901]);
  raw.delete(0, 1);
  const text = doc.getText('t');
  text.insert(0, 'hello 世界 😀');
  text.delete(2, 3);
  return { doc, updates };
}

describe('checkUpdate', () => {
  it('accepts every update Yjs produces, and the full state', () => {
    const { doc, updates } = richDoc();
    expect(updates.length).toBeGreaterThan(30);
    for (const u of [...updates, Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(new Y.Doc())]) {
      expect(checkUpdate(u, limits)).toMatchObject({ ok: true });
    }
  });

  it.each([
    ['zero-length', new Uint8Array()],
    ['a lone byte', Uint8Array.from([5])],
    ['huge varint', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
    ['2^40 clients', Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x20])],
    ['struct count beyond the bytes', Uint8Array.from([1, 100, 1, 0, 4, 1])],
    ['string length beyond the bytes', Uint8Array.from([1, 1, 1, 0, 4, 1, 1, 0x7f, 0x61, 0])],
    ['unknown content ref', Uint8Array.from([1, 1, 1, 0, 0x1f, 0])],
    ['trailing bytes', Uint8Array.from([0, 0, 0])],
    ['clock overflow', Uint8Array.from([1, 1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0xff, 0xff, 0xff, 0x7f, 0])],
  ])('rejects %s', (_name, bytes) => {
    const result = checkUpdate(bytes, limits);
    expect(result.ok).toBe(false);
  });

  it('rejects updates over the size limit', () => {
    const { doc } = richDoc();
    const u = Y.encodeStateAsUpdate(doc);
    expect(checkUpdate(u, { maxBytes: u.length - 1 })).toMatchObject({ ok: false });
  });

  it('is total and linear on mutated input: never throws, and Yjs can decode whatever it accepts', () => {
    const { doc } = richDoc();
    const base = Y.encodeStateAsUpdate(doc);
    const rnd = seededRandom(42);
    let accepted = 0;
    const started = performance.now();
    for (let i = 0; i < 5000; i++) {
      let u = base.slice();
      const flips = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < flips; k++) u[Math.floor(rnd() * u.length)] = Math.floor(rnd() * 256);
      if (rnd() < 0.3) u = u.slice(0, Math.floor(rnd() * u.length));
      const result = checkUpdate(u, limits);
      if (result.ok) {
        accepted++;
        expect(() => Y.decodeUpdate(u)).not.toThrow();
      }
    }
    for (let i = 0; i < 5000; i++) {
      const u = Uint8Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256));
      checkUpdate(u, limits);
    }
    expect(accepted).toBeGreaterThan(0);
    // Sanity bound, not a benchmark: 10,000 checks of ≤ a few KB each.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
