import { CorpusDocument } from './corpus-loader';
import { SandboxAttachment, SandboxComment, SandboxLabel, SandboxPage, SandboxSpace, SandboxUser, SeedData } from './sandbox-model';
import { DIAGRAM_PNG, RELEASE_NOTES_TXT, REPORT_PDF } from './seed-attachment-bytes';
import { SEED, SEED_USERS } from './seed';

const P = SEED.pages;
const KAFKA_CHILDREN = [2, 4, 5];
const EPOCH = Date.parse('2024-01-10T09:00:00.000Z');

function at(hours: number): string {
  return new Date(EPOCH + hours * 3_600_000).toISOString();
}

function label(entry: { id: string; name: string; prefix?: string }): SandboxLabel {
  return { id: entry.id, name: entry.name, prefix: entry.prefix === 'my' ? 'my' : 'global' };
}

/** Builds fresh seed objects (spaces, a page tree made of the storage corpus, comments, attachments) each time it runs. */
export class SeedBuilder {
  private readonly pages: SandboxPage[] = [];
  private clock = 0;

  constructor(
    private readonly corpus: CorpusDocument[],
    private readonly currentUser: SandboxUser,
  ) {}

  build(): SeedData {
    this.addStructuralPages();
    this.addCorpusPages();
    return {
      users: [...Object.values(SEED_USERS), this.currentUser],
      currentUser: this.currentUser,
      spaces: this.spaces(),
      pages: this.pages,
      comments: this.comments(),
      attachments: this.attachments(),
    };
  }

  private page(id: string, spaceKey: string, title: string, parentId: string | null, body: string, labels: SandboxLabel[] = []): void {
    const authors = Object.values(SEED_USERS);
    const authorId = authors[this.pages.length % authors.length].accountId;
    const createdAt = at(this.clock++);
    const position = this.pages.filter((p) => p.parentId === parentId && p.spaceKey === spaceKey).length;
    const version = { number: 1 + (Number(id) % 3), when: at(this.clock + 100), authorId, message: '', minorEdit: false };
    this.pages.push({ id, spaceKey, title, parentId, position, status: 'current', body, authorId, createdAt, version, labels });
  }

  private addStructuralPages(): void {
    const L = SEED.labels;
    this.page(P.home.id, 'DEMO', P.home.title, null, '<h1>Welcome to the Demo Space</h1><p>This space holds the architecture overview, meeting notes and the storage format gallery.</p>');
    this.page(P.architecture.id, 'DEMO', P.architecture.title, P.home.id, '<p>The system is built around an event streaming platform. See the Kafka index below.</p>');
    this.page(P.adr.id, 'DEMO', P.adr.title, P.architecture.id, '<p>Each architecture decision record explains one decision and its consequences.</p>');
    this.page(P.gallery.id, 'DEMO', P.gallery.title, P.home.id, '<p>Every child page shows one storage format feature.</p><ac:structured-macro ac:name="children" />');
    this.page(P.meetingNotes.id, 'DEMO', P.meetingNotes.title, P.home.id, this.meetingNotesBody());
    this.page(P.designAssets.id, 'DEMO', P.designAssets.title, P.home.id, '<p>Diagram:</p><ac:image><ri:attachment ri:filename="architecture-diagram.png" /></ac:image><p>See the quarterly report.</p>');
    this.page(P.labelled.id, 'DEMO', P.labelled.title, P.home.id, '<ul><li>Update release notes</li><li>Tag the build</li></ul>', [label(L.release), label(L.checklist), label(L.favourite)]);
    this.page(P.quotedTitle.id, 'DEMO', P.quotedTitle.title, P.home.id, '<p>Questions people ask about the sandbox.</p>');
    this.page(P.howTo.id, 'DEMO', P.howTo.title, P.home.id, '<p>Step by step guides.</p>');
    this.page(P.engHome.id, 'ENG', P.engHome.title, null, '<p>Engineering handbook and runbooks.</p>');
    this.page(P.aliceHome.id, '~alice', P.aliceHome.title, null, '<p>Personal scratch pad.</p>');
    this.page(P.oldHome.id, 'OLD', P.oldHome.title, null, '<p>Archived content kept for reference.</p>');
  }

  private meetingNotesBody(): string {
    const c = SEED.comments.inline;
    return (
      '<h2>Attendees</h2><ul><li><ac:link><ri:user ri:account-id="557058:0a1b2c3d-alice" /></ac:link></li></ul>' +
      `<h2>Discussion</h2><p>We reviewed the <ac:inline-comment-marker ac:ref="${c.markerRef}">${c.originalSelection}</ac:inline-comment-marker> from last week.</p>`
    );
  }

  private addCorpusPages(): void {
    const kafkaIndex = this.corpus.find((d) => d.number === 1);
    if (kafkaIndex) this.addCorpusPage(kafkaIndex, 'DEMO', P.architecture.id, [label(SEED.labels.kafka)]);
    for (const doc of this.corpus.filter((d) => KAFKA_CHILDREN.includes(d.number))) {
      this.addCorpusPage(doc, 'DEMO', P.kafkaIndex.id, [label(SEED.labels.kafka)]);
    }
    const rest = this.corpus.filter((d) => d.number !== 1 && !KAFKA_CHILDREN.includes(d.number));
    rest.slice(0, SEED.galleryChildCount).forEach((doc) => this.addCorpusPage(doc, 'DEMO', P.gallery.id, [label(SEED.labels.storageFormat)]));
    const homes: Array<[string, string]> = [['DEMO', P.howTo.id], ['ENG', P.engHome.id], ['~alice', P.aliceHome.id], ['OLD', P.oldHome.id]];
    rest.slice(SEED.galleryChildCount).forEach((doc, i) => this.addCorpusPage(doc, homes[i % homes.length][0], homes[i % homes.length][1]));
  }

  private addCorpusPage(doc: CorpusDocument, spaceKey: string, parentId: string, labels: SandboxLabel[] = []): void {
    const taken = new Set(this.pages.filter((p) => p.spaceKey === spaceKey).map((p) => p.title));
    const title = taken.has(doc.title) ? `${doc.title} (${doc.source})` : doc.title;
    this.page(String(SEED.corpusPageIdBase + doc.number), spaceKey, title, parentId, doc.body, labels);
  }

  private spaces(): SandboxSpace[] {
    const S = SEED.spaces;
    const space = (s: { id: string; key: string; name: string }, type: SandboxSpace['type'], status: SandboxSpace['status'], homepageId: string, description: string): SandboxSpace => ({
      ...s, type, status, homepageId, description, authorId: SEED_USERS.alice.accountId, createdAt: at(-240),
    });
    return [
      space(S.demo, 'global', 'current', P.home.id, 'Demo content for the Confluence sandbox'),
      space(S.eng, 'global', 'current', P.engHome.id, 'Engineering handbook'),
      space(S.alice, 'personal', 'current', P.aliceHome.id, ''),
      space(S.old, 'global', 'archived', P.oldHome.id, 'Archived space'),
    ];
  }

  private comments(): SandboxComment[] {
    const C = SEED.comments;
    const U = SEED_USERS;
    const comment = (id: string, authorId: string, body: string, extra: Partial<SandboxComment> = {}): SandboxComment => ({
      id, pageId: P.meetingNotes.id, parentCommentId: null, location: 'footer', body, authorId, createdAt: at(200 + Number(id) % 10),
      version: { number: 1, when: at(200 + Number(id) % 10), authorId, message: '', minorEdit: false }, inline: null, ...extra,
    });
    return [
      comment(C.footer.id, U.bob.accountId, '<p>Can we move the retro to Friday?</p>'),
      comment(C.reply.id, U.alice.accountId, '<p>Friday works for me.</p>', { parentCommentId: C.footer.id }),
      comment(C.secondFooter.id, U.carol.accountId, '<p>Notes look complete, thanks!</p>'),
      comment(C.inline.id, U.alice.accountId, '<p>Who owns these?</p>', {
        location: 'inline', inline: { originalSelection: C.inline.originalSelection, markerRef: C.inline.markerRef },
      }),
    ];
  }

  private attachments(): SandboxAttachment[] {
    const A = SEED.attachments;
    const attachment = (a: { id: string; title: string; mediaType: string }, bytes: Buffer, description: string, comment: string, version: number): SandboxAttachment => ({
      ...a, pageId: P.designAssets.id, fileId: `f${a.id.slice(3)}-0000-4000-8000-${a.id.slice(3).padStart(12, '0')}`,
      mediaTypeDescription: description, comment, bytes, createdAt: at(150),
      version: { number: version, when: at(150 + version), authorId: SEED_USERS.carol.accountId, message: '', minorEdit: false },
    });
    return [
      attachment(A.text, RELEASE_NOTES_TXT, 'Text File', 'Release notes', 1),
      attachment(A.png, DIAGRAM_PNG, 'PNG Image', 'Architecture diagram', 2),
      attachment(A.pdf, REPORT_PDF, 'PDF Document', '', 1),
    ];
  }
}
