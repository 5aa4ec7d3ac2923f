import { describe, expect, it } from 'vitest';
import type { Attendee } from '@suishin/shared';
import { attendanceFromPresence } from './attendanceFromPresence';

const attendee = (id: string, name: string, department: string, present: boolean): Attendee => ({ id, name, department, present, order: id });

describe('attendance from presence', () => {
  it('marks who joined present, adds those not listed with their department, and marks invited people who never joined absent', () => {
    const list = [attendee('a1', '山田　太郎', '', false), attendee('a2', '佐藤', '営業', true), attendee('a3', 'Kim', 'CS', false)];
    const plan = attendanceFromPresence(list, [
      { name: '山田 太郎', department: '製品' },
      { name: 'kim', department: '' },
      { name: 'Tanaka', department: '経理' },
      { name: 'Tanaka', department: '' },
    ]);
    expect(plan.update).toEqual([
      { id: 'a1', present: true, department: '製品' },
      { id: 'a2', present: false },
      { id: 'a3', present: true },
    ]);
    expect(plan.add).toEqual([{ name: 'Tanaka', department: '経理' }]);
    expect({ present: plan.present, absent: plan.absent }).toEqual({ present: 3, absent: 1 });
  });

  it('plans nothing when the list already says so', () => {
    const list = [attendee('a1', 'Alice', 'Sales', true), attendee('a2', 'Bob', '', false)];
    expect(attendanceFromPresence(list, [{ name: 'Alice', department: 'Sales' }])).toEqual({ update: [], add: [], present: 1, absent: 1 });
  });
});
