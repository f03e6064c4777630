import { ClientPolicy, Scope } from './api-client';
import { PolicyRules } from './tool-policy';

const EVERYTHING: PolicyRules = { readOnly: false, tools: 'all', toolsets: 'all', spaces: 'all' };

/**
 * What a key's scopes allow of the tools: `read` the read tools, `write` the
 * write tools; a key with neither (admin only) sees no tool at all.
 */
export function scopeRules(scopes: readonly Scope[]): PolicyRules {
  const read = scopes.includes('read');
  const write = scopes.includes('write');
  if (read && write) return EVERYTHING;
  if (read) return { ...EVERYTHING, readOnly: true };
  if (write) return { ...EVERYTHING, toolsets: new Set(['write']) };
  return { ...EVERYTHING, readOnly: true, tools: new Set() };
}

/** A client's own policy as one more layer on top of the deployment's. */
export function clientRules(policy: ClientPolicy | undefined): PolicyRules {
  const asSet = (values: string[] | undefined) => (values === undefined ? 'all' : new Set(values));
  return {
    readOnly: policy?.readOnly ?? false,
    tools: asSet(policy?.tools),
    toolsets: asSet(policy?.toolsets),
    spaces: asSet(policy?.spaces),
  };
}
