import type { ExternalRef } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import { isWebUrl } from './exportOptions';
import { buildMinutesContent, trackerName, type LabeledValue, type MinutesOptions } from './minutesContent';
import { printPageStyles } from './printPage';

export const HTML_MEDIA_TYPE = 'text/html; charset=utf-8';

/**
 * The minutes as one complete, printable HTML page (A4 portrait, print CSS, Japanese fonts first
 * for Japanese minutes), with the same sections as the Markdown.
 *
 * Every user string goes through {@link escapeHtml}. Links are written only for http(s) URLs, and
 * a Content-Security-Policy meta tag allows no script at all, so even a missed escape could not run
 * anything.
 */
export function formatMinutesHtml(view: MeetingView, options: MinutesOptions): string {
  const m = buildMinutesContent(view, options);
  const { labels } = m;
  const e = escapeHtml;
  const body: string[] = [];

  body.push(`<header><p class="doc-kind">${e(labels.minutesTitle)}</p><h1>${e(m.title)}</h1>`);
  body.push(`<dl class="meta">${m.header.map(definition).join('')}</dl></header>`);

  body.push(`<section class="agenda"><h2>${e(labels.agenda)}</h2>`);
  if (m.agenda.length === 0) body.push(`<p class="none">${e(labels.none)}</p>`);
  for (const item of m.agenda) {
    const overrun = item.overrun
      ? ` <span class="overrun">(${e(labels.overrun)} +${e(item.overrun)})</span>`
      : '';
    body.push(
      `<article class="agenda-item"><h3>${item.number}. ${e(item.title)}</h3>`,
      '<ul class="facts">',
      item.presenter.trim() ? `<li><span class="label">${e(labels.presenter)}:</span> ${e(item.presenter)}</li>` : '',
      `<li><span class="label">${e(labels.plannedTime)}:</span> ${e(item.planned)}`,
      ` / <span class="label">${e(labels.actualTime)}:</span> ${e(item.actual)}${overrun}</li>`,
      `<li><span class="label">${e(labels.status)}:</span> ${e(item.status)}</li></ul>`,
      item.notes.trim() ? `<div class="notes">${e(item.notes)}</div>` : '',
      '</article>',
    );
  }
  body.push('</section>');

  body.push(`<section class="kpis"><h2>${e(labels.kpis)}</h2>`);
  if (m.kpis.length === 0) body.push(`<p class="none">${e(labels.none)}</p>`);
  else {
    const head = [labels.kpiName, labels.target, labels.actual, labels.previous, labels.change, labels.status, labels.owner, labels.comment, labels.countermeasure];
    body.push(`<table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>`);
    for (const k of m.kpis) {
      const status = `<td class="status${k.statusKey ? ` status-${k.statusKey.replace('_', '-')}` : ''}">${e(k.status)}</td>`;
      body.push(
        `<tr><th scope="row">${e(k.name)}</th>${[k.target, k.actual, k.previous, k.change].map((v) => `<td class="num">${e(v)}</td>`).join('')}`,
        `${status}<td class="person">${e(k.owner)}</td><td class="text">${e(k.comment)}</td><td class="text">${e(k.countermeasure)}</td></tr>`,
      );
    }
    body.push('</tbody></table>');
  }
  body.push('</section>');

  body.push(`<section class="decisions"><h2>${e(labels.decisions)}</h2>`);
  if (m.decisions.length === 0) body.push(`<p class="none">${e(labels.none)}</p>`);
  else {
    body.push('<ol>');
    for (const d of m.decisions) {
      body.push(`<li id="decision-${e(d.id)}"><p class="decision">${e(d.text)}</p>`);
      if (d.details.length > 0) body.push(`<dl class="details">${d.details.map(definition).join('')}</dl>`);
      body.push('</li>');
    }
    body.push('</ol>');
  }
  body.push('</section>');

  body.push(`<section class="action-items"><h2>${e(labels.actionItems)}</h2>`);
  if (m.actionItems.length === 0) body.push(`<p class="none">${e(labels.none)}</p>`);
  else {
    const withRefs = m.actionItems.some((a) => a.externalRefs.length > 0);
    const head = ['#', labels.actionItem, labels.owner, labels.dueDate, labels.status, ...(withRefs ? [labels.tracker] : [])];
    body.push(`<table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>`);
    for (const a of m.actionItems) {
      body.push(
        `<tr><td class="num">${a.number}</td><td class="text">${e(a.title)}</td><td class="person">${e(a.owner)}</td>`,
        `<td class="date">${e(a.dueDate)}</td><td class="state">${e(a.status)}</td>`,
        withRefs ? `<td>${refsHtml(a.externalRefs)}</td>` : '',
        '</tr>',
      );
    }
    body.push('</tbody></table>');
  }
  body.push('</section>');

  body.push(`<section class="next-meeting"><h2>${e(labels.nextMeeting)}</h2><p class="text">${e(m.nextMeeting)}</p></section>`);

  if (m.closingOverrides.length > 0) {
    body.push(`<section class="remarks"><h2>${e(labels.remarks)}</h2><p>${e(labels.closingOverrides)}</p><ul>`);
    for (const o of m.closingOverrides) {
      body.push(`<li>${e(o.item)} — <span class="label">${e(labels.reason)}:</span> ${e(o.reason)}</li>`);
    }
    body.push('</ul></section>');
  }

  return [
    '<!DOCTYPE html>',
    `<html lang="${m.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(labels.minutesTitle)}: ${e(m.title)}</title>`,
    `<style>${styles(m.language)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter((part) => part.length > 0),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Text as HTML text or attribute value: the five characters that could end either are replaced. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function definition(field: LabeledValue): string {
  const value =
    field.url && isWebUrl(field.url)
      ? `<a href="${escapeHtml(field.url)}">${escapeHtml(field.value)}</a>`
      : escapeHtml(field.value);
  return `<div><dt>${escapeHtml(field.label)}</dt><dd>${value}</dd></div>`;
}

function refsHtml(refs: ExternalRef[]): string {
  return refs
    .map((ref) => {
      const label = escapeHtml(`${trackerName(ref.tracker)} ${ref.key}`);
      return isWebUrl(ref.url) ? `<a href="${escapeHtml(ref.url)}">${label}</a>` : label;
    })
    .join(', ');
}

function styles(language: 'ja' | 'en'): string {
  return `${printPageStyles(language)}
main { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
header { border-bottom: 2px solid #111; margin-bottom: 6mm; }
.doc-kind { margin: 0; font-size: 10pt; letter-spacing: 0.2em; color: #444; }
h1 { margin: 0 0 3mm; font-size: 18pt; line-height: 1.3; overflow-wrap: anywhere; }
h2 { margin: 7mm 0 2mm; padding-bottom: 1mm; font-size: 13pt; border-bottom: 1px solid #999; break-after: avoid; page-break-after: avoid; }
h3 { margin: 4mm 0 1mm; font-size: 11pt; break-after: avoid; page-break-after: avoid; overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 4mm; }
dl.meta div, dl.details div { display: contents; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 3mm; margin: 1mm 0 2mm; font-size: 9.5pt; }
dl.details dd { white-space: pre-wrap; }
.label { font-weight: bold; }
ul.facts { margin: 0 0 1mm; padding-left: 5mm; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; margin: 1mm 0 0; padding: 2mm 3mm; border-left: 3px solid #ccc; background: #f7f7f7; }
.agenda-item { break-inside: avoid; page-break-inside: avoid; }
.overrun { color: #b00020; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 1mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #eee; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date, td.status, td.state { white-space: nowrap; }
td.person { word-break: keep-all; }
td.text, p.text, p.decision { white-space: pre-wrap; overflow-wrap: anywhere; }
.status-on-track { color: #1b5e20; }
.status-at-risk { color: #8a5a00; font-weight: bold; }
.status-off-track { color: #b00020; font-weight: bold; }
ol { padding-left: 6mm; }
li { margin-bottom: 1mm; }
p.decision { margin: 0; font-weight: bold; }
a { color: #0b57d0; overflow-wrap: anywhere; }
@media print {
  main { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  .notes { background: none; }
  thead th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();
}
