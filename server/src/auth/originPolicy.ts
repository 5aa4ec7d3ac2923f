/**
 * Which browser origins may talk to this server with its cookie. Checked on every WebSocket
 * upgrade that authenticates by cookie (cross-site WebSocket hijacking) and on every cookie-
 * authenticated REST request that changes something (CSRF, on top of SameSite=Strict).
 *
 * With ALLOWED_ORIGINS set, exactly those origins. Otherwise the server's own origins: PUBLIC_URL's,
 * http://localhost:<port> and http://127.0.0.1:<port>, and an origin whose host:port equals the
 * request's Host header (the page was served by this very server, e.g. over a LAN address). A
 * foreign page always sends its own origin, which matches none of these.
 */
export interface OriginPolicy {
  isAllowed(origin: string, hostHeader: string | undefined): boolean;
  /** The origin links are built on when no request origin is usable. */
  readonly fallbackOrigin: string;
}

export function createOriginPolicy(options: {
  allowedOrigins: string[] | null;
  publicUrl: string | null;
  port: () => number;
}): OriginPolicy {
  const normalize = (value: string): string | null => {
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      return url.origin;
    } catch {
      return null;
    }
  };
  const configured = options.allowedOrigins?.map(normalize).filter((o): o is string => o !== null) ?? null;
  const publicOrigin = options.publicUrl ? normalize(options.publicUrl) : null;
  const own = () => {
    const port = options.port();
    return [publicOrigin, `http://localhost:${port}`, `http://127.0.0.1:${port}`].filter((o): o is string => o !== null);
  };
  return {
    isAllowed(origin, hostHeader) {
      const normalized = normalize(origin);
      if (normalized === null || normalized !== origin.replace(/\/$/, '')) return false;
      if (configured) return configured.includes(normalized);
      if (own().includes(normalized)) return true;
      return hostHeader !== undefined && new URL(normalized).host === hostHeader.toLowerCase();
    },
    get fallbackOrigin() {
      return publicOrigin ?? `http://localhost:${options.port()}`;
    },
  };
}
