// Browser-mode server security and transport: 127.0.0.1 only, per-run token on every API request and on the
// WebSocket, foreign Origin and Host refused; with the token, the contract works end to end, uploads included.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserServer, type BrowserServer } from '../../src/server';
import type { WireMessage } from '../../src/shared';
import { useBackends } from '../helpers/backend';
import { reference, repoRoot } from '../helpers/paths';

const openBackend = useBackends();
let server: BrowserServer;

beforeAll(async () => {
  server = await startBrowserServer({ backend: openBackend(), rendererDir: `${repoRoot}/out/renderer` });
});
afterAll(async () => {
  await server?.close();
});

function httpRequest(opts: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function connect(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, params: unknown): Promise<WireMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as WireMessage;
      if ('id' in msg && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await httpRequest({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another Origin', async () => {
    await expect(connect('')).rejects.toThrow('HTTP 401');
    await expect(connect('?token=wrong')).rejects.toThrow('HTTP 401');
    await expect(connect(`?token=${server.token}`, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('refuses API requests without the token and requests for a foreign Host', async () => {
    const noToken = await httpRequest({ path: '/api/upload?name=x.csv', method: 'POST', body: Buffer.from('date,close\n') });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body).error.code).toBe('UNAUTHORIZED');
    const rebinding = await httpRequest({ path: '/', headers: { Host: 'attacker.example:80' } });
    expect(rebinding.status).toBe(403);
  });

  it('answers contract calls over the socket, validates them, and pushes events', async () => {
    const ws = await connect(`?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port}` });
    const events: WireMessage[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as WireMessage;
      if ('event' in m) events.push(m);
    });
    const info = await call(ws, 1, 'app.info', {});
    expect(info).toMatchObject({ id: 1, ok: true, result: { name: 'Holdout' } });
    const bad = await call(ws, 2, 'datasets.get', { id: 42 });
    expect(bad).toMatchObject({ id: 2, ok: false, error: { code: 'INVALID_REQUEST' } });

    const upload = await httpRequest({
      path: '/api/upload?name=msft.csv',
      method: 'POST',
      headers: { 'x-holdout-token': server.token },
      body: readFileSync(reference('msft.csv')),
    });
    expect(upload.status).toBe(200);
    const staged = JSON.parse(upload.body) as { uploadId: string; fileName: string };
    const imported = await call(ws, 3, 'datasets.import', { source: { kind: 'upload', ...staged } });
    expect(imported).toMatchObject({ ok: true, result: { dataset: { name: 'msft', bars: 249 } } });
    expect(events.some((e) => 'event' in e && e.event === 'datasets.changed')).toBe(true);
    expect(events.some((e) => 'event' in e && e.event === 'import.progress')).toBe(true);
    ws.close();
  });
});
