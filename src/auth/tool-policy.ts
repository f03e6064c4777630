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
 * listed and again when they are called. One object per caller.
 */
export class ToolPolicy {
  constructor(private readonly rules: PolicyRules) {}

  static allowAll(): ToolPolicy {
    return new ToolPolicy({ readOnly: false, tools: 'all', toolsets: 'all', spaces: 'all' });
  }

  get readOnly(): boolean {
    return this.rules.readOnly;
  }

  allowsTool(tool: ToolTraits): boolean {
    if (this.rules.readOnly && !tool.readOnly) return false;
    if (this.rules.tools !== 'all' && !this.rules.tools.has(tool.name)) return false;
    return this.allowsToolsets(tool);
  }

  /**
   * Toolsets combine as two filters: the kinds (`read`, `write`) and the families (`pages`, `comments`, …).
   * `read,pages` means the read tools of the pages family; a dimension with nothing listed does not filter.
   */
  private allowsToolsets(tool: ToolTraits): boolean {
    const sets = this.rules.toolsets;
    if (sets === 'all') return true;
    const listed = [...sets];
    const kinds = listed.filter((set) => KINDS.has(set));
    const families = listed.filter((set) => !KINDS.has(set));
    const matches = (wanted: string[]) => wanted.length === 0 || tool.toolsets.some((set) => wanted.includes(set));
    return matches(kinds) && matches(families);
  }

  allowsSpace(spaceKey: string | undefined): boolean {
    if (this.rules.spaces === 'all') return true;
    return spaceKey !== undefined && this.rules.spaces.has(spaceKey);
  }

  /** The allowed space keys, for constraining searches; `undefined` when every space is allowed. */
  allowedSpaces(): string[] | undefined {
    return this.rules.spaces === 'all' ? undefined : [...this.rules.spaces];
  }
}
