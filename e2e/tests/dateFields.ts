import type { Locator } from '@playwright/test';

/**
 * Types into a react-aria date or time field (its segments move on by themselves as digits
 * arrive): `digits` in the field's segment order, e.g. "20261213" for 年/月/日, "1000" for 10:00 in
 * a 24-hour locale.
 */
export async function typeIntoDateField(field: Locator, digits: string): Promise<void> {
  const first = field.getByRole('spinbutton').first();
  await first.click();
  await field.page().keyboard.type(digits);
}
