import { MAX_DISPLAY_NAME_LENGTH } from '@suishin/shared';

/**
 * A display name as a person typed it: whitespace collapsed, control characters removed, at most
 * MAX_DISPLAY_NAME_LENGTH characters; null when nothing is left. The same rule as the client's
 * presence names, so the name the server stamps into awareness is the one the person chose.
 */
export function normalizeDisplayName(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const name = input.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '') return null;
  return [...name].slice(0, MAX_DISPLAY_NAME_LENGTH).join('');
}
