import { IncomingHttpHeaders } from 'node:http';
import { Layout } from './route-context';
import { SandboxCredentials } from './sandbox-model';

/** Cloud takes Basic `email:apiToken`; Data Center takes `Bearer <PAT>` and Basic too. */
export function isAuthorized(headers: IncomingHttpHeaders, layout: Layout, credentials: SandboxCredentials): boolean {
  const header = headers.authorization ?? '';
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (/^basic$/i.test(scheme)) return basicMatches(value, credentials);
  if (/^bearer$/i.test(scheme)) return layout === 'dc' && value === credentials.personalToken;
  return false;
}

function basicMatches(encoded: string, credentials: SandboxCredentials): boolean {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator > 0 && decoded.slice(0, separator) === credentials.username && decoded.slice(separator + 1) === credentials.apiToken;
}

export function authenticateHeader(layout: Layout): string {
  return layout === 'dc' ? 'Basic realm="Protected", Bearer' : 'Basic realm="Confluence"';
}
