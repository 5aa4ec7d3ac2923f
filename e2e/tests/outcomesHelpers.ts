import { expect, type Locator, type Page } from '@playwright/test';

/** The room's outcomes column (KPIs, decisions, action items). */
export function outcomes(page: Page): Locator {
  return page.getByTestId('outcomes');
}

export async function openOutcomesTab(page: Page, tab: 'kpis' | 'decisions' | 'actions'): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/**
 * Pastes `text` into `target` as a spreadsheet paste would: a real `paste` ClipboardEvent whose
 * DataTransfer carries text/plain (what Excel and Google Sheets put on the clipboard).
 */
export async function pasteText(target: Locator, text: string): Promise<void> {
  await target.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Tab-separated rows as a spreadsheet copies them. */
export const tsv = (...rows: string[][]) => rows.map((cells) => cells.join('\t')).join('\n') + '\n';

export function kpiRows(page: Page): Locator {
  return page.getByTestId('kpi');
}

export function kpiRow(page: Page, name: string): Locator {
  return kpiRows(page).filter({ has: page.getByTestId('kpi-name').getByText(name, { exact: true }) });
}

export function actionRows(page: Page): Locator {
  return page.getByTestId('action-item');
}

/** Adds an attendee through the attendees panel (English UI). */
export async function addAttendee(page: Page, name: string, department: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Department', exact: true }).fill(department);
  await page.getByRole('button', { name: 'Add attendee' }).click();
  await expect(page.getByTestId('attendee').filter({ hasText: name })).toHaveCount(1);
}

/** Types a date into a react-aria date field, segment by segment, starting from its first segment. */
export async function typeDate(field: Locator, digits: string): Promise<void> {
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(digits);
}

/** An ISO date `days` from today on this machine (the browser runs on the same clock). */
export function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The digits to type into an en-US date field (mm dd yyyy) for an ISO date. */
export function usDateDigits(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}${d}${y}`;
}

/**
 * Types into a person combobox and picks the suggestion. The field is scrolled into view first:
 * react-aria closes a popover when its trigger's scroll container scrolls, as a person scrolling
 * away would (and as Playwright's own scroll-into-view during `fill` does).
 */
export async function pickPerson(combobox: Locator, typed: string, option: string | RegExp): Promise<void> {
  await combobox.scrollIntoViewIfNeeded();
  await combobox.click();
  await combobox.fill(typed);
  const listbox = combobox.page().getByRole('listbox');
  if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.press('ArrowDown');
  await listbox.getByRole('option', { name: option }).click();
}
