import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { storageToMarkdown } from '../confluence/content/storage-to-markdown';
import { Comment } from '../confluence/confluence.types';
import { ConfluenceAccess } from './confluence-access';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { booleanInput, cursorInput, limitInput, pageIdInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';

const commentsInput = z.object({
  page_id: pageIdInput,
  include_inline: booleanInput(false).describe('Also return inline comments anchored in the text (default false)'),
  limit: limitInput,
  cursor: cursorInput,
});

const commentsOutput = z.object({
  comments: z.array(
    z.object({
      id: z.string(),
      author: z.string().optional(),
      created_at: z.string().optional(),
      body: z.string(),
      parent_id: z.string().optional(),
      inline: z.boolean(),
      url: z.string(),
    }),
  ),
  next_cursor: z.string().optional(),
});

type CommentsInput = z.infer<typeof commentsInput>;
type CommentsOutput = z.infer<typeof commentsOutput>;

/** The discussion on a page: footer comments with their replies, and optionally inline comments. */
@Injectable()
export class CommentsTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.getComments.name,
    description:
      'Read the comments on a page as markdown, replies included (`parent_id` is the comment replied to). ' +
      'Set `include_inline` for comments anchored in the page text.',
    parameters: commentsInput,
    outputSchema: commentsOutput,
    annotations: { title: 'Read page comments', ...READ_ONLY_ANNOTATIONS },
  })
  async getComments(input: CommentsInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const pageId = this.access.pageId(scope, input.page_id);
    await this.access.assertPageAllowed(scope, pageId);
    const page = await scope.api.listComments(
      { pageId: pageId, includeInline: input.include_inline, limit: input.limit, cursor: input.cursor },
      { signal: scope.signal },
    );
    const baseUrl = scope.caller.connection.baseUrl;
    const output: CommentsOutput = {
      comments: page.items.map((comment) => toOutput(comment, baseUrl)),
      next_cursor: page.nextCursor,
    };
    return toolResult(output, render(pageId, output));
  }
}

function toOutput(comment: Comment, baseUrl: string): CommentsOutput['comments'][number] {
  return {
    id: comment.id,
    author: comment.author?.displayName,
    created_at: comment.createdAt,
    body: storageToMarkdown(comment.storage, { baseUrl }),
    parent_id: comment.parentId,
    inline: comment.inline,
    url: comment.url,
  };
}

function render(pageId: string, output: CommentsOutput): string {
  if (output.comments.length === 0) return `Page ${pageId} has no comments.`;
  const lines = output.comments.map((c) => {
    const who = `${c.author ?? 'unknown'}${c.created_at ? ` at ${c.created_at}` : ''}`;
    const kind = c.inline ? 'inline comment' : c.parent_id ? `reply to ${c.parent_id}` : 'comment';
    return `- ${kind} ${c.id} by ${who}:\n  ${c.body.replace(/\n/g, '\n  ')}`;
  });
  if (output.next_cursor) lines.push(moreHint('comments', output.next_cursor));
  return lines.join('\n');
}
