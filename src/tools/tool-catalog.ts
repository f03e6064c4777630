import { ToolTraits } from '../auth/tool-policy';

/** Every tool this server offers, with the traits policy decides on. Names are public API. */
export const TOOL_CATALOG = {
  search: { name: 'confluence_search', readOnly: true, toolsets: ['read', 'pages'] },
  getPage: { name: 'confluence_get_page', readOnly: true, toolsets: ['read', 'pages'] },
  listSpaces: { name: 'confluence_list_spaces', readOnly: true, toolsets: ['read', 'pages'] },
  listPages: { name: 'confluence_list_pages', readOnly: true, toolsets: ['read', 'pages'] },
  getPageChildren: { name: 'confluence_get_page_children', readOnly: true, toolsets: ['read', 'pages'] },
  getComments: { name: 'confluence_get_comments', readOnly: true, toolsets: ['read', 'comments'] },
  getAttachments: { name: 'confluence_get_attachments', readOnly: true, toolsets: ['read', 'attachments'] },
  getLabels: { name: 'confluence_get_labels', readOnly: true, toolsets: ['read', 'labels'] },
} as const satisfies Record<string, ToolTraits>;

const byName = new Map<string, ToolTraits>(Object.values(TOOL_CATALOG).map((t) => [t.name, t]));

/** Traits of a tool by its public name; undefined for a name this server does not know. */
export function toolTraits(name: string): ToolTraits | undefined {
  return byName.get(name);
}
