import { RootKey } from '../schema/keys';
import { KPI_DIRECTIONS, type Kpi } from '../schema/records';
import { kpiInputSchema, kpiPatchSchema } from '../schema/validators';
import { defineCollection } from './collection';
import { readEnum, readNullableNumber, readNullableString, readString } from './fieldReaders';
import { requireReference } from './references';

export const kpis = defineCollection({
  kind: 'KPI',
  rootKey: RootKey.kpis,
  inputSchema: kpiInputSchema,
  patchSchema: kpiPatchSchema,
  initialFields: (input) => ({
    name: input.name,
    unit: input.unit,
    target: input.target,
    actual: input.actual,
    previous: input.previous,
    direction: input.direction,
    owner: input.owner,
    comment: input.comment,
    countermeasureActionId: input.countermeasureActionId,
  }),
  checkReferences(doc, values) {
    if ('countermeasureActionId' in values) {
      requireReference(doc, RootKey.actionItems, values.countermeasureActionId, 'countermeasureActionId');
    }
  },
  read: (id, record): Kpi => ({
    id,
    name: readString(record, 'name'),
    unit: readString(record, 'unit'),
    target: readNullableNumber(record, 'target'),
    actual: readNullableNumber(record, 'actual'),
    previous: readNullableNumber(record, 'previous'),
    direction: readEnum(record, 'direction', KPI_DIRECTIONS, 'higher_is_better'),
    owner: readString(record, 'owner'),
    comment: readString(record, 'comment'),
    countermeasureActionId: readNullableString(record, 'countermeasureActionId'),
    order: readString(record, 'order'),
  }),
});

export const listKpis = kpis.list;
export const getKpi = kpis.get;
export const addKpi = kpis.add;
export const updateKpi = kpis.update;
export const removeKpi = kpis.remove;
export const moveKpi = kpis.move;
