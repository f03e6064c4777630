import fc from 'fast-check';
import { SEED } from '../sandbox/seed';

/** The JSON Schema of one tool's arguments, as `tools/list` advertises it. */
export interface ToolSchema {
  name: string;
  inputSchema: { properties?: Record<string, PropertySchema> };
}

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: PropertySchema[];
}

const METHODS = [
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/read',
  'resources/templates/list',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'notifications/initialized',
  'notifications/cancelled',
];

/** Strings that have broken parsers before: empty, control characters, traversal, markup, CQL, format strings, other sites. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '<ac:structured-macro ac:name="html">',
  '%s%n%x',
  "' OR 1=1 --",
  'type=page AND text ~ "x" OR space in (',
  '{{confluence:macro code #1}}',
  'https://evil.example/wiki/spaces/X/pages/98305',
  'http://127.0.0.1:1/pages/1',
  'data:text/plain;base64,aGVsbG8=',
  '__proto__',
  'constructor',
  '9'.repeat(40),
  '-1',
  '1e309',
  'NaN',
];

const SEED_IDS = [
  ...Object.values(SEED.pages).map((p) => p.id),
  ...Object.values(SEED.comments).map((c) => c.id),
  ...Object.values(SEED.attachments).map((a) => a.id),
  ...Object.values(SEED.spaces).map((s) => s.key),
];

const junkString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string16bits({ maxLength: 20 }),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ minLength: 2_000, maxLength: 20_000 }),
);

const junkNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE),
);

/** Any JSON value a careless or hostile client might send where the server expects something specific. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: junkString },
  { weight: 2, arbitrary: junkNumber },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, SEED_IDS[0]) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true }) },
);

/** A plausible value for a property, by its name and schema, so some calls get past validation and reach the tool. */
function plausible(name: string, schema: PropertySchema): fc.Arbitrary<unknown> {
  const enums = schema.enum ?? schema.anyOf?.flatMap((s) => s.enum ?? []);
  if (enums && enums.length > 0) return fc.constantFrom(...enums);
  if (/(^|_)id$/.test(name)) return fc.oneof(fc.constantFrom(...SEED_IDS), fc.nat().map(String));
  if (name.endsWith('space_key')) return fc.constantFrom('DEMO', 'ENG', '~alice', 'OLD', 'NOPE');
  if (name === 'version' || name === 'limit' || name.startsWith('max') || name === 'depth') return fc.integer({ min: -2, max: 120 });
  if (name === 'content_base64') return fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b).toString('base64'));
  if (name === 'labels') return fc.array(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { maxLength: 4 });
  if (typeOf(schema).includes('boolean')) return fc.boolean();
  return fc.oneof(fc.lorem({ maxCount: 8 }), fc.constantFrom('type = page', 'Kafka', '# Title\n\nbody *text*'));
}

function typeOf(schema: PropertySchema): string[] {
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return [...own, ...(schema.anyOf ?? []).flatMap(typeOf)];
}

/** Arguments for one tool: mostly its real properties with plausible or junk values, sometimes anything at all. */
export function toolArguments(tool: ToolSchema): fc.Arbitrary<unknown> {
  const properties = Object.entries(tool.inputSchema.properties ?? {});
  const shaped = fc.record(
    Object.fromEntries(properties.map(([name, schema]) => [name, fc.oneof({ weight: 3, arbitrary: plausible(name, schema) }, { weight: 1, arbitrary: junkValue })])),
    { requiredKeys: [] },
  );
  const withExtra = fc.tuple(shaped, fc.dictionary(fc.string({ maxLength: 10 }), junkValue, { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a }));
  return fc.oneof({ weight: 10, arbitrary: shaped }, { weight: 3, arbitrary: withExtra }, { weight: 1, arbitrary: junkValue });
}

/** A `tools/call` for any tool of the listing (or a made-up name), with fuzzed arguments. */
export function toolCall(tools: ToolSchema[]): fc.Arbitrary<{ name: string; args: unknown }> {
  const known = fc.constantFrom(...tools).chain((tool) => toolArguments(tool).map((args) => ({ name: tool.name, args })));
  const unknown = fc.record({ name: fc.oneof(junkString, fc.constant('confluence_delete_everything')), args: junkValue });
  return fc.oneof({ weight: 12, arbitrary: known }, { weight: 1, arbitrary: unknown });
}

const absent = Symbol('absent');

const envelopeField = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.constant(absent) }, { weight: 1, arbitrary: junkValue });

/** One JSON-RPC message with any part wrong: version, id, method, params — each right, missing or junk. */
const envelope = fc
  .record({
    jsonrpc: envelopeField(fc.constant('2.0')),
    id: envelopeField(fc.oneof(fc.nat(), fc.string({ maxLength: 20 }))),
    method: envelopeField(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...METHODS) }, { weight: 1, arbitrary: junkString })),
    params: envelopeField(
      fc.oneof(
        fc.record({ name: junkValue, arguments: junkValue }, { requiredKeys: [] }),
        fc.record({ protocolVersion: fc.constantFrom('2025-06-18', '2025-11-25', '1999-01-01'), capabilities: junkValue, clientInfo: junkValue }, { requiredKeys: [] }),
        fc.record({ uri: junkValue, level: junkValue, cursor: junkValue }, { requiredKeys: [] }),
      ),
    ),
  })
  .map((fields) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== absent)));

/** Hand-made texts JSON.stringify cannot produce: numbers past double range, deep nesting, truncation, other encodings. */
const rawText = fc.oneof(
  fc.constantFrom(
    '{"jsonrpc":"2.0","id":1e400,"method":"ping"}',
    '{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"tools/list"}',
    '{"jsonrpc":"2.0","id":-0.0,"method":"ping"}',
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"confluence_get_page","arguments":{"page_id":1e400}}}',
    '{"jsonrpc":"2.0","id":1,"method":"ping","id":2}',
    '{"jsonrpc":"2.0","id":1,"method":"ping"',
    '[',
    '',
    'null',
    '"ping"',
    '42',
    '\ufeff{"jsonrpc":"2.0","id":1,"method":"ping"}',
  ),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 2_000 }).map(
    (depth) => `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"confluence_search","arguments":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`,
  ),
  fc.string({ maxLength: 200 }),
);

/** A request body for `/mcp`: a single message, a batch of them, or raw text. */
export const rpcBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: envelope.map((e) => JSON.stringify(e)) },
  { weight: 2, arbitrary: fc.array(envelope, { maxLength: 5 }).map((batch) => JSON.stringify(batch)) },
  { weight: 2, arbitrary: rawText },
);
