// Who may talk to the browser-mode server: a request must come to 127.0.0.1/localhost on our port (DNS
// rebinding defence), from our own origin when a browser sends one, and carry the per-run token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../shared';

export interface GuardVerdict {
  ok: boolean;
  status: number;
  reason: string;
}

export function createRequestGuard(token: string, port: () => number) {
  const expected = Buffer.from(token, 'utf8');
  const allowedHosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  function tokenMatches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const given = Buffer.from(candidate, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  return {
    /** Host and Origin checks, applied to every request including static files. */
    checkHostAndOrigin(req: IncomingMessage): GuardVerdict {
      if (!allowedHosts().includes(req.headers.host ?? '')) {
        return { ok: false, status: 403, reason: `Host "${req.headers.host ?? ''}" is not allowed.` };
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().includes(origin)) {
        return { ok: false, status: 403, reason: `Origin "${origin}" is not allowed.` };
      }
      return { ok: true, status: 200, reason: '' };
    },
    /** The token, from the header (HTTP API) or the query string (WebSocket, which cannot set headers). */
    checkToken(req: IncomingMessage): GuardVerdict {
      const header = req.headers[TOKEN_HEADER];
      const fromHeader = Array.isArray(header) ? header[0] : header;
      const fromQuery = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? undefined;
      if (tokenMatches(fromHeader) || tokenMatches(fromQuery)) return { ok: true, status: 200, reason: '' };
      return {
        ok: false,
        status: 401,
        reason: 'Missing or wrong token. Open the URL that `holdout serve` printed; it carries the token.',
      };
    },
  };
}
