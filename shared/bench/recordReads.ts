/**
 * What reading records through their declarations costs (schema/recordSchema.ts: each field
 * checked by its stored schema, bad values falling back) against a reference in the same run: the
 * hand-written typeof readers the model used before, for decisions and action items. Prints ms per
 * list of 500 records and the ratio. Run: npx pnpm@12.4.2 --filter @suishin/shared bench
 */
import * as Y from 'yjs';
import { addActionItem, addDecision, initMeeting, listActionItems, listDecisions, toMeetingView } from '../src/index';

const N = 500;
const doc = new Y.Doc();
initMeeting(doc, { title: 'bench' });
for (let i = 0; i < N; i++) {
  addDecision(doc, { text: `決定 ${i}`, rationale: '理由'.repeat(20), decidedBy: '部長', reviewDate: '2027-01-15' });
  addActionItem(doc, { title: `対応 ${i}`, owner: { name: '佐藤', department: '営業' }, dueDate: '2026-12-20' });
}

type M = Y.Map<unknown>;
const str = (m: M, k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
const nstr = (m: M, k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : null);
const num = (m: M, k: string) => (typeof m.get(k) === 'number' ? (m.get(k) as number) : 0);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The readers as they were written by hand (the reference). */
const reference = {
  decisions: () => {
    const out: unknown[] = [];
    doc.getMap<M>('decisions').forEach((m, id) => out.push({ id, text: str(m, 'text'), rationale: str(m, 'rationale'), alternatives: str(m, 'alternatives'), decidedBy: str(m, 'decidedBy'), agendaItemId: nstr(m, 'agendaItemId'), createdAt: num(m, 'createdAt'), reviewDate: nstr(m, 'reviewDate'), supersedesId: nstr(m, 'supersedesId'), order: str(m, 'order') }));
    return out.sort((a, b) => ((a as { order: string }).order < (b as { order: string }).order ? -1 : 1));
  },
  actionItems: () => {
    const out: unknown[] = [];
    doc.getMap<M>('actionItems').forEach((m, id) => {
      const owner = m.get('owner');
      const link = m.get('link');
      const refs = m.get('externalRefs');
      const status = m.get('status');
      out.push({ id, title: str(m, 'title'), owner: isObj(owner) && typeof owner.name === 'string' ? owner : { name: '', department: '' }, dueDate: nstr(m, 'dueDate'), status: typeof status === 'string' && ['open', 'in_progress', 'done', 'dropped'].includes(status) ? status : 'open', link: link === null || isObj(link) ? link : null, externalRefs: Array.isArray(refs) ? refs : [], createdAt: num(m, 'createdAt'), order: str(m, 'order') });
    });
    return out.sort((a, b) => ((a as { order: string }).order < (b as { order: string }).order ? -1 : 1));
  },
};

function time(run: () => unknown, rounds = 200): number {
  for (let i = 0; i < 20; i++) run(); // warm up
  const started = performance.now();
  for (let i = 0; i < rounds; i++) run();
  return (performance.now() - started) / rounds;
}

const rows: [string, number, number][] = [
  ['list 500 decisions', time(() => listDecisions(doc)), time(reference.decisions)],
  ['list 500 action items', time(() => listActionItems(doc)), time(reference.actionItems)],
];
for (const [what, declared, handWritten] of rows) {
  console.log(`${what}: ${declared.toFixed(3)} ms through the declaration, ${handWritten.toFixed(3)} ms hand-written (×${(declared / handWritten).toFixed(2)})`);
}
console.log(`toMeetingView of 1,000 records: ${time(() => toMeetingView(doc, 'm'), 50).toFixed(3)} ms`);
