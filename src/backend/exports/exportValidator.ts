// Checks an export document against the shipped JSON Schema (resources/holdout-export.schema.json) with ajv, and
// turns ajv's errors into one HoldoutError that names the field: "parameters.fast.value: must be integer".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { HoldoutError, HoldoutExport, type HoldoutExport as HoldoutExportDoc } from '../../shared';

export const EXPORT_SCHEMA_FILE = 'holdout-export.schema.json';

export class ExportValidator {
  private readonly check: ValidateFunction;

  constructor(resourcesDir: string) {
    const schema = JSON.parse(readFileSync(join(resourcesDir, EXPORT_SCHEMA_FILE), 'utf8')) as object;
    // Formats are not checked by ajv here: every date-time in the schema also carries zod's regular expression.
    this.check = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  }

  /** The document, typed, or a HoldoutError (INVALID_DATA) naming the first offending field. */
  validate(data: unknown, file: string): HoldoutExportDoc {
    if (!this.check(data)) throw schemaError(this.check.errors ?? [], file);
    // The JSON Schema is generated from the zod schema, so this cannot disagree; it gives the typed value.
    return HoldoutExport.parse(data);
  }
}

/** ajv's errors as one message about the most specific problem. */
export function schemaError(errors: readonly ErrorObject[], file: string): HoldoutError {
  const picked = pickError(errors);
  if (!picked) return new HoldoutError('INVALID_DATA', `${file}: not a valid Holdout export.`, { file });
  const { field, message } = picked;
  return new HoldoutError('INVALID_DATA', `${file}: ${field || '(document)'}: ${message}`, { file, field: field || undefined });
}

function pickError(errors: readonly ErrorObject[]): { field: string; message: string } | undefined {
  // A union (a parameter's type, the sizing kind) reports every branch's failures. A branch whose discriminator
  // (a const) did not match says nothing about the document, so its errors are dropped; when every branch is
  // dropped, the discriminator itself is wrong and the message lists the values it may take.
  const mismatched = new Set(errors.filter((e) => e.keyword === 'const').map((e) => branchOf(e.schemaPath)).filter((b) => b !== undefined));
  const relevant = errors.filter((e) => !branchesOf(e.schemaPath).some((b) => mismatched.has(b)));
  const concrete = relevant.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  if (concrete.length > 0) {
    const deepest = [...concrete].sort((a, b) => depth(b) - depth(a))[0];
    return { field: fieldOf(deepest), message: messageOf(deepest) };
  }
  const consts = errors.filter((e) => e.keyword === 'const');
  if (consts.length > 0) {
    const field = fieldOf(consts[0]);
    const allowed = consts.filter((e) => fieldOf(e) === field).map((e) => JSON.stringify((e.params as { allowedValue: unknown }).allowedValue));
    return { field, message: allowed.length > 1 ? `must be one of ${allowed.join(', ')}` : `must be ${allowed[0]}` };
  }
  const first = errors[0];
  return first ? { field: fieldOf(first), message: messageOf(first) } : undefined;
}

/** The union branches a schema path lies in ("#/…/oneOf/1"), outermost first. */
function branchesOf(schemaPath: string): string[] {
  const out: string[] = [];
  const re = /\/(?:oneOf|anyOf)\/\d+/g;
  for (let m = re.exec(schemaPath); m !== null; m = re.exec(schemaPath)) out.push(schemaPath.slice(0, m.index + m[0].length));
  return out;
}

/** The innermost branch of a const error that sits directly on a property of that branch (a discriminator). */
function branchOf(schemaPath: string): string | undefined {
  const m = /^(.*\/(?:oneOf|anyOf)\/\d+)\/properties\/[^/]+\/const$/.exec(schemaPath);
  return m?.[1];
}

function fieldOf(e: ErrorObject): string {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') path.push((e.params as { missingProperty: string }).missingProperty);
  if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
  return path.join('.');
}

function depth(e: ErrorObject): number {
  return fieldOf(e).split('.').length;
}

function messageOf(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return 'is missing';
    case 'additionalProperties':
      return 'is not a field of this format';
    case 'pattern': {
      const pattern = (e.params as { pattern: string }).pattern;
      if (pattern === '^[0-9a-f]{64}$') return 'must be 64 lowercase hex digits (SHA-256)';
      if (pattern.includes('T(?:')) return 'must be an ISO 8601 UTC date-time such as 2024-01-02T09:30:00Z';
      return `must match ${pattern}`;
    }
    case 'const':
      return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}
