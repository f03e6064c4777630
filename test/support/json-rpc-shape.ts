import { RawAnswer } from './raw-mcp';

type Message = Record<string, unknown>;

const isObject = (value: unknown): value is Message => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one JSON-RPC response message, if anything: version, id, and exactly one of a result object or an error. */
export function messageProblem(message: unknown): string | undefined {
  if (!isObject(message)) return 'a response message is not an object';
  if (message.jsonrpc !== '2.0') return 'jsonrpc is not "2.0"';
  const id = message.id;
  if (!(typeof id === 'string' || typeof id === 'number' || id === null)) return 'id is neither a string, a number nor null';
  if (('result' in message) === ('error' in message)) return 'it has not exactly one of result and error';
  if ('result' in message) return isObject(message.result) ? undefined : 'result is not an object';
  const error = message.error;
  if (!isObject(error) || !Number.isInteger(error.code) || typeof error.message !== 'string') return 'error lacks an integer code or a message';
  return undefined;
}

/**
 * What is wrong with an answer of `/mcp`, if anything. Never a 5xx; 202 with no
 * body (notifications only); otherwise JSON: one JSON-RPC message, or a non-empty
 * list of them for a batch — a 4xx carrying a JSON-RPC error.
 */
export function answerProblem(answer: RawAnswer): string | undefined {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (answer.status === 202) return answer.text === '' ? undefined : '202 with a body';
  if (answer.json === undefined) return `HTTP ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 200)}`;
  if (answer.status >= 400) return isObject(answer.json) && 'error' in answer.json ? messageProblem(answer.json) : `HTTP ${answer.status} without a JSON-RPC error`;
  if (answer.status !== 200) return `unexpected HTTP ${answer.status}`;
  if (!Array.isArray(answer.json)) return messageProblem(answer.json);
  if (answer.json.length === 0) return 'an empty batch answer';
  return answer.json.map(messageProblem).find((p) => p !== undefined);
}

/**
 * What a `tools/call` of a well-formed envelope can end as: a tool result, unknown tool, invalid params —
 * or `malformed_params`: params the SDK's request schema refuses (arguments not an object, …), which it
 * answers with -32603 and the zod issue list where the spec would say -32602 (SDK behaviour, not ours).
 */
export type ToolCallEnd = 'result' | 'unknown_tool' | 'invalid_params' | 'malformed_params';

/** Classifies the answer to one `tools/call`, or says what is wrong with it: a tool result must have typed content. */
export function toolCallEnd(answer: RawAnswer, id: string | number): ToolCallEnd | string {
  const problem = answerProblem(answer);
  if (problem) return problem;
  const message = answer.json as Message;
  if (answer.status !== 200 || message.id !== id) return `HTTP ${answer.status} for id ${String(message.id)}`;
  if ('error' in message) {
    const code = (message.error as { code: number }).code;
    if (code === -32601) return 'unknown_tool';
    if (code === -32602) return 'invalid_params';
    if (code === -32603 && isZodIssueList((message.error as { message: string }).message)) return 'malformed_params';
    return `JSON-RPC error ${code}: ${(message.error as { message: string }).message.slice(0, 200)}`;
  }
  const result = message.result as Message;
  if (!Array.isArray(result.content) || result.content.length === 0) return 'a tool result without content';
  for (const block of result.content) {
    if (!isObject(block) || typeof block.type !== 'string') return 'a content block without a type';
    if (block.type === 'text' && typeof block.text !== 'string') return 'a text block without text';
  }
  if ('isError' in result && typeof result.isError !== 'boolean') return 'isError is not a boolean';
  if ('structuredContent' in result && !isObject(result.structuredContent)) return 'structuredContent is not an object';
  return 'result';
}

function isZodIssueList(text: string): boolean {
  try {
    const issues: unknown = JSON.parse(text);
    return Array.isArray(issues) && issues.every((issue) => isObject(issue) && typeof issue.code === 'string' && Array.isArray(issue.path));
  } catch {
    return false;
  }
}
