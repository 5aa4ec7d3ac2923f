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

/** A link's short description parts, or null when it points at nothing that exists any more. */
export function describeLink(link: ItemLink | null, targets: LinkTargets): { kind: ItemLink['kind']; label: string } | null {
  if (!link) return null;
  switch (link.kind) {
    case 'agenda': {
      const index = targets.agenda.findIndex((a) => a.id === link.id);
      return index < 0 ? null : { kind: 'agenda', label: `${index + 1}. ${clip(targets.agenda[index]!.title)}` };
    }
    case 'decision': {
      const index = targets.decisions.findIndex((d) => d.id === link.id);
      return index < 0 ? null : { kind: 'decision', label: `#${index + 1} ${clip(targets.decisions[index]!.text)}` };
    }
    case 'kpi': {
      const kpi = targets.kpis.find((k) => k.id === link.id);
      return kpi ? { kind: 'kpi', label: clip(kpi.name) } : null;
    }
  }
}
