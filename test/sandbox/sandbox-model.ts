/** In-memory shapes of the sandbox's Confluence data; serializers turn them into v1 or v2 JSON. */
export interface SandboxUser {
  accountId: string;
  username: string;
  userKey: string;
  displayName: string;
  email: string;
}

export interface SandboxVersion {
  number: number;
  when: string;
  authorId: string;
  message: string;
  minorEdit: boolean;
}

export interface SandboxLabel {
  id: string;
  prefix: 'global' | 'my' | 'team';
  name: string;
}

export interface SandboxSpace {
  id: string;
  key: string;
  name: string;
  type: 'global' | 'personal';
  status: 'current' | 'archived';
  description: string;
  homepageId: string;
  authorId: string;
  createdAt: string;
}

/** `historical` only ever appears on a past version served by `?status=historical&version=N`, never in the store. */
export type SandboxPageStatus = 'current' | 'trashed' | 'historical';

export interface SandboxPage {
  id: string;
  spaceKey: string;
  title: string;
  parentId: string | null;
  position: number;
  status: SandboxPageStatus;
  body: string;
  authorId: string;
  createdAt: string;
  version: SandboxVersion;
  labels: SandboxLabel[];
}

/** A page as it was at one version, kept so history listings and historical reads have real bodies. */
export interface SandboxPageSnapshot {
  title: string;
  body: string;
  spaceKey: string;
  parentId: string | null;
  version: SandboxVersion;
}

/** The bytes of one attachment version, so an old version's download link still serves its own bytes. */
export interface SandboxAttachmentVersion {
  version: SandboxVersion;
  bytes: Buffer;
  mediaType: string;
}

export interface InlineCommentAnchor {
  originalSelection: string;
  markerRef: string;
}

export interface SandboxComment {
  id: string;
  pageId: string;
  parentCommentId: string | null;
  location: 'footer' | 'inline';
  body: string;
  authorId: string;
  createdAt: string;
  version: SandboxVersion;
  inline: InlineCommentAnchor | null;
}

export interface SandboxAttachment {
  id: string;
  pageId: string;
  fileId: string;
  title: string;
  mediaType: string;
  mediaTypeDescription: string;
  comment: string;
  bytes: Buffer;
  createdAt: string;
  version: SandboxVersion;
}

export interface SeedData {
  users: SandboxUser[];
  currentUser: SandboxUser;
  spaces: SandboxSpace[];
  pages: SandboxPage[];
  comments: SandboxComment[];
  attachments: SandboxAttachment[];
}

export interface SandboxCredentials {
  username: string;
  apiToken: string;
  personalToken: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number;
  /** The parsed JSON body of a write, so tests can check what the client sent. */
  body?: unknown;
}
