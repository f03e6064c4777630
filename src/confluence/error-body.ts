/**
 * Pulls Confluence's own explanation out of an error body (v1 or v2 envelope),
 * trimmed to one short line a language model can act on. Non-JSON bodies yield nothing.
 */

const MAX_MESSAGE_LENGTH = 300;
const HTML_TAG = /<\/?[a-z][^>]*>/i;
const JAVA_EXCEPTION_PREFIX = /^(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error):\s*/;

interface V1ErrorItem {
  message?: string | { key?: string; translation?: string };
  validationErrors?: { field?: string; message?: string }[];
}

interface V1Envelope {
  message?: unknown;
  reason?: unknown;
  data?: { errors?: V1ErrorItem[] };
}

interface V2Envelope {
  errors?: { title?: unknown; detail?: unknown; code?: unknown }[];
}

type ErrorEnvelope = V1Envelope & V2Envelope;

/** Returns Confluence's message, or undefined when the body is empty, HTML or not a known envelope. */
export function confluenceMessageFrom(bodyText: string): string | undefined {
  const envelope = parseEnvelope(bodyText);
  if (!envelope) return undefined;
  const parts = [...v1Parts(envelope), ...v2Parts(envelope)]
    .map(clean)
    .filter((part) => part.length > 0 && !HTML_TAG.test(part));
  const unique = [...new Set(parts)];
  return unique.length > 0 ? truncate(unique.join('; ')) : undefined;
}

function parseEnvelope(bodyText: string): ErrorEnvelope | undefined {
  const trimmed = bodyText.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? (parsed as ErrorEnvelope) : undefined;
  } catch {
    return undefined;
  }
}

function v1Parts(envelope: V1Envelope): string[] {
  const items = Array.isArray(envelope.data?.errors) ? envelope.data.errors : [];
  const fromItems = items.flatMap((item) => [itemMessage(item), ...validationMessages(item)]);
  return [asText(envelope.message), ...fromItems];
}

function itemMessage(item: V1ErrorItem): string {
  const message = item.message;
  if (typeof message === 'string') return message;
  return asText(message?.translation) || asText(message?.key);
}

function validationMessages(item: V1ErrorItem): string[] {
  const errors = Array.isArray(item.validationErrors) ? item.validationErrors : [];
  return errors.map((error) => [asText(error.field), asText(error.message)].filter(Boolean).join(': '));
}

function v2Parts(envelope: V2Envelope): string[] {
  const errors = Array.isArray(envelope.errors) ? envelope.errors : [];
  return errors.map((error) => [asText(error.title), asText(error.detail)].filter(Boolean).join(' — '));
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** First line only (drops stack traces), Java exception class names removed, whitespace collapsed. */
function clean(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.replace(JAVA_EXCEPTION_PREFIX, '').replace(/\s+/g, ' ').trim();
}

function truncate(text: string): string {
  return text.length <= MAX_MESSAGE_LENGTH ? text : `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}
