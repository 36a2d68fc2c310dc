// The checksum of an export: SHA-256 of the canonical JSON of the document without its `checksum` field
// (CHECKSUM_DEFINITION in src/shared/exportSchemas.ts states it for readers of the file and of the JSON Schema).
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';

export function exportChecksum(document: Record<string, unknown>): string {
  const { checksum: _omitted, ...content } = document;
  void _omitted;
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
