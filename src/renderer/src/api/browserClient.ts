// The browser-mode client: the contract's methods over one WebSocket to the local server, pushed events on the
// same socket, and file uploads over HTTP. The per-run token arrives once in the URL and is kept for the tab.
import {
  HoldoutError,
  TOKEN_HEADER,
  UPLOAD_PATH,
  WS_PATH,
  buildApi,
  fromSerializedError,
  isSerializedError,
  type EventListener,
  type FileSource,
  type WireMessage,
} from '../../../shared';
import type { HoldoutClient } from './client';

const TOKEN_KEY = 'holdout.token';

export async function createBrowserClient(): Promise<HoldoutClient> {
  const token = takeToken();
  const listeners = new Set<EventListener>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const socket = await openSocket(token);

  socket.addEventListener('message', (ev) => {
    const message = JSON.parse(String(ev.data)) as WireMessage;
    if ('event' in message) {
      for (const l of listeners) l(message);
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(fromSerializedError(message.error));
  });
  socket.addEventListener('close', () => {
    const err = new HoldoutError('INTERNAL', 'The connection to the Holdout server closed. Is `holdout serve` still running?');
    for (const w of pending.values()) w.reject(err);
    pending.clear();
  });

  function call(method: string, params: unknown): Promise<unknown> {
    if (socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new HoldoutError('INTERNAL', 'Not connected to the Holdout server. Reload the page.'));
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  }

  // One function per contract method, built from the contract itself so none can be missed.
  const api = buildApi(call);

  return {
    mode: 'browser',
    api,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stageFile: (file, onProgress) => upload(file, token, onProgress),
  };
}

/** Reads the token from ?token= (then removes it from the address bar) or from this tab's storage. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (stored) return stored;
  throw new HoldoutError(
    'UNAUTHORIZED',
    'This page needs the access token. Open the exact URL that `holdout serve` (or `npm start`) printed in the terminal.',
  );
}

function openSocket(token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`);
    ws.addEventListener('open', () => resolve(ws), { once: true });
    ws.addEventListener(
      'error',
      () =>
        reject(
          new HoldoutError(
            'UNAUTHORIZED',
            'Could not connect to the Holdout server: it refused the token or is not running. Open the URL that `holdout serve` printed.',
          ),
        ),
      { once: true },
    );
  });
}

function upload(file: File, token: string, onProgress?: (sent: number, total: number) => void): Promise<FileSource> {
  // XMLHttpRequest, not fetch, because only it reports upload progress.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader(TOKEN_HEADER, token);
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
    xhr.onerror = () => reject(new HoldoutError('INTERNAL', `Uploading ${file.name} failed: the server did not answer.`));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return reject(new HoldoutError('INTERNAL', `Uploading ${file.name} failed (HTTP ${xhr.status}).`));
      }
      const b = body as { uploadId?: string; fileName?: string; error?: unknown };
      if (xhr.status === 200 && b.uploadId && b.fileName) return resolve({ kind: 'upload', uploadId: b.uploadId, fileName: b.fileName });
      reject(isSerializedError(b.error) ? fromSerializedError(b.error) : new HoldoutError('INTERNAL', `Uploading ${file.name} failed (HTTP ${xhr.status}).`));
    };
    xhr.send(file);
  });
}
