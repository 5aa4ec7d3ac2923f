import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cloneDoc, syncDocs } from '../testing/syncDocs';
import { randomEdit, seededRandom } from '../testing/randomEdits';
import { toMeetingView } from '../view/meetingView';
import { addAgendaItem, listAgendaItems, moveAgendaItem, updateAgendaItem } from './agenda';
import { initMeeting } from './meeting';

function twoClients() {
  const a = new Y.Doc();
  initMeeting(a, { title: '定例' });
  const b = cloneDoc(a);
  return { a, b };
}

describe('concurrent edits converge', () => {
  it('two clients that edit concurrently end with the same meeting', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = seededRandom(seed);
      const { a, b } = twoClients();
      for (let round = 0; round < 8; round++) {
        const edits = 1 + Math.floor(random() * 6);
        for (let i = 0; i < edits; i++) randomEdit(a, random, `a${round}.${i}`);
        for (let i = 0; i < edits; i++) randomEdit(b, random, `b${round}.${i}`);
        if (random() < 0.6) syncDocs(a, b);
      }
      syncDocs(a, b);
      expect(toMeetingView(b, 'm'), `seed ${seed}`).toEqual(toMeetingView(a, 'm'));
    }
  });

  it('a concurrent move of the same item never duplicates it', () => {
    const { a, b } = twoClients();
    const ids = ['A', 'B', 'C', 'D'].map((title) => addAgendaItem(a, { title }));
    syncDocs(a, b);
    moveAgendaItem(a, ids[0]!, 3);
    moveAgendaItem(b, ids[0]!, 1);
    syncDocs(a, b);
    const titles = listAgendaItems(a).map((i) => i.title);
    expect(titles).toHaveLength(4);
    expect(new Set(titles).size).toBe(4);
    expect(listAgendaItems(b)).toEqual(listAgendaItems(a));
  });

  it('concurrent inserts at the same position keep both, in the same order everywhere', () => {
    const { a, b } = twoClients();
    addAgendaItem(a, { title: 'first' });
    syncDocs(a, b);
    addAgendaItem(a, { title: 'from a' });
    addAgendaItem(b, { title: 'from b' });
    syncDocs(a, b);
    expect(listAgendaItems(a).map((i) => i.title)).toEqual(listAgendaItems(b).map((i) => i.title));
    expect(listAgendaItems(a)).toHaveLength(3);
    // Equal order keys from the concurrent inserts still leave room to insert between them.
    const third = listAgendaItems(a);
    addAgendaItem(a, { title: 'between' }, { index: 2 });
    expect(listAgendaItems(a).map((i) => i.title)).toEqual([third[0]!.title, third[1]!.title, 'between', third[2]!.title]);
  });

  it('concurrent edits of different fields of one item both survive', () => {
    const { a, b } = twoClients();
    const id = addAgendaItem(a, { title: 'x' });
    syncDocs(a, b);
    updateAgendaItem(a, id, { title: 'タイトル' });
    updateAgendaItem(b, id, { presenter: '山田' });
    syncDocs(a, b);
    expect(listAgendaItems(b)[0]).toMatchObject({ title: 'タイトル', presenter: '山田' });
  });
});
