// The export format: the shipped JSON Schema is the zod definition's, canonical JSON and the checksum are pinned,
// and the schema refuses broken documents with a message that names the field.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, exportChecksum, ExportValidator, parseExportText, serializeExport } from '../../../../src/backend/exports';
import { exportJsonSchemaText, HoldoutError, type HoldoutExport } from '../../../../src/shared';
import { resourcesDir } from '../../../helpers/paths';
import { validExport } from './exportFixture';

const validator = new ExportValidator(resourcesDir);

function rejection(doc: unknown): HoldoutError {
  try {
    validator.validate(doc, 'broken.yaml');
  } catch (err) {
    if (err instanceof HoldoutError) return err;
    throw err;
  }
  throw new Error('the document was accepted');
}

type Mutable = Record<string, Record<string, unknown>>;

describe('the export JSON Schema', () => {
  it('is the one generated from the zod definition (run node scripts/generate-export-schema.mjs if this fails)', () => {
    expect(readFileSync(join(resourcesDir, 'holdout-export.schema.json'), 'utf8')).toBe(exportJsonSchemaText());
  });

  it('documents the checksum definition', () => {
    const schema = JSON.parse(exportJsonSchemaText()) as { description: string; properties: { checksum: { description: string } } };
    expect(schema.description).toContain('canonical JSON');
    expect(schema.properties.checksum.description).toContain('keys sorted');
  });

  it('accepts a complete document, in YAML and in JSON', () => {
    const doc = validExport();
    for (const format of ['yaml', 'json'] as const) {
      const { data } = parseExportText(serializeExport(doc, format), `trial.${format}`);
      expect(validator.validate(data, 'trial')).toEqual(doc);
      expect(exportChecksum(data as Record<string, unknown>)).toBe(doc.checksum);
    }
  });

  const broken: [string, (d: Mutable) => void, string][] = [
    ['a parameter of type int with a fraction', (d) => ((d.parameters.fast as { value: number }).value = 12.5), 'parameters.fast.value: must be integer'],
    ['a parameter of an unknown type', (d) => ((d.parameters.fast as { type: string }).type = 'integer'), 'parameters.fast.type: must be one of "int", "float", "categorical"'],
    ['no checksum', (d) => delete d.checksum, 'checksum: is missing'],
    ['a checksum that is not SHA-256 hex', (d) => ((d as unknown as { checksum: string }).checksum = 'abc'), 'checksum: must be 64 lowercase hex digits'],
    ['a dataset hash in upper case', (d) => (d.dataset.hash = 'B'.repeat(64)), 'dataset.hash: must be 64 lowercase hex digits'],
    ['no strategy code hash', (d) => delete d.strategy.codeHash, 'strategy.codeHash: is missing'],
    ['another schema version', (d) => ((d as unknown as { schemaVersion: number }).schemaVersion = 2), 'schemaVersion: must be 1'],
    ['an unknown top-level field', (d) => ((d as unknown as { extra: number }).extra = 1), 'extra: is not a field of this format'],
    ['a metric given as text', (d) => ((d.metrics.inSample as Record<string, unknown>).sharpe = '1.2'), 'metrics.inSample.sharpe: must be number'],
    ['an unknown selection method', (d) => (d.selection.method = 'best'), 'selection.method: must be one of "peak", "robust", "manual"'],
    ['a first timestamp that is not a UTC date-time', (d) => (d.dataset.firstTimestamp = '2001-01-02'), 'dataset.firstTimestamp: must be an ISO 8601 UTC date-time'],
    ['a negative seed', (d) => (d.study.seed = -1), 'study.seed: must be >= 0'],
    ['a PBO above 1', (d) => (d.robustness.pbo = 1.5), 'robustness.pbo: must be <= 1'],
    ['no objectives', (d) => ((d as unknown as { objectives: unknown[] }).objectives = []), 'objectives: must NOT have fewer than 1 items'],
    ['an unknown sizing kind', (d) => ((d.settings.sizing as { kind: string }).kind = 'kelly'), 'settings.sizing.kind: must be one of "allIn", "fixedFraction", "volTarget"'],
  ];
  it.each(broken)('refuses %s, naming the field', (_name, breakIt, message) => {
    const doc = structuredClone(validExport()) as unknown as Mutable;
    breakIt(doc);
    const err = rejection(doc);
    expect(err.code).toBe('INVALID_DATA');
    expect(err.message).toContain(`broken.yaml: ${message}`);
    expect(err.location?.file).toBe('broken.yaml');
    expect(err.location?.field).toBe(message.split(':')[0]);
  });

  it('refuses a document that is not an object', () => {
    expect(rejection([1, 2]).message).toContain('broken.yaml: (document): must be object');
  });
});

describe('export files as text', () => {
  it('names the line of a YAML syntax error', () => {
    const text = serializeExport(validExport(), 'yaml').replace('name: sma-crossover', 'name: [sma-crossover');
    expect(() => parseExportText(text, 'bad.yaml')).toThrow(/^bad\.yaml, line \d+: not valid YAML/);
  });

  it('names the line of a JSON syntax error', () => {
    const text = serializeExport(validExport(), 'json').replace('"kind":', '"kind"');
    expect(() => parseExportText(text, 'bad.json')).toThrow(/^bad\.json, line 3: not valid JSON/);
  });
});

describe('canonical JSON and the checksum', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ B: 1, a: 2, é: 3, _: 4 })).toBe('{"B":1,"_":4,"a":2,"é":3}');
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ metrics: { sharpe: NaN } })).toThrow('metrics.sharpe: NaN cannot be written as JSON.');
  });

  it('is SHA-256 of the canonical JSON without the checksum field', () => {
    const doc = { checksum: 'x', b: [1.5, 'two'], a: { y: false } };
    expect(exportChecksum(doc)).toBe(createHash('sha256').update('{"a":{"y":false},"b":[1.5,"two"]}').digest('hex'));
    // Pinned when the definition was written (printf '%s' '{"a":{"y":false},"b":[1.5,"two"]}' | sha256sum).
    expect(exportChecksum(doc)).toBe(GOLDEN_SMALL);
  });

  it('is pinned for the fixture document and does not depend on key order', () => {
    const doc = validExport();
    expect(doc.checksum).toBe(GOLDEN_FIXTURE);
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as HoldoutExport;
    expect(exportChecksum(reordered)).toBe(GOLDEN_FIXTURE);
  });

  it('changes when any value changes', () => {
    const doc = structuredClone(validExport());
    doc.parameters.fast = { type: 'int', value: 13 };
    expect(exportChecksum(doc)).not.toBe(GOLDEN_FIXTURE);
  });
});

const GOLDEN_SMALL = 'cb32a40ee300ded189f143fcdbd9c070e399a0f0e2e4fb1ccb03667491f66585';
const GOLDEN_FIXTURE = '2b2162337d0abdb3152f7efa701df833dc42b035173538cbd89270d022f6104a';
