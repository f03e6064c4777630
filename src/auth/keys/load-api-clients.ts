import { readFileSync } from 'node:fs';
import { ApiClient } from '../api-client';
import { parseApiKeysFile } from './api-keys-file';
import { parseInlineApiKeys } from './api-keys-inline';
import { SecretSources } from './credential-references';

/** Where clients are configured: a file (MCP_API_KEYS_FILE) and/or the one-line form (MCP_API_KEYS). */
export interface ApiKeySources {
  file?: string;
  inline?: string;
}

/**
 * Loads every configured API client at start-up, so a broken keys file stops
 * the server with one line per problem instead of locking callers out later.
 * Ids and key hashes must be unique across both sources.
 */
export function loadApiClients(
  sources: ApiKeySources,
  env: Record<string, unknown>,
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): { clients: ApiClient[]; problems: string[] } {
  const secrets: SecretSources = { env, readText };
  const clients: ApiClient[] = [];
  const problems: string[] = [];
  if (sources.file !== undefined) {
    const fromFile = readKeysFile(sources.file, secrets);
    clients.push(...fromFile.clients);
    problems.push(...fromFile.problems.map((p) => `MCP_API_KEYS_FILE: ${p}`));
  }
  if (sources.inline !== undefined) {
    const inline = parseInlineApiKeys(sources.inline);
    clients.push(...inline.clients);
    problems.push(...inline.problems.map((p) => `MCP_API_KEYS: ${p}`));
  }
  problems.push(...duplicates(clients));
  return { clients, problems };
}

function readKeysFile(path: string, secrets: SecretSources): { clients: ApiClient[]; problems: string[] } {
  let text: string;
  try {
    text = secrets.readText(path);
  } catch (error) {
    return { clients: [], problems: [`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`] };
  }
  const parsed = parseApiKeysFile(text, secrets);
  return { clients: parsed.clients, problems: parsed.problems.map((p) => `${path}: ${p}`) };
}

function duplicates(clients: ApiClient[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const hashes = new Map<string, string>();
  for (const client of clients) {
    if (ids.has(client.id)) problems.push(`MCP_API_KEYS_FILE / MCP_API_KEYS: client id ${client.id} is configured twice`);
    ids.add(client.id);
    const other = hashes.get(client.keySha256);
    if (other !== undefined) problems.push(`MCP_API_KEYS_FILE / MCP_API_KEYS: clients ${other} and ${client.id} have the same key hash`);
    hashes.set(client.keySha256, client.id);
  }
  return problems;
}
