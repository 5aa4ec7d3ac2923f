import type { AgendaItem, Decision, ItemLink, Kpi } from '@suishin/shared';

/** What an action item can be linked to, with the labels the UI shows for each. */
export interface LinkTargets {
  agenda: readonly AgendaItem[];
  decisions: readonly Decision[];
  kpis: readonly Kpi[];
}

export interface LinkOption {
  value: string;
  label: string;
}

const MAX_LABEL = 48;
const clip = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LABEL ? `${line.slice(0, MAX_LABEL - 1)}…` : line;
};

export const linkValue = (link: ItemLink | null): string => (link ? `${link.kind}:${link.id}` : '');

export function parseLinkValue(value: string): ItemLink | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  return kind === 'agenda' || kind === 'decision' || kind === 'kpi' ? { kind, id } : null;
}

/** Option labels per kind: agenda items by number, decisions by number, KPIs by name. */
export function linkOptions(targets: LinkTargets): { agenda: LinkOption[]; decisions: LinkOption[]; kpis: LinkOption[] } {
  return {
    agenda: targets.agenda.map((item, i) => ({ value: `agenda:${item.id}`, label: `${i + 1}. ${clip(item.title)}` })),
    decisions: targets.decisions.map((d, i) => ({ value: `decision:${d.id}`, label: `#${i + 1} ${clip(d.text)}` })),
    kpis: targets.kpis.map((k) => ({ value: `kpi:${k.id}`, label: clip(k.name) })),
  };
}

/**
 * A function giving a link's short label ("2. Pricing", "#3 Raise the price…", "Churn"), or null
 * when it points at nothing that exists any more. The labels are computed once per target, so
 * labelling 300 action items is 300 map lookups.
 */
export function linkLabeler(targets: LinkTargets): (link: ItemLink | null) => string | null {
  const labels = new Map<string, string>();
  targets.agenda.forEach((a, i) => labels.set(`agenda:${a.id}`, `${i + 1}. ${clip(a.title)}`));
  targets.decisions.forEach((d, i) => labels.set(`decision:${d.id}`, `#${i + 1} ${clip(d.text)}`));
  targets.kpis.forEach((k) => labels.set(`kpi:${k.id}`, clip(k.name)));
  return (link) => (link ? labels.get(linkValue(link)) ?? null : null);
}
