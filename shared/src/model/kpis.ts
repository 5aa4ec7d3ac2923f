import { RootKey } from '../schema/keys';
import { kpiRecord } from '../schema/meetingRecords';
import { defineCollection } from './collection';
import { requireReference } from './references';

export const kpis = defineCollection({
  kind: 'KPI',
  rootKey: RootKey.kpis,
  schema: kpiRecord,
  checkReferences(doc, values) {
    if ('countermeasureActionId' in values) {
      requireReference(doc, RootKey.actionItems, values.countermeasureActionId, 'countermeasureActionId');
    }
  },
});

export const listKpis = kpis.list;
export const getKpi = kpis.get;
export const addKpi = kpis.add;
export const updateKpi = kpis.update;
export const removeKpi = kpis.remove;
export const moveKpi = kpis.move;
