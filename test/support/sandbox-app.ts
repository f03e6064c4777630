import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ConfluenceSandbox, ConfluenceSandboxOptions } from '../sandbox/confluence-sandbox';
import { RunningApp, startHttpApp } from './http-app';
import { Layout, sandboxConfig } from './test-config';

/** What a spec gets from `useSandboxApp`: the sandbox, and the running app once `beforeAll` has run. */
export interface SandboxApp {
  sandbox: ConfluenceSandbox;
  running(): RunningApp;
  client(): Client;
}

/**
 * Registers jest hooks that start a fresh sandbox and the real HTTP app pointed
 * at it (in the given layout) before the suite, and stop both after it. With API
 * keys configured, `clientHeaders` carries the key the suite's client sends.
 */
export function useSandboxApp(
  layout: Layout,
  extraEnv: Record<string, string> = {},
  options: ConfluenceSandboxOptions = {},
  clientHeaders: Record<string, string> = {},
): SandboxApp {
  const sandbox = new ConfluenceSandbox(options);
  let app: RunningApp | undefined;

  beforeAll(async () => {
    await sandbox.start();
    app = await startHttpApp(sandboxConfig(sandbox, layout, extraEnv), clientHeaders);
  });

  afterAll(async () => {
    await app?.close();
    await sandbox.stop();
  });

  const running = (): RunningApp => {
    if (!app) throw new Error('the app is not running yet (use it inside a test)');
    return app;
  };
  return { sandbox, running, client: () => running().client };
}
