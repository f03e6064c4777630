import { Inject, Injectable, NestInterceptor, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ExternalContextCreator } from '@nestjs/core/helpers/external-context-creator';
import { InterceptorsConsumer } from '@nestjs/core/interceptors';
import { MCP_TOOL_METADATA_KEY } from '@rekog/mcp-nest';
import { isObservable, lastValueFrom } from 'rxjs';
import { TOOL_CONTEXT_TYPE } from '../common/tool-call-context';
import { TOOL_INTERCEPTORS } from './tool-interceptors.constants';

type ToolMethod = (...args: unknown[]) => unknown;
type ToolHost = Record<string, ToolMethod>;

/**
 * Makes real, DI-resolved NestJS interceptors run around every MCP tool call.
 * mcp-nest 1.9 calls tool methods directly, bypassing Nest's enhancers, so at
 * start-up each `@Tool()` method is replaced by a wrapper that runs the
 * module-wide tool interceptors (metrics, audit, …) and then any guards and
 * interceptors declared on the tool class or method with `@UseGuards` /
 * `@UseInterceptors` — the way @nestjs/graphql applies enhancers to resolvers.
 */
@Injectable()
export class ToolInvocationExplorer implements OnModuleInit {
  private readonly consumer = new InterceptorsConsumer();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly contextCreator: ExternalContextCreator,
    @Inject(TOOL_INTERCEPTORS) private readonly interceptors: NestInterceptor[],
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as ToolHost | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const toolMethods = this.toolMethodsOf(instance);
      if (toolMethods.length === 0) continue;
      if (!wrapper.isDependencyTreeStatic()) throw new RequestScopedToolError(String(wrapper.name));
      for (const methodName of toolMethods) this.wrap(instance, methodName);
    }
  }

  private toolMethodsOf(instance: ToolHost): string[] {
    return this.scanner
      .getAllMethodNames(Object.getPrototypeOf(instance))
      .filter((methodName) => Reflect.hasMetadata(MCP_TOOL_METADATA_KEY, instance[methodName]));
  }

  private wrap(instance: ToolHost, methodName: string): void {
    const original = instance[methodName];
    const declared = this.contextCreator.create(
      instance,
      original,
      methodName,
      undefined,
      undefined,
      undefined,
      undefined,
      { guards: true, interceptors: true, filters: false },
      TOOL_CONTEXT_TYPE,
    ) as ToolMethod;
    const wrapped: ToolMethod = async (...args) => {
      const result = await this.consumer.intercept(
        this.interceptors,
        args,
        instance,
        original,
        async () => declared(...args),
        TOOL_CONTEXT_TYPE,
      );
      return isObservable(result) ? lastValueFrom(result) : result;
    };
    copyMetadata(original, wrapped);
    instance[methodName] = wrapped;
  }
}

/** Keeps `@Tool()` and other metadata reachable on the wrapper, for code that reflects on the live method. */
function copyMetadata(from: ToolMethod, to: ToolMethod): void {
  for (const key of Reflect.getMetadataKeys(from)) {
    Reflect.defineMetadata(key, Reflect.getMetadata(key, from), to);
  }
}

/**
 * Tool classes must be singletons: a request-scoped instance would be created
 * per call, unwrapped, and run without metrics, audit or circuit breaking.
 */
export class RequestScopedToolError extends Error {
  constructor(provider: string) {
    super(
      `${provider} declares MCP tools but is request-scoped (directly or through a dependency). ` +
        'Make it a singleton and read per-call state from the request argument instead.',
    );
  }
}
