import { ConfluenceAuth } from '../../confluence/confluence.types';
import { ConfluenceCredentialsEntry } from './api-client.schema';

/** Where referenced secrets come from: the process environment and files (Kubernetes Secret mounts). */
export interface SecretSources {
  env: Record<string, unknown>;
  readText(path: string): string;
}

type Resolved = { value?: string; problem?: string };

/**
 * Turns a client's credential references into Confluence credentials: either
 * username + API token (basic) or a personal access token (bearer). Problems
 * name the field and the reference, never a secret value.
 */
export function resolveCredentials(entry: ConfluenceCredentialsEntry, sources: SecretSources): { auth?: ConfluenceAuth; problems: string[] } {
  const hasBasic = [entry.username, entry.username_env, entry.api_token_env, entry.api_token_file].some((v) => v !== undefined);
  const hasToken = entry.personal_token_env !== undefined || entry.personal_token_file !== undefined;
  if (hasBasic && hasToken) return problem('confluence: set either username + API token or a personal token, not both');
  if (hasToken) {
    const token = oneOf(entry, 'personal_token', sources);
    return token.problem ? problem(token.problem) : { auth: { kind: 'bearer', token: token.value ?? '' }, problems: [] };
  }
  if (!hasBasic) {
    return problem('confluence: set username (or username_env) with api_token_env or api_token_file, or personal_token_env or personal_token_file');
  }
  const username = usernameOf(entry, sources);
  const apiToken = oneOf(entry, 'api_token', sources);
  const problems = [username.problem, apiToken.problem].filter((p): p is string => p !== undefined);
  if (problems.length > 0) return { problems };
  return { auth: { kind: 'basic', username: username.value ?? '', apiToken: apiToken.value ?? '' }, problems: [] };
}

function problem(text: string): { problems: string[] } {
  return { problems: [text] };
}

function usernameOf(entry: ConfluenceCredentialsEntry, sources: SecretSources): Resolved {
  if (entry.username !== undefined && entry.username_env !== undefined) return { problem: 'confluence: set username or username_env, not both' };
  if (entry.username !== undefined) return { value: entry.username };
  if (entry.username_env !== undefined) return fromEnv('confluence.username_env', entry.username_env, sources);
  return { problem: 'confluence.username: is required with an API token (or use username_env)' };
}

function oneOf(entry: ConfluenceCredentialsEntry, secret: 'api_token' | 'personal_token', sources: SecretSources): Resolved {
  const envName = entry[`${secret}_env`];
  const file = entry[`${secret}_file`];
  if (envName !== undefined && file !== undefined) return { problem: `confluence: set ${secret}_env or ${secret}_file, not both` };
  if (envName !== undefined) return fromEnv(`confluence.${secret}_env`, envName, sources);
  if (file !== undefined) return fromFile(`confluence.${secret}_file`, file, sources);
  return { problem: `confluence: ${secret}_env or ${secret}_file is required` };
}

function fromEnv(field: string, name: string, sources: SecretSources): Resolved {
  const value = sources.env[name];
  if (typeof value !== 'string' || value.trim() === '') return { problem: `${field}: environment variable ${name} is not set` };
  return { value: value.trim() };
}

function fromFile(field: string, path: string, sources: SecretSources): Resolved {
  try {
    const value = sources.readText(path).trim();
    return value === '' ? { problem: `${field}: ${path} is empty` } : { value };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problem: `${field}: cannot read ${path} (${code})` };
  }
}
