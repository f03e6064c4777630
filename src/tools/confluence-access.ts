import { Injectable } from '@nestjs/common';
import { Caller, CallerRequest } from '../auth/caller';
import { CallerResolver } from '../auth/caller.resolver';
import { ConfluenceApiFactory } from '../confluence/confluence-api.factory';
import { ConfluenceNotFoundError } from '../confluence/confluence.errors';
import { ConfluenceApi, Page } from '../confluence/confluence.types';
import { CancellationScope } from '../common/cancellation-scope';
import { AppConfig } from '../config/app-config';
import { DisconnectSignals } from './disconnect-signals';
import { ToolFailure } from './tool-failure';
import { PageRef } from './tool-inputs';

/** Content types the page tools act on; anything else (comment, attachment) is refused. */
const PAGE_TYPES: ReadonlySet<string> = new Set(['page', 'blogpost']);

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One tool call's view of Confluence: who is calling, the API bound to their connection, and how to cancel. */
export interface CallScope {
  caller: Caller;
  api: ConfluenceApi;
  /** Aborts when the client cancels the call or disconnects. */
  signal?: AbortSignal;
}

/**
 * Resolves, per call, the caller's Confluence connection and policy; tools never
 * hold credentials or a global client. Also the place space policy is enforced
 * for anything reached by page id.
 */
@Injectable()
export class ConfluenceAccess {
  private readonly siteAliases: ReadonlySet<string>;

  constructor(
    private readonly callers: CallerResolver,
    private readonly apis: ConfluenceApiFactory,
    private readonly cancellation: CancellationScope,
    private readonly disconnects: DisconnectSignals,
    config: AppConfig,
  ) {
    this.siteAliases = new Set(config.confluence.siteAliases);
  }

  forRequest(request: CallerRequest | undefined): CallScope {
    const caller = this.callers.fromRequest(request);
    return { caller, api: this.apis.forConnection(caller.connection), signal: this.signalFor(request) };
  }

  /**
   * The id of a page reference, refusing a page URL from another site: reading
   * "page 123" here would silently return an unrelated page.
   */
  pageId(scope: CallScope, ref: PageRef): string {
    const site = new URL(scope.caller.connection.baseUrl).origin;
    if (ref.origin !== undefined && !this.isThisSite(ref.origin, site)) {
      throw new ToolFailure(
        `That URL points to ${ref.origin}, but this server is connected to ${site}. Use a page from ${site}, or its numeric id.`,
      );
    }
    return ref.id;
  }

  /** The connection's own origin, or one of the configured aliases of the same site (CONFLUENCE_SITE_ALIASES). */
  private isThisSite(origin: string, site: string): boolean {
    const candidate = origin.toLowerCase();
    return candidate === site.toLowerCase() || this.siteAliases.has(candidate);
  }

  /** Refuses a space outside the caller's allowlist, without saying what is in it. */
  assertSpaceAllowed(scope: CallScope, spaceKey: string | undefined, what: string): void {
    if (!scope.caller.policy.allowsSpace(spaceKey)) {
      throw new ToolFailure(`${what} is in a space this server is not allowed to access. Use a page from an allowed space.`, 'policy');
    }
  }

  /**
   * Reads a page named by the caller and checks it: it must be a page or blog post (a comment or attachment id
   * would otherwise be read, moved or deleted as if it were a page — and Confluence deletes those for good),
   * and it must sit in an allowed space. `role` names it in errors ("parent page 123 was not found").
   */
  async page(scope: CallScope, ref: PageRef, role = 'page'): Promise<Page> {
    const id = this.pageId(scope, ref);
    const page = await this.fetchNamed(scope, id, role);
    if (!PAGE_TYPES.has(page.type)) {
      throw new ToolFailure(`Content ${id} is a ${page.type}, not a page. Give the id of a page (see confluence_search).`);
    }
    this.assertSpaceAllowed(scope, page.spaceKey, `${capitalised(role)} ${page.id}`);
    return page;
  }

  private async fetchNamed(scope: CallScope, id: string, role: string): Promise<Page> {
    try {
      return await scope.api.getPage(id, { signal: scope.signal });
    } catch (error) {
      if (error instanceof ConfluenceNotFoundError && role !== 'page') {
        throw new ToolFailure(`The ${role} ${id} was not found, or the configured account cannot see it. Check the id.`);
      }
      throw error;
    }
  }

  /** For tools that take a page id but do not fetch the page: checks its space only when a space allowlist applies. */
  async assertPageAllowed(scope: CallScope, pageId: string): Promise<void> {
    if (scope.caller.policy.allowedSpaces() === undefined) return;
    const page = await scope.api.getPage(pageId, { signal: scope.signal });
    this.assertSpaceAllowed(scope, page.spaceKey, `Page ${pageId}`);
  }

  /** The MCP cancellation signal and the HTTP disconnect signal, whichever the transport offers. */
  private signalFor(request: unknown): AbortSignal | undefined {
    const signals = [this.cancellation.signal(), this.disconnects.for(request)].filter((s): s is AbortSignal => s !== undefined);
    return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  }
}
