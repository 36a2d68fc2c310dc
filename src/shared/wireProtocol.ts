// Messages on the browser-mode WebSocket. Requests carry an id; the reply repeats it. Events carry no id.
import type { EventMessage } from './contract';
import type { SerializedError } from './errors';

export interface WireRequest {
  id: number;
  method: string;
  params: unknown;
}
export type WireReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };
export type WireMessage = WireReply | EventMessage;

export const TOKEN_HEADER = 'x-holdout-token';
export const WS_PATH = '/api/ws';
export const UPLOAD_PATH = '/api/upload';
