import { ToolPolicy } from './tool-policy';

const read = { name: 'confluence_get_page', readOnly: true, toolsets: ['read', 'pages'] };
const write = { name: 'confluence_update_page', readOnly: false, toolsets: ['write', 'pages'] };

describe('ToolPolicy', () => {
  it('allows everything by default', () => {
    const policy = ToolPolicy.allowAll();
    expect(policy.allowsTool(read) && policy.allowsTool(write)).toBe(true);
    expect(policy.allowsSpace('ANY')).toBe(true);
    expect(policy.allowedSpaces()).toBeUndefined();
  });

  it('hides write tools when read-only', () => {
    const policy = new ToolPolicy({ readOnly: true, tools: 'all', toolsets: 'all', spaces: 'all' });
    expect(policy.allowsTool(read)).toBe(true);
    expect(policy.allowsTool(write)).toBe(false);
  });

  it('restricts by tool name and by toolset', () => {
    expect(new ToolPolicy({ readOnly: false, tools: new Set([write.name]), toolsets: 'all', spaces: 'all' }).allowsTool(read)).toBe(false);
    const comments = new ToolPolicy({ readOnly: false, tools: 'all', toolsets: new Set(['comments']), spaces: 'all' });
    expect(comments.allowsTool(read)).toBe(false);
    expect(comments.allowsTool({ name: 'confluence_get_comments', readOnly: true, toolsets: ['read', 'comments'] })).toBe(true);
  });

  it('combines toolset kinds (read/write) with families as two filters', () => {
    const policy = (sets: string[]) => new ToolPolicy({ readOnly: false, tools: 'all', toolsets: new Set(sets), spaces: 'all' });
    const addLabels = { name: 'confluence_add_labels', readOnly: false, toolsets: ['write', 'labels'] };
    expect(policy(['read', 'pages']).allowsTool(read)).toBe(true);
    expect(policy(['read', 'pages']).allowsTool(write)).toBe(false);
    expect(policy(['write']).allowsTool(write)).toBe(true);
    expect(policy(['write']).allowsTool(read)).toBe(false);
    expect(policy(['pages']).allowsTool(write)).toBe(true);
    expect(policy(['labels', 'write']).allowsTool(addLabels)).toBe(true);
    expect(policy(['labels', 'write']).allowsTool(write)).toBe(false);
  });

  it('restricts spaces and lists the allowed ones', () => {
    const policy = new ToolPolicy({ readOnly: false, tools: 'all', toolsets: 'all', spaces: new Set(['ENG']) });
    expect(policy.allowsSpace('ENG')).toBe(true);
    expect(policy.allowsSpace('HR')).toBe(false);
    expect(policy.allowsSpace(undefined)).toBe(false);
    expect(policy.allowedSpaces()).toEqual(['ENG']);
  });
});
