import { describe, expect, it } from 'vitest';
import { isAllowedLink } from './linkPolicy';

describe('isAllowedLink', () => {
  it('allows web pages and mail addresses', () => {
    expect(isAllowedLink('https://example.com/q?x=1')).toBe(true);
    expect(isAllowedLink('http://intranet.local/wiki')).toBe(true);
    expect(isAllowedLink('mailto:sato@example.co.jp')).toBe(true);
    expect(isAllowedLink('HTTPS://EXAMPLE.COM')).toBe(true);
  });

  it('refuses scripts, data, files and relative or disguised links', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\nscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example',
      'https://exa mple.com',
      '',
      42,
      null,
    ]) {
      expect(isAllowedLink(href), String(href)).toBe(false);
    }
  });
});
