import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveSharedDir } from './shared-dir';

type JsonObject = { [key: string]: unknown };

type MediaContent = Record<string, { schema?: JsonObject }>;

interface OpenApiOperation {
  requestBody?: { content?: MediaContent };
  responses?: Record<string, { content?: MediaContent }>;
}

export type HttpVerb = 'get' | 'post' | 'put' | 'delete';

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

  /** Spec path templates with an operation for `method` (GET by default), e.g. `/wiki/rest/api/content/{id}`. */
  getPaths(method: HttpVerb = 'get'): string[] {
    return Object.keys(this.spec.paths).filter((p) => this.spec.paths[p][method]);
  }

  /** The response statuses the spec documents for one operation, e.g. `['200', '400', '404']`. */
  responseStatuses(specPath: string, method: HttpVerb): string[] {
    return Object.keys(this.spec.paths[specPath]?.[method]?.responses ?? {});
  }

  /** Validates a response body (a 200 of a GET by default); returns ajv's error list (empty when valid). */
  validate(specPath: string, body: unknown, method: HttpVerb = 'get', status = '200'): string[] {
    const key = `${method} ${specPath} ${status}`;
    const schema = () => this.spec.paths[specPath]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
    return this.run(key, schema, body, `No ${status} JSON schema for ${method.toUpperCase()} ${specPath}`);
  }

  /** Validates a JSON request body against the operation's request schema. */
  validateRequest(specPath: string, method: HttpVerb, body: unknown): string[] {
    const schema = () => this.spec.paths[specPath]?.[method]?.requestBody?.content?.['application/json']?.schema;
    return this.run(`request ${method} ${specPath}`, schema, body, `No JSON request schema for ${method.toUpperCase()} ${specPath}`);
  }

  private run(key: string, schema: () => JsonObject | undefined, body: unknown, missing: string): string[] {
    const validate = this.validatorFor(key, schema, missing);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  private validatorFor(key: string, schema: () => JsonObject | undefined, missing: string): ValidateFunction {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = schema();
    if (!found) throw new Error(missing);
    const validate = this.ajv.compile(this.convert(found) as JsonObject);
    this.cache.set(key, validate);
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
