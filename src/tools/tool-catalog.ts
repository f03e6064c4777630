import { ToolTraits } from '../auth/tool-policy';

/** Toolsets a deployment can enable with MCP_TOOLSETS. */
export const TOOLSETS = ['read', 'write', 'pages', 'comments', 'labels', 'attachments', 'history'] as const;

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
  getPageHistory: { name: 'confluence_get_page_history', readOnly: true, toolsets: ['read', 'history'] },
  getPageDiff: { name: 'confluence_get_page_diff', readOnly: true, toolsets: ['read', 'history'] },
  downloadAttachment: { name: 'confluence_download_attachment', readOnly: true, toolsets: ['read', 'attachments'] },
  createPage: { name: 'confluence_create_page', readOnly: false, toolsets: ['write', 'pages'] },
  updatePage: { name: 'confluence_update_page', readOnly: false, toolsets: ['write', 'pages'] },
  updatePageSection: { name: 'confluence_update_page_section', readOnly: false, toolsets: ['write', 'pages'] },
  deletePage: { name: 'confluence_delete_page', readOnly: false, toolsets: ['write', 'pages'] },
  movePage: { name: 'confluence_move_page', readOnly: false, toolsets: ['write', 'pages'] },
  addComment: { name: 'confluence_add_comment', readOnly: false, toolsets: ['write', 'comments'] },
  addLabels: { name: 'confluence_add_labels', readOnly: false, toolsets: ['write', 'labels'] },
  removeLabels: { name: 'confluence_remove_labels', readOnly: false, toolsets: ['write', 'labels'] },
  uploadAttachment: { name: 'confluence_upload_attachment', readOnly: false, toolsets: ['write', 'attachments'] },
} as const satisfies Record<string, ToolTraits>;

const byName = new Map<string, ToolTraits>(Object.values(TOOL_CATALOG).map((t) => [t.name, t]));

/** Traits of a tool by its public name; undefined for a name this server does not know. */
export function toolTraits(name: string): ToolTraits | undefined {
  return byName.get(name);
}

/** Every public tool name, for validating MCP_ENABLED_TOOLS. */
export function toolNames(): string[] {
  return [...byName.keys()];
}
