import { ServerResponse } from 'node:http';

/** Writes a JSON body the way Confluence does (`application/json;charset=UTF-8`). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(payload.length) });
  res.end(payload);
}

export function sendBytes(res: ServerResponse, status: number, body: Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(html);
  res.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(payload.length) });
  res.end(payload);
}
