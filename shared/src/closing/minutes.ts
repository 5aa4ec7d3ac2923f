import type { ExportLanguage } from '../export/formatting';
import type { ClosingOverride, MinutesOptions } from '../export/minutesContent';
import type { ClosingNotes } from '../model/closingNotes';
import type { MeetingView } from '../view/meetingView';
import { closingChecklist, type ClosingCheckKind, type ClosingGap } from './checklist';

/**
 * What the closing notes add to the minutes: the overridden checklist gaps, each described in
 * the minutes' language with its reason (and who accepted it), and the next meeting (次回予定).
 */
export function closingMinutesOptions(
  view: MeetingView,
  notes: ClosingNotes,
  language: ExportLanguage,
): Pick<MinutesOptions, 'closingOverrides' | 'nextMeeting'> {
  const checklist = closingChecklist(view, notes.overrides);
  return {
    closingOverrides: checklist.overridden.map((gap) => describeOverride(gap, language)),
    nextMeeting: notes.nextMeeting ? { date: notes.nextMeeting.date, place: notes.nextMeeting.place, text: notes.nextMeeting.text } : null,
  };
}

export function describeOverride(gap: ClosingGap, language: ExportLanguage): ClosingOverride {
  const override = gap.override;
  const reason = override?.reason ?? '';
  const by = override?.by.trim() ?? '';
  return {
    item: describeGap(gap, language),
    reason: by ? (language === 'ja' ? `${reason}（${by}）` : `${reason} (${by})`) : reason,
  };
}

/** "宿題「見積書の送付」：期限が未定" / 'Action item "Send the quote": no due date'. */
export function describeGap(gap: Pick<ClosingGap, 'kind' | 'subject'>, language: ExportLanguage): string {
  const subject = shorten(gap.subject);
  return GAP_TEXT[language][gap.kind](subject);
}

const GAP_TEXT: Record<ExportLanguage, Record<ClosingCheckKind, (subject: string) => string>> = {
  ja: {
    'action-owner': (s) => `宿題「${s}」：担当者が未定`,
    'action-due-date': (s) => `宿題「${s}」：期限が未定`,
    'kpi-countermeasure': (s) => `KPI「${s}」（未達）：対策の宿題なし`,
    'decision-decider': (s) => `決定「${s}」：決定者が未記入`,
  },
  en: {
    'action-owner': (s) => `Action item "${s}": no owner`,
    'action-due-date': (s) => `Action item "${s}": no due date`,
    'kpi-countermeasure': (s) => `KPI "${s}" (off track): no countermeasure action`,
    'decision-decider': (s) => `Decision "${s}": nobody recorded as deciding it`,
  },
};

function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}
