/**
 * One term per concept per language: the words every message, generated text (minutes, brief,
 * files) and export uses for the meeting's things. A synonym on one screen makes people wonder
 * whether it is another thing ("宿題" in the checklist, "アクション" in the room: the same item).
 *
 * `avoid` lists the synonyms that must not appear; glossary.test.ts checks every message in
 * ja/en and the Japanese texts of shared/ (export labels, minutes, series texts) against them.
 * Add a term here before using a new word for an existing concept.
 */
export interface GlossaryTerm {
  concept: string;
  ja: string;
  en: string;
  /** Synonyms not to use, per language (matched as substrings in ja, whole words in en). */
  avoid: { ja: readonly string[]; en: readonly string[] };
  note?: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    concept: 'action item',
    ja: '宿題',
    en: 'action item',
    avoid: { ja: ['アクション', 'タスク', 'ToDo', 'TODO', 'やること'], en: ['task', 'tasks', 'homework', 'action point', 'action points'] },
    note: '宿題: what the minutes, the closing checklist, the brief and the exported files already said; the room and dashboard now say it too.',
  },
  {
    concept: 'agenda item',
    ja: '議題',
    en: 'agenda item',
    avoid: { ja: ['アジェンダ項目', '議案'], en: ['topic'] },
    note: 'The agenda as a whole is アジェンダ (en: agenda); each entry of it is 議題.',
  },
  {
    concept: 'decision',
    ja: '決定事項',
    en: 'decision',
    avoid: { ja: ['決議事項', '合意事項'], en: ['resolution'] },
  },
  {
    concept: 'minutes',
    ja: '議事録',
    en: 'minutes',
    avoid: { ja: ['会議録', 'ミーティングノート'], en: ['meeting notes', 'meeting record'] },
    note: 'メモ / notes are the notes taken on an agenda item during the meeting, not the minutes.',
  },
  {
    concept: 'facilitator',
    ja: 'ファシリテーター',
    en: 'facilitator',
    avoid: { ja: ['司会者', '進行役'], en: ['moderator', 'host'] },
  },
  {
    concept: 'series',
    ja: 'シリーズ',
    en: 'series',
    avoid: { ja: ['定例シリーズ', '会議シリーズ'], en: ['recurring meeting group'] },
  },
  {
    concept: 'issue',
    ja: '課題',
    en: 'issue',
    avoid: { ja: ['問題点', '懸案事項'], en: [] },
    note: '課題 is the register of problems with a root cause and an owner (issue 15). What is pushed to GitHub/Jira/Linear is a チケット (en: ticket), so that 課題 means one thing.',
  },
];
