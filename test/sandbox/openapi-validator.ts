import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveSharedDir } from './shared-dir';

type JsonObject = { [key: string]: unknown };

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
}

interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonObject> };
}

/** Validates sandbox responses against an official OpenAPI 3.0 spec (refs resolved, `nullable` honoured). */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly spec: OpenApiSpec;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(
    private readonly id: 'v1' | 'v2',
    fileName: string,
  ) {
    addFormats(this.ajv);
    this.spec = JSON.parse(fs.readFileSync(path.join(resolveSharedDir(), 'confluence-openapi', fileName), 'utf8')) as OpenApiSpec;
    this.ajv.addSchema({ $id: id, components: { schemas: this.convert(this.spec.components.schemas) } });
  }

  /** Spec path templates with a GET operation, e.g. `/wiki/rest/api/content/{id}`. */
  getPaths(): string[] {
    return Object.keys(this.spec.paths).filter((p) => this.spec.paths[p].get);
  }

  /** Validates a 200 body; returns ajv's error list (empty when valid). */
  validate(specPath: string, body: unknown): string[] {
    const validate = this.validatorFor(specPath);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  private validatorFor(specPath: string): ValidateFunction {
    const cached = this.cache.get(specPath);
    if (cached) return cached;
    const schema = this.spec.paths[specPath]?.get?.responses?.['200']?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`No 200 JSON schema for GET ${specPath}`);
    const validate = this.ajv.compile(this.convert(schema) as JsonObject);
    this.cache.set(specPath, validate);
    return validate;
  }

  /** OpenAPI 3.0 → JSON Schema: prefix `$ref`s with the spec id, turn `nullable` (or "or null" in a description) into a null union. */
  private convert(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.convert(n));
    if (typeof node !== 'object' || node === null) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = key === '$ref' && typeof value === 'string' ? `${this.id}${value}` : this.convert(value);
    }
    return isNullable(out) ? { anyOf: [stripNullable(out), { type: 'null' }] } : out;
  }
}

function isNullable(schema: JsonObject): boolean {
  return schema.nullable === true || (typeof schema.description === 'string' && /\bor null\b/i.test(schema.description));
}

function stripNullable(schema: JsonObject): JsonObject {
  const copy = { ...schema };
  delete copy.nullable;
  return copy;
}
