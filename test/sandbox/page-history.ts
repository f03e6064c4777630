import { SandboxAttachment, SandboxAttachmentVersion, SandboxPage, SandboxPageSnapshot } from './sandbox-model';

/**
 * Past versions of pages and attachments. Seeded pages that start above version 1 get their earlier
 * versions made up from the current one (same title and body, earlier dates), so every number from 1
 * to the current version can be listed and read, as in Confluence.
 */
export class PageHistory {
  private readonly pages = new Map<string, SandboxPageSnapshot[]>();
  private readonly attachments = new Map<string, SandboxAttachmentVersion[]>();

  seedPage(page: SandboxPage): void {
    const earlier: SandboxPageSnapshot[] = [];
    const current = Date.parse(page.version.when);
    for (let number = 1; number < page.version.number; number++) {
      const when = new Date(current - (page.version.number - number) * 3_600_000).toISOString();
      earlier.push({ ...snapshot(page), version: { ...page.version, number, when } });
    }
    this.pages.set(page.id, earlier);
  }

  /** Call before changing a page in place: keeps the version it is leaving. */
  keepPage(page: SandboxPage): void {
    this.pages.set(page.id, [...(this.pages.get(page.id) ?? []), snapshot(page)]);
  }

  /** Every version of the page, current included, newest first (the order Confluence lists them in). */
  versionsOf(page: SandboxPage): SandboxPageSnapshot[] {
    return [snapshot(page), ...(this.pages.get(page.id) ?? [])].sort((a, b) => b.version.number - a.version.number);
  }

  pageAt(page: SandboxPage, number: number): SandboxPageSnapshot | undefined {
    return this.versionsOf(page).find((s) => s.version.number === number);
  }

  /** Call before replacing an attachment's bytes: keeps the version it is leaving. */
  keepAttachment(attachment: SandboxAttachment): void {
    const kept = { version: attachment.version, bytes: attachment.bytes, mediaType: attachment.mediaType };
    this.attachments.set(attachment.id, [...(this.attachments.get(attachment.id) ?? []), kept]);
  }

  forgetAttachment(attachmentId: string): void {
    this.attachments.delete(attachmentId);
  }

  attachmentAt(attachment: SandboxAttachment, number: number): SandboxAttachmentVersion | undefined {
    if (attachment.version.number === number) return { version: attachment.version, bytes: attachment.bytes, mediaType: attachment.mediaType };
    return this.attachments.get(attachment.id)?.find((v) => v.version.number === number);
  }
}

function snapshot(page: SandboxPage): SandboxPageSnapshot {
  return { title: page.title, body: page.body, spaceKey: page.spaceKey, parentId: page.parentId, version: { ...page.version } };
}
