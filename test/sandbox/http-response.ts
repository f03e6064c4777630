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

/** 204: no body and no Content-Type, as Confluence answers a DELETE. */
export function sendNoContent(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(204, headers);
  res.end();
}

/** A plain-text answer, like the XSRF filter's `XSRF check failed`. */
export function textResult(status: number, text: string): { status: number; body: Buffer; headers: Record<string, string> } {
  return { status, body: Buffer.from(text), headers: { 'Content-Type': 'text/plain;charset=UTF-8' } };
}
