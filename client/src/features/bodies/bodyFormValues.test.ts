import { describe, expect, it } from 'vitest';
import { emptyValues, normalizeTime, toSeriesInput, withTemplate } from './bodyFormValues';

describe('the body form values', () => {
  it('a template fills purpose, decision function, cadence and agenda in the form language, keeping people and parent', () => {
    const start = { ...emptyValues('ja', 'parent-1'), people: { chair: '佐藤 / 営業', secretary: '', member: '', informed: '' } };
    const v = withTemplate(start, 'managementMeeting');
    expect(v).toMatchObject({ name: '経営会議', decisionFunction: 'approve', every: 'month', weekday: '2', time: '10:00', parentId: 'parent-1' });
    expect(v.agenda.split('\n')[2]).toBe('下位会議体からのエスカレーション | 30');
    expect(withTemplate(emptyValues('en'), 'retrospective').name).toBe('Retrospective');
    const input = toSeriesInput(v);
    expect(input.members).toEqual([{ name: '佐藤', department: '営業', role: 'chair' }]);
    expect(input.cadence).toEqual({ every: 'month', weekday: 2, time: '10:00' });
    expect(input.parentId).toBe('parent-1');
  });

  it('members by role from their lines; as needed drops day and time; blanks become null', () => {
    const v = { ...emptyValues('ja'), name: ' 定例 ', weekday: '3', time: '9:30', people: { chair: '佐藤 / 営業', secretary: '鈴木', member: '田中 / 製品\n\n高橋 / CS', informed: '山田 / 経営' } };
    const input = toSeriesInput(v);
    expect(input.name).toBe('定例');
    expect(input.members.map((m) => [m.role, m.name])).toEqual([['chair', '佐藤'], ['secretary', '鈴木'], ['member', '田中'], ['member', '高橋'], ['informed', '山田']]);
    expect(input.cadence).toEqual({ every: 'asNeeded', weekday: null, time: null });
    expect(toSeriesInput({ ...v, every: 'week' }).cadence).toEqual({ every: 'week', weekday: 3, time: '09:30' });
    expect([input.parentId, input.reviewOn, input.decisionFunction]).toEqual([null, null, null]);
    expect(normalizeTime('０９:３０')).toBe('09:30');
  });
});
