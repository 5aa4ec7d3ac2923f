import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  getAgendaItem,
  getAgendaNotes,
  listAgendaItems,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from './agenda';
import { initMeeting } from './meeting';
import { NotFoundError, ValidationError } from './modelError';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '週次 営業×製品 定例' });
  return doc;
}

/** Runs `fn`, expecting it to throw, and asserts the document did not change at all. */
function expectRejectedUnchanged(doc: Y.Doc, fn: () => void, errorType: new (...a: never[]) => Error) {
  const before = Y.encodeStateAsUpdate(doc);
  expect(fn).toThrow(errorType);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}

describe('agenda items', () => {
  it('adds items with defaults, in order, each with its own notes fragment', () => {
    const doc = meeting();
    const a = addAgendaItem(doc, { title: 'KPIレビュー' });
    const b = addAgendaItem(doc, { title: 'Launch plan', presenter: 'Sato', timeboxMinutes: 15 });
    const items = listAgendaItems(doc);
    expect(items.map((i) => i.id)).toEqual([a, b]);
    expect(items[0]).toMatchObject({ title: 'KPIレビュー', presenter: '', timeboxMinutes: 10, status: 'pending', actualSeconds: 0 });
    expect(items[1]).toMatchObject({ presenter: 'Sato', timeboxMinutes: 15 });
    expect(getAgendaNotes(doc, a)).toBeInstanceOf(Y.XmlFragment);
    expect(getAgendaNotes(doc, a)).not.toBe(getAgendaNotes(doc, b));
  });

  it('inserts at an index', () => {
    const doc = meeting();
    const a = addAgendaItem(doc, { title: 'A' });
    const c = addAgendaItem(doc, { title: 'C' });
    const b = addAgendaItem(doc, { title: 'B' }, { index: 1 });
    const first = addAgendaItem(doc, { title: 'first' }, { index: 0 });
    expect(listAgendaItems(doc).map((i) => i.id)).toEqual([first, a, b, c]);
  });

  it('updates only the given fields', () => {
    const doc = meeting();
    const id = addAgendaItem(doc, { title: 'A', presenter: 'Ito' });
    updateAgendaItem(doc, id, { title: '予算確認', timeboxMinutes: 20 });
    expect(getAgendaItem(doc, id)).toMatchObject({ title: '予算確認', presenter: 'Ito', timeboxMinutes: 20 });
  });

  it('moves items to any position', () => {
    const doc = meeting();
    const ids = ['A', 'B', 'C', 'D'].map((title) => addAgendaItem(doc, { title }));
    moveAgendaItem(doc, ids[3]!, 0);
    expect(listAgendaItems(doc).map((i) => i.title)).toEqual(['D', 'A', 'B', 'C']);
    moveAgendaItem(doc, ids[3]!, 3);
    expect(listAgendaItems(doc).map((i) => i.title)).toEqual(['A', 'B', 'C', 'D']);
    moveAgendaItem(doc, ids[0]!, 2);
    expect(listAgendaItems(doc).map((i) => i.title)).toEqual(['B', 'C', 'A', 'D']);
    moveAgendaItem(doc, ids[0]!, 99);
    expect(listAgendaItems(doc).map((i) => i.title)).toEqual(['B', 'C', 'D', 'A']);
  });

  it('removes items', () => {
    const doc = meeting();
    const a = addAgendaItem(doc, { title: 'A' });
    const b = addAgendaItem(doc, { title: 'B' });
    removeAgendaItem(doc, a);
    expect(listAgendaItems(doc).map((i) => i.id)).toEqual([b]);
    expect(getAgendaItem(doc, a)).toBeNull();
  });

  it('rejects bad input with an error naming the field, changing nothing', () => {
    const doc = meeting();
    const id = addAgendaItem(doc, { title: 'A' });
    expectRejectedUnchanged(doc, () => addAgendaItem(doc, { title: '   ' }), ValidationError);
    expectRejectedUnchanged(doc, () => addAgendaItem(doc, { title: 'x', timeboxMinutes: -5 }), ValidationError);
    expectRejectedUnchanged(doc, () => updateAgendaItem(doc, id, { timeboxMinutes: 1.5 }), ValidationError);
    expectRejectedUnchanged(
      doc,
      () => updateAgendaItem(doc, id, { status: 'finished' as never }),
      ValidationError,
    );
    expectRejectedUnchanged(doc, () => updateAgendaItem(doc, id, { color: 'red' } as never), ValidationError);
    expectRejectedUnchanged(doc, () => moveAgendaItem(doc, id, -1), ValidationError);
    expectRejectedUnchanged(doc, () => updateAgendaItem(doc, 'nope', { title: 'x' }), NotFoundError);
    expectRejectedUnchanged(doc, () => removeAgendaItem(doc, 'nope'), NotFoundError);

    try {
      addAgendaItem(doc, { title: 'ok', timeboxMinutes: -1 });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('timeboxMinutes');
      expect((error as ValidationError).code).toBe('invalid_input');
    }
  });

  it('does not write a field whose value is unchanged', () => {
    const doc = meeting();
    const id = addAgendaItem(doc, { title: 'A' });
    const before = Y.encodeStateVector(doc);
    updateAgendaItem(doc, id, { title: 'A' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
