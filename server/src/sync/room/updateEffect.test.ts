import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesDocument } from './updateEffect';

function pair() {
  const server = new Y.Doc();
  server.getText('t').insert(0, 'hello world');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

describe('changesDocument', () => {
  it('is false for what the document already has: an empty update, or a client sending its whole (known) state back', () => {
    const { server, client } = pair();
    expect(changesDocument(server, new Uint8Array([0, 0]))).toBe(false);
    expect(changesDocument(server, Y.encodeStateAsUpdate(client))).toBe(false);
    client.getText('t').delete(0, 5);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(changesDocument(server, Y.encodeStateAsUpdate(client))).toBe(false); // the deletion is known too
  });

  it('is true for new text, and for deleting text the document still has', () => {
    const { server, client } = pair();
    const inserted = pair();
    inserted.client.getText('t').insert(0, 'new ');
    expect(changesDocument(inserted.server, Y.encodeStateAsUpdate(inserted.client))).toBe(true);
    let deletion: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => (deletion = u));
    client.getText('t').delete(0, 6);
    expect(changesDocument(server, deletion!)).toBe(true);
    expect(changesDocument(server, Y.encodeStateAsUpdate(client))).toBe(true);
  });

  it('is true for an incremental update that continues a client the document already knows', () => {
    const { server, client } = pair();
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    client.getText('t').insert(0, 'a');
    Y.applyUpdate(server, updates[0]!);
    client.getText('t').insert(1, 'b'); // its structs start at the client's clock 1, not 0
    expect(changesDocument(server, updates[1]!)).toBe(true);
    Y.applyUpdate(server, updates[1]!);
    expect(changesDocument(server, updates[1]!)).toBe(false);
  });
});
