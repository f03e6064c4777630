import { z } from 'zod';
import { TOOLSETS, toolNames } from '../../tools/tool-catalog';
import { isRateLimit } from '../../rate-limit/rate-limit';
import { CLIENT_ID_PATTERN, SCOPES, SPACE_KEY_PATTERN } from '../api-client';

/**
 * The shape of one client in MCP_API_KEYS_FILE. Strict: a misspelt field is an
 * error, not a silently ignored setting. Confluence secrets are never inline:
 * they are named by environment variable or file, so the keys file itself holds
 * nothing but hashes and can be reviewed like any other configuration.
 */

const lower = (value: string) => value.toLowerCase();
const spaceKey = z
  .string()
  .trim()
  .transform((key) => (key.startsWith('~') ? key : key.toUpperCase()))
  .pipe(z.string().regex(SPACE_KEY_PATTERN, { error: 'must be a space key such as ENG or ~alice' }));
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be the name of an environment variable' });
const filePath = z.string().trim().min(1, { error: 'must be a file path' });

export const confluenceCredentialsSchema = z.strictObject({
  username: z.string().trim().min(1).optional(),
  username_env: envName.optional(),
  api_token_env: envName.optional(),
  api_token_file: filePath.optional(),
  personal_token_env: envName.optional(),
  personal_token_file: filePath.optional(),
});
export type ConfluenceCredentialsEntry = z.infer<typeof confluenceCredentialsSchema>;

export const clientPolicySchema = z.strictObject({
  spaces: z.array(spaceKey).min(1).optional(),
  toolsets: z.array(z.string().transform(lower).pipe(z.enum(TOOLSETS, { error: `must be one of ${TOOLSETS.join(', ')}` }))).min(1).optional(),
  tools: z.array(z.string().transform(lower).pipe(z.enum(toolNames() as [string, ...string[]], { error: 'must be a tool name such as confluence_get_page' }))).min(1).optional(),
  read_only: z.boolean({ error: 'must be true or false' }).optional(),
});

/** Every write tool reads the page it changes (and a dry run shows it), so write without read would be read in disguise. */
export const WRITE_NEEDS_READ = 'write needs read as well: every write tool reads the page it changes';

export const apiClientEntrySchema = z.strictObject({
  id: z.string({ error: 'is required' }).regex(CLIENT_ID_PATTERN, { error: 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit' }),
  name: z.string().trim().min(1).max(200).optional(),
  key_sha256: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required: the SHA-256 of the key (npm run keys:new prints it)'
          : 'must be the SHA-256 of the key as a quoted string of 64 hex characters',
    })
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'must be the SHA-256 of the key as 64 hex characters, never the key itself' })
    .transform(lower),
  scopes: z
    .array(z.enum(SCOPES, { error: 'must be read, write or admin' }), { error: 'is required: a list of read, write, admin' })
    .min(1, { error: 'must list at least one of read, write, admin' })
    .refine((scopes) => !scopes.includes('write') || scopes.includes('read'), { error: WRITE_NEEDS_READ }),
  policy: clientPolicySchema.optional(),
  confluence: confluenceCredentialsSchema.optional(),
  rate_limit: z.string().refine(isRateLimit, { error: 'must look like 100/minute: at least 1 request per second, minute, hour or day' }).optional(),
  revoked: z.boolean({ error: 'must be true or false' }).optional(),
});
export type ApiClientEntry = z.infer<typeof apiClientEntrySchema>;

export const apiKeysFileSchema = z.strictObject(
  { clients: z.array(z.unknown(), { error: 'must be a list of clients' }) },
  { error: 'must be a mapping with a "clients:" list' },
);
