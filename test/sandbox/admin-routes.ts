import { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxFaults } from './faults';
import { sendJson } from './http-response';
import { RecordedRequest } from './sandbox-model';

/** What the admin routes may do to the sandbox they belong to. */
export interface SandboxAdmin {
  setFaults(faults: SandboxFaults): void;
  reset(): void;
  readonly requests: RecordedRequest[];
}

/** `/__sandbox/*`: lets another process set faults, reset the sandbox, or read the request log. No auth. */
export class AdminRoutes {
  constructor(private readonly sandbox: SandboxAdmin) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'POST' && path === '/__sandbox/faults') {
      this.sandbox.setFaults(parseFaults(await readBody(req)));
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/__sandbox/reset') {
      this.sandbox.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'GET' && path === '/__sandbox/requests') return sendJson(res, 200, this.sandbox.requests);
    sendJson(res, 404, { message: `No sandbox admin route ${req.method} ${path}` });
  }
}

function parseFaults(text: string): SandboxFaults {
  const parsed: unknown = text ? JSON.parse(text) : {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('faults must be a JSON object');
  return parsed as SandboxFaults;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
