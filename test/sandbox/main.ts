import { ConfluenceSandbox } from './confluence-sandbox';

async function main(): Promise<void> {
  const sandbox = new ConfluenceSandbox({ dataCenterContextPath: process.env.SANDBOX_DC_CONTEXT_PATH });
  const port = Number(process.env.SANDBOX_PORT ?? 8090);
  const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
  await sandbox.start(port, host);
  const { username, apiToken, personalToken } = sandbox.credentials;
  console.log(`Confluence sandbox listening on ${host}:${port}`);
  console.log(`  Cloud:       ${sandbox.cloudUrl}  (Basic ${username}:${apiToken})`);
  console.log(`  Data Center: ${sandbox.dataCenterUrl}  (Bearer ${personalToken})`);
  console.log(`  Admin:       POST ${sandbox.origin}/__sandbox/faults | POST ${sandbox.origin}/__sandbox/reset`);
  const shutdown = (): void => {
    sandbox.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
