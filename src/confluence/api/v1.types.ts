/** The parts of Confluence REST v1 JSON that we read; everything optional because expansions vary. */

export interface V1Links {
  base?: string;
  context?: string;
  webui?: string;
  download?: string;
  next?: string;
}

export interface V1User {
  /** `known` or `anonymous` (Cloud and Data Center alike). */
  type?: string;
  accountId?: string;
  userKey?: string;
  username?: string;
  displayName?: string;
  publicName?: string;
}

export interface V1Version {
  number?: number;
  when?: string;
  by?: V1User;
  message?: string;
  minorEdit?: boolean;
}

export interface V1Space {
  id?: number | string;
  key?: string;
  name?: string;
  type?: string;
  status?: string;
  _links?: V1Links;
}

export interface V1Label {
  name?: string;
  prefix?: string;
}

export interface V1Content {
  id: string;
  type?: string;
  status?: string;
  title?: string;
  space?: V1Space;
  version?: V1Version;
  history?: { createdBy?: V1User; createdDate?: string };
  ancestors?: { id: string; type?: string; title?: string }[];
  body?: { storage?: { value?: string } };
  metadata?: { labels?: { results?: V1Label[] }; mediaType?: string };
  extensions?: { location?: string; mediaType?: string; fileSize?: number };
  /** The page a comment or attachment belongs to. */
  container?: { id?: string | number; type?: string; title?: string; space?: V1Space };
  _links?: V1Links;
}

export interface V1SearchResult {
  content?: V1Content;
  space?: V1Space;
  title?: string;
  excerpt?: string;
  url?: string;
  entityType?: string;
  lastModified?: string;
  resultGlobalContainer?: { title?: string; displayUrl?: string };
}

export interface V1PagedList<T> {
  results?: T[];
  _links?: V1Links;
}
