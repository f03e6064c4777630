import { Injectable } from '@nestjs/common';
import { Caller, CallerRequest } from '../auth/caller';
import { CallerResolver } from '../auth/caller.resolver';
import { ConfluenceApiFactory } from '../confluence/confluence-api.factory';
import { ConfluenceApi } from '../confluence/confluence.types';
import { ToolFailure } from './tool-failure';

/** One tool call's view of Confluence: who is calling and the API bound to their connection. */
export interface CallScope {
  caller: Caller;
  api: ConfluenceApi;
}

/**
 * Resolves, per call, the caller's Confluence connection and policy; tools never
 * hold credentials or a global client. Also the place space policy is enforced
 * for anything reached by page id.
 */
@Injectable()
export class ConfluenceAccess {
  constructor(
    private readonly callers: CallerResolver,
    private readonly apis: ConfluenceApiFactory,
  ) {}

  forRequest(request: CallerRequest | undefined): CallScope {
    const caller = this.callers.fromRequest(request);
    return { caller, api: this.apis.forConnection(caller.connection) };
  }

  /** Refuses a space outside the caller's allowlist, without saying what is in it. */
  assertSpaceAllowed(scope: CallScope, spaceKey: string | undefined, what: string): void {
    if (!scope.caller.policy.allowsSpace(spaceKey)) {
      throw new ToolFailure(`${what} is in a space this server is not allowed to access. Use a page from an allowed space.`, 'policy');
    }
  }

  /** For tools that take a page id but do not fetch the page: checks its space only when a space allowlist applies. */
  async assertPageAllowed(scope: CallScope, pageId: string, signal?: AbortSignal): Promise<void> {
    if (scope.caller.policy.allowedSpaces() === undefined) return;
    const page = await scope.api.getPage(pageId, { signal });
    this.assertSpaceAllowed(scope, page.spaceKey, `Page ${pageId}`);
  }
}
