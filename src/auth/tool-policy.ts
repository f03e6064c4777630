const KINDS: ReadonlySet<string> = new Set(['read', 'write']);

/** What a tool is, as far as policy cares: its name, whether it writes, and the toolsets it belongs to. */
export interface ToolTraits {
  name: string;
  readOnly: boolean;
  toolsets: readonly string[];
}

export interface PolicyRules {
  readOnly: boolean;
  /** Tool names the caller may use, or `all`. */
  tools: 'all' | ReadonlySet<string>;
  /** Toolsets (`read`, `write`, `pages`, …) the caller may use, or `all`. */
  toolsets: 'all' | ReadonlySet<string>;
  /** Space keys the caller may touch, or `all`. */
  spaces: 'all' | ReadonlySet<string>;
}

/**
 * Decides which tools and spaces a caller may touch; consulted when tools are
 * listed and again when they are called. One object per caller. A policy is a
 * stack of rule layers (deployment, key scopes, per-key policy) that must all
 * allow, so narrowing can never widen what the deployment permits.
 */
export class ToolPolicy {
  private readonly layers: readonly PolicyRules[];
  /** Stable text of the rules, so equal policies can share cached tool listings. */
  readonly key: string;

  constructor(rules: PolicyRules, ...more: PolicyRules[]) {
    this.layers = [rules, ...more];
    this.key = JSON.stringify(this.layers.map(describeRules));
  }

  static allowAll(): ToolPolicy {
    return new ToolPolicy({ readOnly: false, tools: 'all', toolsets: 'all', spaces: 'all' });
  }

  /** This policy further restricted by `rules`: everything allowed must be allowed by both. */
  narrowedBy(rules: PolicyRules): ToolPolicy {
    return new ToolPolicy(this.layers[0], ...this.layers.slice(1), rules);
  }

  get readOnly(): boolean {
    return this.layers.some((rules) => rules.readOnly);
  }

  allowsTool(tool: ToolTraits): boolean {
    return this.layers.every((rules) => layerAllowsTool(rules, tool));
  }

  allowsSpace(spaceKey: string | undefined): boolean {
    return this.layers.every((rules) => rules.spaces === 'all' || (spaceKey !== undefined && rules.spaces.has(spaceKey)));
  }

  /** The allowed space keys, for constraining searches; `undefined` when every space is allowed. */
  allowedSpaces(): string[] | undefined {
    const lists = this.layers.flatMap((rules) => (rules.spaces === 'all' ? [] : [rules.spaces]));
    if (lists.length === 0) return undefined;
    return [...lists[0]].filter((key) => lists.every((list) => list.has(key)));
  }
}

function layerAllowsTool(rules: PolicyRules, tool: ToolTraits): boolean {
  if (rules.readOnly && !tool.readOnly) return false;
  if (rules.tools !== 'all' && !rules.tools.has(tool.name)) return false;
  return allowsToolsets(rules.toolsets, tool);
}

/**
 * Toolsets combine as two filters: the kinds (`read`, `write`) and the families (`pages`, `comments`, …).
 * `read,pages` means the read tools of the pages family; a dimension with nothing listed does not filter.
 */
function allowsToolsets(sets: PolicyRules['toolsets'], tool: ToolTraits): boolean {
  if (sets === 'all') return true;
  const listed = [...sets];
  const kinds = listed.filter((set) => KINDS.has(set));
  const families = listed.filter((set) => !KINDS.has(set));
  const matches = (wanted: string[]) => wanted.length === 0 || tool.toolsets.some((set) => wanted.includes(set));
  return matches(kinds) && matches(families);
}

function describeRules(rules: PolicyRules): unknown[] {
  const list = (value: 'all' | ReadonlySet<string>) => (value === 'all' ? 'all' : [...value].sort());
  return [rules.readOnly, list(rules.tools), list(rules.toolsets), list(rules.spaces)];
}
