import { ConfluenceSandbox, RecordedRequest } from '../test/sandbox/confluence-sandbox';

/** Learns the exact REST request one tool call makes, so the floor repeats precisely that request. */
export async function recordUpstreamUrl(sandbox: ConfluenceSandbox, call: () => Promise<void>): Promise<string> {
  sandbox.clearRequests();
  await call();
  const made = [...sandbox.requests];
  sandbox.clearRequests();
  if (made.length !== 1) throw new Error(`expected one REST request per tool call, saw ${made.length}`);
  return urlOf(sandbox.origin, made[0]);
}

function urlOf(origin: string, recorded: RecordedRequest): string {
  const url = new URL(recorded.path, origin);
  for (const [key, value] of Object.entries(recorded.query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
  }
  return url.toString();
}
