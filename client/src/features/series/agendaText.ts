import type { AgendaTemplateItem } from '@suishin/shared';

/**
 * The usual agenda typed as lines: "title", or "title | minutes". Blank lines are skipped; a
 * missing or unreadable timebox is 10 minutes. Full-width digits and the full-width bar work too.
 */
export function parseAgendaLines(text: string): AgendaTemplateItem[] {
  const items: AgendaTemplateItem[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.normalize('NFKC').trim();
    if (!line) continue;
    const bar = line.lastIndexOf('|');
    const minutes = bar >= 0 ? Number.parseInt(line.slice(bar + 1).trim(), 10) : Number.NaN;
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
