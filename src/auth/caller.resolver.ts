import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Caller, CallerRequest } from './caller';
import { policyFromConfig } from './policy-from-config';

/**
 * Resolves the caller of a request. Today there is one caller, built from the
 * configuration; API-key identities plug in here without touching the tools.
 */
@Injectable()
export class CallerResolver {
  private readonly localCaller: Caller;

  constructor(config: AppConfig) {
    this.localCaller = {
      id: 'local',
      name: 'Local configuration',
      scopes: ['read', 'write'],
      policy: policyFromConfig(config),
      connection: config.confluence.connection,
    };
  }

  /** The caller a stdio process (or an unauthenticated deployment) acts as. */
  local(): Caller {
    return this.localCaller;
  }

  /** The caller of an MCP request: the one the guard attached, else the local one. */
  fromRequest(request: CallerRequest | undefined): Caller {
    return request?.caller ?? this.localCaller;
  }
}
