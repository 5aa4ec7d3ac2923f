import * as YNs from 'yjs';
import type * as Y from 'yjs';
import { addActionItem, listActionItems, moveActionItem, removeActionItem, updateActionItem } from '../model/actionItems';
import { addAgendaItem, getAgendaNotes, listAgendaItems, moveAgendaItem, removeAgendaItem, updateAgendaItem } from '../model/agenda';
import { addDecision, listDecisions, updateDecision } from '../model/decisions';
import { addKpi, listKpis, updateKpi } from '../model/kpis';


/** A small seeded PRNG (mulberry32) so a failing random run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Applies one random, valid edit through the typed model: what a participant might do.
 * Used by convergence tests here and by load tests in the server.
 */
export function randomEdit(doc: Y.Doc, random: () => number, tag: string): void {
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
  const agenda = listAgendaItems(doc);
  const roll = random();
  if (roll < 0.2 || agenda.length === 0) {
    addAgendaItem(doc, { title: `議題 ${tag}`, timeboxMinutes: 1 + Math.floor(random() * 30) }, { index: Math.floor(random() * (agenda.length + 1)) });
  } else if (roll < 0.35) {
    updateAgendaItem(doc, pick(agenda)!.id, { title: `更新 ${tag}`, presenter: tag });
  } else if (roll < 0.45) {
    moveAgendaItem(doc, pick(agenda)!.id, Math.floor(random() * agenda.length));
  } else if (roll < 0.5) {
    removeAgendaItem(doc, pick(agenda)!.id);
  } else if (roll < 0.65) {
    const notes = getAgendaNotes(doc, pick(agenda)!.id);
    doc.transact(() => {
      const paragraph = new YNs.XmlElement('paragraph');
      paragraph.insert(0, [new YNs.XmlText(`メモ ${tag}`)]);
      notes.insert(Math.floor(random() * (notes.length + 1)), [paragraph]);
    });
  } else if (roll < 0.75) {
    const decisions = listDecisions(doc);
    if (decisions.length > 0 && random() < 0.5) updateDecision(doc, pick(decisions)!.id, { rationale: tag });
    else addDecision(doc, { text: `決定 ${tag}` });
  } else if (roll < 0.9) {
    const actions = listActionItems(doc);
    const r = random();
    if (actions.length > 0 && r < 0.4) updateActionItem(doc, pick(actions)!.id, { status: pick(['open', 'in_progress', 'done', 'dropped'] as const)! });
    else if (actions.length > 0 && r < 0.55) moveActionItem(doc, pick(actions)!.id, Math.floor(random() * actions.length));
    else if (actions.length > 0 && r < 0.6) removeActionItem(doc, pick(actions)!.id);
    else addActionItem(doc, { title: `宿題 ${tag}`, owner: { name: tag, department: '営業' }, dueDate: '2026-12-24' });
  } else {
    const kpis = listKpis(doc);
    if (kpis.length > 0 && random() < 0.6) updateKpi(doc, pick(kpis)!.id, { actual: Math.round(random() * 200) });
    else addKpi(doc, { name: `KPI ${tag}`, target: 100, actual: Math.round(random() * 200) });
  }
}
