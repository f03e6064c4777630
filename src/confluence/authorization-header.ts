import type { ConfluenceAuth } from './confluence.types';

/** Basic (email/user + API token) for Cloud, Bearer (PAT) for Data Center. */
export function authorizationHeader(auth: ConfluenceAuth): string | undefined {
  switch (auth.kind) {
    case 'basic':
      return `Basic ${Buffer.from(`${auth.username}:${auth.apiToken}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${auth.token}`;
    case 'none':
      return undefined;
  }
}
