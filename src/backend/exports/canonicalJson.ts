// Canonical JSON, the input of an export's checksum: object keys sorted by UTF-16 code units at every level (as
// Array.prototype.sort orders strings), no whitespace, values written by JSON.stringify; undefined members dropped.
// The same document always gives the same text, whatever order its keys were built or parsed in.
import { HoldoutError } from '../../shared';

export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new HoldoutError('INVALID_DATA', `${path || 'value'}: ${value} cannot be written as JSON.`, { field: path });
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v === undefined ? null : v, join(path, String(i)))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], join(path, k))}`).join(',')}}`;
    }
    default:
      throw new HoldoutError('INVALID_DATA', `${path || 'value'}: a ${typeof value} cannot be written as JSON.`, { field: path });
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
