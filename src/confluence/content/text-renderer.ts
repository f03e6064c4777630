import { isCDATA, isTag, isText, type ChildNode, type Element } from 'domhandler';
import { linkedResource, resourceLabel, userMention } from './confluence-links';
import { emoticonText } from './emoticons';
import { InlineBuffer } from './inline-buffer';
import { listItem } from './markdown-lists';
import { tableRows } from './markdown-table';
import { hasBlockChild, headingLevel, isBlockElement, isMetadata } from './storage-elements';
import { isMacro, macroParam, readMacro } from './storage-macro';
import { attr, childElements, findChild, textContent } from './storage-parser';

const keepText = (word: string): string => word;
const CODE_MACROS = new Set(['code', 'noformat']);

/** Walks a parsed storage document and writes plain readable text: no markup, structure kept as lines. */
export class TextRenderer {
  /** Renders nodes as text blocks; loose inline content between blocks becomes paragraphs. */
  blocks(nodes: ChildNode[]): string[] {
    const out: string[] = [];
    let run = new InlineBuffer();
    for (const node of nodes) {
      if (isTag(node) && isBlockElement(node)) {
        out.push(run.content());
        run = new InlineBuffer();
        out.push(...this.block(node));
      } else {
        this.inline(node, run);
      }
    }
    out.push(run.content());
    return out.filter((block) => block.trim() !== '');
  }

  private block(element: Element): string[] {
    if (headingLevel(element) > 0 || (element.name === 'p' && !hasBlockChild(element))) {
      return [this.inlineText(element.children)];
    }
    switch (element.name) {
      case 'ul':
      case 'ol':
        return [this.list(element)];
      case 'ac:task-list':
        return [this.taskList(element)];
      case 'table':
        return [this.table(element)];
      case 'pre':
        return [textContent(element)];
      case 'hr':
        return [];
      case 'ac:adf-extension':
        return this.adfExtension(element);
      default:
        return isMacro(element) ? this.macroBlock(element) : this.blocks(element.children);
    }
  }

  private list(list: Element): string {
    const ordered = list.name === 'ol';
    return childElements(list)
      .filter((item) => item.name === 'li')
      .map((item, index) => {
        const marker = ordered ? `${index + 1}. ` : '- ';
        return listItem(marker, marker.length, this.blocks(item.children));
      })
      .join('\n');
  }

  private taskList(list: Element): string {
    return childElements(list)
      .map((task) => {
        if (task.name === 'ac:task-list') {
          return listItem('  ', 2, [this.taskList(task)]);
        }
        const done = textContent(findChild(task, 'ac:task-status') ?? task).trim() === 'complete';
        const body = findChild(task, 'ac:task-body');
        return task.name === 'ac:task' ? listItem(done ? '- [x] ' : '- [ ] ', 2, this.blocks(body?.children ?? [])) : '';
      })
      .filter((line) => line !== '')
      .join('\n');
  }

  private table(table: Element): string {
    return tableRows(table)
      .map((row) =>
        childElements(row)
          .filter((cell) => cell.name === 'th' || cell.name === 'td')
          .map((cell) => this.blocks(cell.children).join(' ').replace(/\s*\n\s*/g, ' '))
          .join(' | '),
      )
      .join('\n');
  }

  private macroBlock(element: Element): string[] {
    const macro = readMacro(element);
    if (CODE_MACROS.has(macro.name) || macro.plainBody !== undefined) {
      return [macro.plainBody ?? ''];
    }
    const title = macroParam(macro, 'title');
    const body = macro.richBody ? this.blocks(macro.richBody.children) : [`[${macro.name}]`];
    return title ? [title, ...body] : body;
  }

  private adfExtension(extension: Element): string[] {
    const node = findChild(extension, 'ac:adf-node');
    const source = findChild(extension, 'ac:adf-fallback') ?? (node ? findChild(node, 'ac:adf-content') : undefined);
    return source ? this.blocks(source.children) : [];
  }

  private inlineText(nodes: ChildNode[]): string {
    return this.inlineRun(nodes).content();
  }

  private inline(node: ChildNode, run: InlineBuffer): void {
    if (isText(node) || isCDATA(node)) {
      run.text(textContent(node), keepText);
    } else if (isTag(node) && !isMetadata(node) && attr(node, 'aria-hidden') !== 'true') {
      this.inlineElement(node, run);
    }
  }

  private inlineElement(element: Element, run: InlineBuffer): void {
    if (isBlockElement(element)) {
      run.endLine();
      run.raw(this.block(element).join('\n'));
      run.endLine();
      return;
    }
    switch (element.name) {
      case 'br':
        return run.lineBreak();
      case 'ac:link':
        return run.text(this.linkText(element), keepText);
      case 'ac:image':
        return run.text(attr(element, 'ac:alt') ?? attr(element, 'ac:title') ?? '', keepText);
      case 'ac:emoticon':
        return run.raw(emoticonText(element));
      case 'time':
        return run.text(attr(element, 'datetime') ?? textContent(element), keepText);
      default:
        return isMacro(element) ? run.raw(inlineMacroText(element)) : run.append(this.inlineRun(element.children));
    }
  }

  private inlineRun(nodes: ChildNode[]): InlineBuffer {
    const run = new InlineBuffer();
    nodes.forEach((node) => this.inline(node, run));
    return run;
  }

  private linkText(link: Element): string {
    const body = findChild(link, 'ac:link-body') ?? findChild(link, 'ac:plain-text-link-body');
    const bodyText = body ? this.inlineText(body.children) : '';
    const resource = linkedResource(link);
    if (resource?.name === 'ri:user') {
      return userMention(resource, bodyText);
    }
    return bodyText || (resource ? resourceLabel(resource) : (attr(link, 'ac:anchor') ?? ''));
  }
}

function inlineMacroText(element: Element): string {
  const macro = readMacro(element);
  if (macro.name === 'status') {
    return `[${macroParam(macro, 'title') ?? ''}]`;
  }
  return `[${macro.name}]`;
}
