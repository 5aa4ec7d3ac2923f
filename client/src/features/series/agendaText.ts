import type { AgendaTemplateItem, UsualAttendee } from '@suishin/shared';

/**
 * The usual agenda typed as lines: "title", or "title | minutes". Blank lines are skipped; a
 * missing or unreadable timebox is 10 minutes. Full-width digits and the full-width bar work too;
 * the title is kept as typed.
 */
export function parseAgendaLines(text: string): AgendaTemplateItem[] {
  const items: AgendaTemplateItem[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    // Only the timebox is read through NFKC (full-width digits and bar); the title stays as typed (（）：).
    const bar = Math.max(line.lastIndexOf('|'), line.lastIndexOf('｜'));
    const minutes = bar >= 0 ? Number.parseInt(line.slice(bar + 1).normalize('NFKC').trim(), 10) : Number.NaN;
    const title = (bar >= 0 && Number.isFinite(minutes) ? line.slice(0, bar) : line).trim();
    if (!title) continue;
    items.push({ title, presenter: '', timeboxMinutes: Number.isFinite(minutes) && minutes >= 0 && minutes <= 1440 ? minutes : 10 });
  }
  return items;
}

/** Departments typed with commas (ASCII, full-width or 、). */
export function parseDepartments(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((d) => d.trim()).filter(Boolean))];
}

/** The usual agenda as the lines parseAgendaLines reads ("title | minutes"), to edit it again. */
export function agendaLinesText(items: readonly AgendaTemplateItem[]): string {
  return items.map((item) => `${item.title} | ${item.timeboxMinutes}`).join('\n');
}

/**
 * The usual attendees typed as lines: "name", or "name / department" (the full-width ／ too).
 * Blank lines and repeated people are skipped.
 */
export function parseAttendeeLines(text: string): UsualAttendee[] {
  const people: UsualAttendee[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.normalize('NFKC').trim();
    if (!line) continue;
    const slash = line.indexOf('/');
    const name = (slash >= 0 ? line.slice(0, slash) : line).trim();
    const department = slash >= 0 ? line.slice(slash + 1).trim() : '';
    const key = `${name}\u0000${department}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    people.push({ name, department });
  }
  return people;
}

/** The usual attendees as the lines parseAttendeeLines reads. */
export function attendeeLinesText(people: readonly UsualAttendee[]): string {
  return people.map((p) => (p.department ? `${p.name} / ${p.department}` : p.name)).join('\n');
}
