import { clientRules, scopeRules } from './scope-policy';
import { ToolPolicy } from './tool-policy';

const read = { name: 'confluence_get_page', readOnly: true, toolsets: ['read', 'pages'] };
const write = { name: 'confluence_update_page', readOnly: false, toolsets: ['write', 'pages'] };
const comment = { name: 'confluence_add_comment', readOnly: false, toolsets: ['write', 'comments'] };

describe('scopes and client policy as policy layers', () => {
  const deployment = ToolPolicy.allowAll();
  const withScopes = (...scopes: ('read' | 'write' | 'admin')[]) => deployment.narrowedBy(scopeRules(scopes));

  it('read allows read tools, write the write tools, admin alone no tool', () => {
    expect([withScopes('read').allowsTool(read), withScopes('read').allowsTool(write)]).toEqual([true, false]);
    expect([withScopes('write').allowsTool(read), withScopes('write').allowsTool(write)]).toEqual([false, true]);
    expect([withScopes('read', 'write').allowsTool(read), withScopes('read', 'write').allowsTool(write)]).toEqual([true, true]);
    expect([withScopes('admin').allowsTool(read), withScopes('admin').allowsTool(write)]).toEqual([false, false]);
  });

  it('a client policy only narrows the deployment, never widens it', () => {
    const readOnlyEngDocs = new ToolPolicy({ readOnly: true, tools: 'all', toolsets: 'all', spaces: new Set(['ENG', 'DOCS']) });
    const client = readOnlyEngDocs
      .narrowedBy(scopeRules(['read', 'write']))
      .narrowedBy(clientRules({ spaces: ['DOCS', 'HR'], toolsets: ['comments', 'pages'], readOnly: false }));
    expect(client.allowsTool(write)).toBe(false);
    expect(client.readOnly).toBe(true);
    expect(client.allowedSpaces()).toEqual(['DOCS']);
    expect(client.allowsSpace('HR')).toBe(false);
    expect(client.allowsSpace('ENG')).toBe(false);
    const families = ToolPolicy.allowAll().narrowedBy(clientRules({ toolsets: ['comments'] }));
    expect([families.allowsTool(comment), families.allowsTool(write), families.allowsTool(read)]).toEqual([true, false, false]);
    expect(ToolPolicy.allowAll().narrowedBy(clientRules(undefined)).allowedSpaces()).toBeUndefined();
  });

  it('keys equal policies alike and different ones apart', () => {
    expect(withScopes('read').key).toBe(withScopes('read').key);
    expect(withScopes('read').key).not.toBe(withScopes('write').key);
    expect(deployment.narrowedBy(clientRules({ spaces: ['A', 'B'] })).key).toBe(deployment.narrowedBy(clientRules({ spaces: ['B', 'A'] })).key);
  });
});
