// Browser mode: the same back end served on 127.0.0.1 only, on a free port, with a random per-run token.
// Static renderer files over HTTP, the API and pushed events over one WebSocket, uploads over HTTP POST.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { toSerializedError, type Backend } from '../backend';
import { HoldoutError } from '../shared';
import { createRequestGuard } from './requestGuard';
import { UPLOAD_PATH, WS_PATH, type WireMessage, type WireRequest } from '../shared';

export interface BrowserServerOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface BrowserServer {
  readonly port: number;
  readonly token: string;
  /** The URL to open, carrying the token once. */
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; font-src 'self' data:; object-src 'none'; base-uri 'none'; " +
    "frame-ancestors 'none'; worker-src 'self' blob:",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { backend } = options;
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const guard = createRequestGuard(token, () => port);
  const serveStatic = sirv(options.rendererDir, { single: true, dev: false, etag: true });

  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const hostCheck = guard.checkHostAndOrigin(req);
    if (!hostCheck.ok) return sendJson(res, hostCheck.status, { error: { code: 'UNAUTHORIZED', message: hostCheck.reason } });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/api/')) {
      const tokenCheck = guard.checkToken(req);
      if (!tokenCheck.ok) return sendJson(res, tokenCheck.status, { error: { code: 'UNAUTHORIZED', message: tokenCheck.reason } });
      if (path === UPLOAD_PATH && req.method === 'POST') return void handleUpload(req, res, backend);
      return sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `No API route ${req.method} ${path}.` } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'INVALID_REQUEST', message: 'Method not allowed.' } });
    serveStatic(req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const verdict = path !== WS_PATH ? { ok: false, status: 404, reason: 'Not found.' } : guard.checkHostAndOrigin(req).ok ? guard.checkToken(req) : guard.checkHostAndOrigin(req);
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${verdict.reason}\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send(ws, { id: -1, ok: false, error: { code: 'INVALID_REQUEST', message: 'Binary messages are not accepted.' } });
      void handleRequest(ws, data.toString(), backend);
    });
  });
  const unsubscribe = backend.events.subscribe((message) => {
    for (const ws of sockets) send(ws, message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handleRequest(ws: WebSocket, text: string, backend: Backend): Promise<void> {
  let request: WireRequest;
  try {
    request = JSON.parse(text) as WireRequest;
    if (typeof request.id !== 'number' || typeof request.method !== 'string') throw new Error('shape');
  } catch {
    return send(ws, { id: -1, ok: false, error: { code: 'INVALID_REQUEST', message: 'Malformed request: expected {"id", "method", "params"}.' } });
  }
  try {
    const result = await backend.dispatch(request.method, request.params);
    send(ws, { id: request.id, ok: true, result });
  } catch (err) {
    send(ws, { id: request.id, ok: false, error: toSerializedError(err) });
  }
}

async function handleUpload(req: IncomingMessage, res: ServerResponse, backend: Backend): Promise<void> {
  const fileName = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('name')?.trim();
  if (!fileName || fileName.length > 255 || /[\\/\0]/.test(fileName)) {
    return sendJson(res, 400, { error: new HoldoutError('INVALID_REQUEST', 'Upload needs a plain file name in ?name=.').toJSON() });
  }
  try {
    const upload = await backend.uploads.receive(fileName, req);
    sendJson(res, 200, { uploadId: upload.uploadId, fileName: upload.fileName, bytes: upload.bytes });
  } catch (err) {
    sendJson(res, 400, { error: toSerializedError(err) });
  }
}

function send(ws: WebSocket, message: WireMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
