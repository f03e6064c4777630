import { INestApplication } from '@nestjs/common';
import { createHttpApp } from '../../src/app.factory';
import { ConfluenceSandbox } from '../sandbox/confluence-sandbox';
import { Layout, sandboxConfig } from './test-config';

/** The sandbox and the running app, without a connected MCP client (the test sends its own requests, with its own keys). */
export interface BareSandboxApp {
  sandbox: ConfluenceSandbox;
  app(): INestApplication;
  baseUrl(): string;
}

/** Registers jest hooks that start a sandbox and the real HTTP app on a loopback port, and stop both after the suite. */
export function useBareSandboxApp(layout: Layout, extraEnv: Record<string, string> = {}): BareSandboxApp {
  const sandbox = new ConfluenceSandbox();
  let app: INestApplication | undefined;
  let baseUrl = '';

  beforeAll(async () => {
    await sandbox.start();
    const created = await createHttpApp(sandboxConfig(sandbox, layout, extraEnv));
    app = created;
    await created.listen(0, '127.0.0.1');
    baseUrl = (await created.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await sandbox.stop();
  });

  const running = (): INestApplication => {
    if (!app) throw new Error('the app is not running yet (use it inside a test)');
    return app;
  };
  return { sandbox, app: running, baseUrl: () => baseUrl };
}
