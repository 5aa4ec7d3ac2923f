import { describe, expect, it } from 'vitest';
import { SAMPLE_MEETING_URL_BASE, sampleMeeting } from './fixtures/sampleMeeting';
import { exportFileName, findFormat, formats } from './formats';

describe('formats registry', () => {
  it('lists every format once with a media type and extension', () => {
    expect(formats.map((f) => f.id)).toEqual([
      'minutes-markdown',
      'minutes-html',
      'jira-csv',
      'asana-csv',
      'linear-csv',
      'action-items-json',
      'action-items-ics',
    ]);
    for (const format of formats) {
      expect(format.mediaType).toMatch(/^[a-z]+\/[a-z.+-]+(; charset=utf-8)?$/);
      expect(format.fileExtension).toMatch(/^[a-z]+$/);
      expect(format.label.ja && format.label.en).toBeTruthy();
    }
    expect(findFormat('nope')).toBeUndefined();
  });

  it('renders every format from the same view and options', () => {
    const view = sampleMeeting();
    for (const format of formats) {
      const text = format.render(view, { meetingUrlBase: SAMPLE_MEETING_URL_BASE, now: new Date('2025-07-01T03:00:00Z') });
      expect(text.length).toBeGreaterThan(100);
      expect(text).toContain(format.content === 'minutes' ? '週次定例' : '山田');
    }
  });

  it('names files in ASCII from the meeting date and id', () => {
    const view = sampleMeeting();
    expect(exportFileName(view, findFormat('jira-csv')!)).toBe('meeting-2025-07-01-mtg-2025-07-01-jira.csv');
    expect(exportFileName(view, findFormat('minutes-html')!)).toBe('meeting-2025-07-01-mtg-2025-07-01-minutes.html');
    expect(exportFileName(view, findFormat('action-items-ics')!)).toBe('meeting-2025-07-01-mtg-2025-07-01-action-items.ics');
    view.meta.startedAt = null;
    view.meta.scheduledStart = null;
    view.id = '会議/1';
    expect(exportFileName(view, findFormat('action-items-json')!)).toBe('meeting-1-action-items.json');
  });
});
