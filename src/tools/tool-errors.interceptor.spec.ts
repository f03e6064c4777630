import { CallHandler, ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { MCP_TOOL_METADATA_KEY } from '@rekog/mcp-nest';
import { lastValueFrom, throwError } from 'rxjs';
import { TOOL_CONTEXT_TYPE } from '../common/tool-call-context';
import { ConfluenceNotFoundError, ConfluenceRateLimitedError } from '../confluence/confluence.errors';
import { ToolErrorsInterceptor } from './tool-errors.interceptor';
import { ToolFailure } from './tool-failure';

function contextFor(args: Record<string, unknown>): ExecutionContext {
  const handler = () => undefined;
  Reflect.defineMetadata(MCP_TOOL_METADATA_KEY, { name: 'confluence_get_page' }, handler);
  const context = new ExecutionContextHost([args, {}, undefined], Object, handler);
  context.setType(TOOL_CONTEXT_TYPE);
  return context;
}

async function resultOf(error: unknown, args: Record<string, unknown> = {}) {
  const next: CallHandler = { handle: () => throwError(() => error) };
  return lastValueFrom(new ToolErrorsInterceptor().intercept(contextFor(args), next));
}

describe('ToolErrorsInterceptor', () => {
  it('names the page that was not found and the tool to use instead', async () => {
    const result = await resultOf(new ConfluenceNotFoundError('No content found with id : ContentId{id=42}', 404), { page_id: { id: '42' } });
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: expect.stringMatching(/^Page 42 was not found.*confluence_search\.$/) }],
    });
  });

  it('says when to retry after a rate limit', async () => {
    const result = (await resultOf(new ConfluenceRateLimitedError('Too many requests', 429, 3000))) as { content: { text: string }[] };
    expect(result.content[0].text).toBe('Too many requests. Confluence is rate limiting; wait and try again. Retry after 3 s.');
  });

  it('passes tool failures through as written', async () => {
    const result = (await resultOf(new ToolFailure('Use an allowed space.'))) as { content: { text: string }[] };
    expect(result.content[0].text).toBe('Use an allowed space.');
  });

  it('reports an unexpected error as an isError result without its message or stack', async () => {
    const result = (await resultOf(new TypeError('secret internal detail at Foo.bar (/app/x.js:1:1)'))) as {
      isError: boolean;
      content: { text: string }[];
    };
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toMatch(/failed unexpectedly/);
    expect(result.content[0].text).not.toMatch(/secret|\.js:/);
  });

  it('lets deliberate protocol errors through', async () => {
    const error = new McpError(ErrorCode.InvalidParams, 'bad');
    await expect(resultOf(error)).rejects.toBe(error);
  });
});
