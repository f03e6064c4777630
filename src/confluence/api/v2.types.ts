/** The parts of Confluence REST v2 JSON that we read. */

export interface V2Links {
  base?: string;
  webui?: string;
  download?: string;
  next?: string;
}

export interface V2Space {
  id: string;
  key?: string;
  name?: string;
  type?: string;
  status?: string;
  _links?: V2Links;
}

export interface V2Page {
  id: string;
  title?: string;
  status?: string;
  spaceId?: string;
  parentId?: string | null;
  version?: { number?: number; createdAt?: string };
  _links?: V2Links;
}

export interface V2Attachment {
  id: string;
  title?: string;
  mediaType?: string;
  fileSize?: number;
  createdAt?: string;
  pageId?: string;
  downloadLink?: string;
  version?: { number?: number; createdAt?: string };
  _links?: V2Links;
}

export interface V2Label {
  name?: string;
  prefix?: string;
}
