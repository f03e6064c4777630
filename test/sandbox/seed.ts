import { SandboxUser } from './sandbox-model';

/** Stable ids of the seeded data, so tests can address pages, comments and attachments by name. */
export const SEED = {
  spaces: {
    demo: { id: '65537', key: 'DEMO', name: 'Demo Space' },
    eng: { id: '65538', key: 'ENG', name: 'Engineering' },
    alice: { id: '65539', key: '~alice', name: 'Alice Anderson' },
    old: { id: '65540', key: 'OLD', name: 'Legacy Archive' },
  },
  pages: {
    /** DEMO home page, root of the DEMO tree. */
    home: { id: '98305', title: 'Demo Space Home' },
    /** Has children (kafkaIndex, adr) and grandchildren (the Kafka pages). */
    architecture: { id: '98306', title: 'Architecture Overview' },
    adr: { id: '98307', title: 'Architecture Decision Records' },
    /** Exactly 30 children (corpus documents): exercises pagination at limit 25. */
    gallery: { id: '98308', title: 'Storage Format Gallery' },
    /** Two footer comments (one with a reply) and one inline comment. */
    meetingNotes: { id: '98309', title: 'Team Meeting Notes 2024-01-15' },
    /** Three attachments: text, PNG (version 2), PDF. */
    designAssets: { id: '98310', title: 'Design Assets' },
    /** Labels `release`, `checklist` and `my:favourite`. */
    labelled: { id: '98311', title: 'Release Checklist' },
    /** Title with double and single quotes, for CQL escaping. */
    quotedTitle: { id: '98312', title: 'FAQ: "What\'s new?" in the \'Sandbox\'' },
    howTo: { id: '98313', title: 'How-to Guides' },
    engHome: { id: '98314', title: 'Engineering Home' },
    aliceHome: { id: '98315', title: "Alice's Notes" },
    oldHome: { id: '98316', title: 'Legacy Archive Home' },
    /** Corpus 001 (real Kafka wiki index), child of architecture; 002/004/005 are its children. */
    kafkaIndex: { id: '100001', title: 'Kafka Index' },
    kafkaGrandchild: { id: '100002', title: 'Kafka Page 27822128' },
  },
  comments: {
    footer: { id: '196609' },
    reply: { id: '196610' },
    secondFooter: { id: '196611' },
    inline: { id: '196612', originalSelection: 'action items', markerRef: '2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b' },
  },
  attachments: {
    text: { id: 'att229377', title: 'release-notes.txt', mediaType: 'text/plain' },
    png: { id: 'att229378', title: 'architecture-diagram.png', mediaType: 'image/png' },
    pdf: { id: 'att229379', title: 'quarterly-report.pdf', mediaType: 'application/pdf' },
  },
  labels: {
    release: { id: '327681', name: 'release' },
    checklist: { id: '327682', name: 'checklist' },
    favourite: { id: '327683', name: 'favourite', prefix: 'my' },
    kafka: { id: '327684', name: 'kafka' },
    storageFormat: { id: '327685', name: 'storage-format' },
  },
  /** Corpus document number N becomes page id `100000 + N`. */
  corpusPageIdBase: 100000,
  galleryChildCount: 30,
} as const;

export const SEED_USERS = {
  alice: user('557058:0a1b2c3d-alice', 'alice', 'Alice Anderson'),
  bob: user('557058:1b2c3d4e-bob', 'bob', 'Bob Brown'),
  carol: user('557058:2c3d4e5f-carol', 'carol', 'Carol Chen'),
};

export function sandboxUser(username: string): SandboxUser {
  return { ...user('557058:9f8e7d6c-sandbox', 'sandbox', 'Sandbox User'), email: username };
}

function user(accountId: string, username: string, displayName: string): SandboxUser {
  return { accountId, username, userKey: `8a7f808a${username.padEnd(8, '0')}`, displayName, email: `${username}@example.com` };
}
