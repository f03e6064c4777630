import type { Element } from 'domhandler';
import { linkedResource, resourceLabel, resourceTarget, userMention } from './confluence-links';
import { InlineBuffer } from './inline-buffer';
import { escapeMarkdownText, linkDestination, linkTitle } from './markdown-syntax';
import type { MarkdownRenderer } from './markdown-renderer';
import { attr, findChild, plainBodyText, textContent } from './storage-parser';

/** `<a href>` → `[text](href)`; an anchor without href keeps only its text. */
export function renderAnchorLink(link: Element, renderer: MarkdownRenderer, run: InlineBuffer): void {
  const href = attr(link, 'href');
  const label = renderer.inlineRun(link.children);
  if (!href) {
    run.append(label);
  } else {
    writeLink(run, label, href, href);
  }
}

/** `ac:link` → a markdown link to a page, attachment, URL or anchor, or an `@mention` for users. */
export function renderConfluenceLink(link: Element, renderer: MarkdownRenderer, run: InlineBuffer): void {
  const resource = linkedResource(link);
  const anchor = attr(link, 'ac:anchor');
  const label = linkLabel(link, renderer);
  if (resource?.name === 'ri:user') {
    run.text(userMention(resource, linkBodyText(link)), escapeMarkdownText);
  } else if (resource) {
    writeLink(run, label, resourceTarget(resource, anchor, renderer.options), resourceLabel(resource) || anchor || '');
  } else if (anchor) {
    writeLink(run, label, `#${anchor}`, anchor);
  } else {
    run.append(label);
  }
}

/** `ac:image` → `![alt](file or url "title")`, followed by its caption in italics. */
export function renderImage(image: Element, renderer: MarkdownRenderer, run: InlineBuffer): void {
  const resource = linkedResource(image);
  const source = resource ? resourceTarget(resource, undefined, renderer.options) : '';
  const alt = attr(image, 'ac:alt') ?? '';
  const title = attr(image, 'ac:title');
  const titlePart = title ? ` ${linkTitle(title)}` : '';
  run.raw(`![${escapeMarkdownText(alt)}](${linkDestination(source)}${titlePart})`);
  const caption = findChild(image, 'ac:caption');
  if (caption) {
    const captionRun = renderer.inlineRun(caption.children);
    if (!captionRun.isBlank()) {
      run.lineBreak();
      run.wrapped(captionRun, '*', '*');
    }
  }
}

function linkLabel(link: Element, renderer: MarkdownRenderer): InlineBuffer {
  const richBody = findChild(link, 'ac:link-body');
  if (richBody) {
    return renderer.inlineRun(richBody.children);
  }
  const label = new InlineBuffer();
  const plainBody = findChild(link, 'ac:plain-text-link-body');
  if (plainBody) {
    label.text(plainBodyText(plainBody), escapeMarkdownText);
  }
  return label;
}

function linkBodyText(link: Element): string | undefined {
  const body = findChild(link, 'ac:link-body') ?? findChild(link, 'ac:plain-text-link-body');
  return body ? textContent(body).replace(/\s+/g, ' ').trim() : undefined;
}

function writeLink(run: InlineBuffer, label: InlineBuffer, target: string, fallbackLabel: string): void {
  const destination = `](${linkDestination(target)})`;
  if (label.isBlank()) {
    run.raw(`[${escapeMarkdownText(fallbackLabel || target)}${destination}`);
  } else {
    run.wrapped(label, '[', destination);
  }
}
