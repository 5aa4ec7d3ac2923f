import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('takes the first supported browser language', () => {
    expect(detectLanguage(['ja-JP', 'en-US'])).toBe('ja');
    expect(detectLanguage(['fr-FR', 'en-GB', 'ja'])).toBe('en');
    expect(detectLanguage(['de', 'JA'])).toBe('ja');
  });
  it('falls back to English', () => {
    expect(detectLanguage([])).toBe('en');
    expect(detectLanguage(['ko-KR'])).toBe('en');
  });
});
