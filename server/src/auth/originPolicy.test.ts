import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from './originPolicy';

describe('origin policy', () => {
  it("by default allows the server's own origins and the request's own host, nothing else", () => {
    const policy = createOriginPolicy({ allowedOrigins: null, publicUrl: null, port: () => 8787 });
    expect(policy.isAllowed('http://localhost:8787', 'localhost:8787')).toBe(true);
    expect(policy.isAllowed('http://127.0.0.1:8787', 'anything')).toBe(true);
    expect(policy.isAllowed('http://192.168.1.20:8787', '192.168.1.20:8787')).toBe(true);
    expect(policy.isAllowed('http://192.168.1.20:8787', 'localhost:8787')).toBe(false);
    expect(policy.isAllowed('https://evil.example', 'localhost:8787')).toBe(false);
    expect(policy.isAllowed('http://localhost:8788', 'localhost:8787')).toBe(false);
    expect(policy.isAllowed('null', 'localhost:8787')).toBe(false);
    expect(policy.isAllowed('file://', 'localhost:8787')).toBe(false);
    expect(policy.isAllowed('http://LOCALHOST:8787', 'localhost:8787')).toBe(false); // browsers send it lowercase
  });

  it('with ALLOWED_ORIGINS, exactly those', () => {
    const policy = createOriginPolicy({
      allowedOrigins: ['https://meet.example.com'],
      publicUrl: 'https://meet.example.com',
      port: () => 8787,
    });
    expect(policy.isAllowed('https://meet.example.com', 'meet.example.com')).toBe(true);
    expect(policy.isAllowed('http://localhost:8787', 'localhost:8787')).toBe(false);
    expect(policy.fallbackOrigin).toBe('https://meet.example.com');
  });
});
