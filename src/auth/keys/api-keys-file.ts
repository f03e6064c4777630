import { load, YAMLException } from 'js-yaml';
import { z } from 'zod';
import { ApiClient } from '../api-client';
import { ApiClientEntry, apiClientEntrySchema, apiKeysFileSchema } from './api-client.schema';
import { resolveCredentials, SecretSources } from './credential-references';

/** Field names that would put a secret into the keys file; refused with a pointer to the reference form. */
const INLINE_SECRETS: Record<string, string> = {
  key: 'key_sha256 (the hash; the key itself is never configured)',
  api_key: 'key_sha256 (the hash; the key itself is never configured)',
  api_token: 'api_token_env or api_token_file',
  personal_token: 'personal_token_env or personal_token_file',
  password: 'api_token_env or api_token_file',
  token: 'personal_token_env or personal_token_file',
};

/**
 * Reads MCP_API_KEYS_FILE: YAML or JSON (JSON is YAML), `clients:` holding one
 * entry per client. Every problem names the entry (index and id) and the field,
 * and quotes no value from the file, so a misplaced secret is never echoed.
 */
export function parseApiKeysFile(text: string, sources: SecretSources): { clients: ApiClient[]; problems: string[] } {
  let document: unknown;
  try {
    document = load(text);
  } catch (error) {
    const where = error instanceof YAMLException ? ` at line ${error.mark.line + 1}: ${error.reason}` : '';
    return { clients: [], problems: [`is not valid YAML or JSON${where}`] };
  }
  const file = apiKeysFileSchema.safeParse(document ?? {});
  if (!file.success) return { clients: [], problems: file.error.issues.map(describeIssue) };
  const clients: ApiClient[] = [];
  const problems: string[] = [];
  file.data.clients.forEach((raw, index) => {
    const label = entryLabel(raw, index);
    const entry = apiClientEntrySchema.safeParse(raw);
    if (!entry.success) {
      problems.push(...entry.error.issues.map((issue) => `${label}: ${describeIssue(issue)}`));
      return;
    }
    const resolved = toClient(entry.data, sources);
    problems.push(...resolved.problems.map((p) => `${label}: ${p}`));
    if (resolved.client) clients.push(resolved.client);
  });
  return { clients, problems };
}

function toClient(entry: ApiClientEntry, sources: SecretSources): { client?: ApiClient; problems: string[] } {
  const credentials = entry.confluence ? resolveCredentials(entry.confluence, sources) : { problems: [] };
  if (credentials.problems.length > 0) return { problems: credentials.problems };
  const policy = entry.policy;
  return {
    problems: [],
    client: {
      id: entry.id,
      name: entry.name ?? entry.id,
      keySha256: entry.key_sha256,
      scopes: [...new Set(entry.scopes)],
      policy: policy && { spaces: policy.spaces, toolsets: policy.toolsets, tools: policy.tools, readOnly: policy.read_only },
      confluenceAuth: credentials.auth,
      rateLimit: entry.rate_limit,
      revoked: entry.revoked ?? false,
    },
  };
}

/** `clients[2] (id team-b)`: the id only when it is a plain string, so nothing odd is echoed. */
function entryLabel(raw: unknown, index: number): string {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[\w.-]{1,64}$/.test(id) ? `clients[${index}] (id ${id})` : `clients[${index}]`;
}

/** `policy.tools[0]: must be …`; an unknown field is named by the issue itself. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = pathOf(issue.path);
  return path ? `${path}: ${issueText(issue)}` : issueText(issue);
}

function pathOf(path: PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => (key in INLINE_SECRETS ? `${key}: secrets are not accepted inline; use ${INLINE_SECRETS[key]}` : `${key}: is not a known field`))
      .join('; ');
  }
  return issue.message;
}
