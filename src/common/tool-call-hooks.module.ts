import { DynamicModule, Global, Module } from '@nestjs/common';
import { CancellationScope } from './cancellation-scope';
import { RejectedToolCalls } from './rejected-tool-calls';

/** The objects shared by the MCP server's request hooks (built before DI) and the services that use them. */
export interface ToolCallHooks {
  cancellation: CancellationScope;
  rejections: RejectedToolCalls;
}

/** Makes the hook objects the MCP server writes to injectable everywhere. */
@Global()
@Module({})
export class ToolCallHooksModule {
  static forRoot(hooks: ToolCallHooks): DynamicModule {
    return {
      module: ToolCallHooksModule,
      providers: [
        { provide: CancellationScope, useValue: hooks.cancellation },
        { provide: RejectedToolCalls, useValue: hooks.rejections },
      ],
      exports: [CancellationScope, RejectedToolCalls],
    };
  }
}
