import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { ConfluenceNotFoundError } from '../confluence/confluence.errors';
import { ConfluenceAccess, CallScope } from './confluence-access';
import { freshStorage } from './page-body';
import { allowedPage } from './page-writes';
import { ADDITIVE_WRITE_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { pageIdInput } from './tool-inputs';
import { toolResult } from './tool-result';
import { ToolFailure } from './tool-failure';
import { bodyInput, contentIdInput, dryRunInput } from './write-inputs';

const addCommentInput = z.object({
  page_id: pageIdInput,
  body: bodyInput.trim().min(1, 'expected the comment text (markdown)').describe('Comment text in markdown'),
  parent_comment_id: contentIdInput('comment id').optional().describe('Reply to this comment (from confluence_get_comments)'),
  dry_run: dryRunInput,
});

const addCommentOutput = z.object({
  id: z.string(),
  page_id: z.string(),
  parent_id: z.string().optional(),
  url: z.string(),
  dry_run: z.boolean(),
  storage: z.string().optional(),
});

type AddCommentInput = z.infer<typeof addCommentInput>;
type AddCommentOutput = z.infer<typeof addCommentOutput>;

/** Adding to a page's discussion: a footer comment, or a reply to one. */
@Injectable()
export class CommentWritesTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.addComment.name,
    description:
      'Add a comment (markdown) to a page, or reply to a comment with `parent_comment_id`. `dry_run` returns the storage ' +
      'that would be posted.',
    parameters: addCommentInput,
    outputSchema: addCommentOutput,
    annotations: { title: 'Comment on a page', ...ADDITIVE_WRITE_ANNOTATIONS },
  })
  async addComment(input: AddCommentInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, undefined);
    if (input.parent_comment_id) await this.assertCommentOn(scope, input.parent_comment_id, page.id);
    const storage = freshStorage(input.body, 'markdown', { baseUrl: scope.caller.connection.baseUrl, spaceKey: page.spaceKey });
    if (input.dry_run) {
      const output: AddCommentOutput = { id: '', page_id: page.id, parent_id: input.parent_comment_id, url: '', dry_run: true, storage };
      return toolResult(output, `Dry run: would add this comment to "${page.title}":\n\n${storage}`);
    }
    const comment = await scope.api.addComment(
      { pageId: page.id, storage, parentCommentId: input.parent_comment_id },
      { signal: scope.signal },
    );
    const output: AddCommentOutput = { id: comment.id, page_id: page.id, parent_id: input.parent_comment_id, url: comment.url, dry_run: false };
    const what = input.parent_comment_id ? `Replied to comment ${input.parent_comment_id}` : 'Commented';
    return toolResult(output, `${what} on "${page.title}" (comment id ${comment.id}).\n${comment.url}`);
  }

  /** A reply must answer a comment on the same page; anything else would land in an unrelated thread. */
  private async assertCommentOn(scope: CallScope, commentId: string, pageId: string): Promise<void> {
    const parent = await scope.api.getComment(commentId, { signal: scope.signal }).catch((error: unknown) => {
      if (error instanceof ConfluenceNotFoundError) {
        throw new ToolFailure(`Comment ${commentId} was not found. Find the comment to reply to with confluence_get_comments.`);
      }
      throw error;
    });
    if (parent.pageId !== undefined && parent.pageId !== pageId) {
      throw new ToolFailure(`Comment ${commentId} belongs to another page, not page ${pageId}. Reply to a comment of page ${pageId}.`);
    }
  }
}
