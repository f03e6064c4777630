import { badRequest } from './errors';
import { requireCurrentPage } from './page-rules';
import { jsonBody } from './request-body';
import { firstParam, RouteContext, RouteResult } from './route-context';
import { SandboxLabel } from './sandbox-model';
import { V1Serializer } from './v1-serializers';

const PREFIXES = ['global', 'my', 'team'];
/** Characters Confluence does not allow in a label name, besides whitespace. */
const FORBIDDEN = /[\s!#&()*,.:;<>?@[\]^]/;

/** `POST /content/{id}/label`: one `LabelCreate` or an array; names are stored lower-case, existing ones are kept as they are. */
export function addLabels(ctx: RouteContext): RouteResult {
  const page = requireCurrentPage(ctx.store, ctx.params.id);
  const input = jsonBody(ctx);
  const wanted = (Array.isArray(input) ? input : [input]).map(labelInput);
  for (const { prefix, name } of wanted) {
    if (!page.labels.some((l) => l.prefix === prefix && l.name === name)) page.labels.push({ id: ctx.store.newId(), prefix, name });
  }
  ctx.store.changed();
  return { body: new V1Serializer(ctx).labelArray(page.labels) };
}

/** `DELETE /content/{id}/label?name=` and `DELETE /content/{id}/label/{label}`: 204 whether or not the page had it. */
export function removeLabel(ctx: RouteContext): RouteResult {
  const page = requireCurrentPage(ctx.store, ctx.params.id);
  const name = (ctx.params.label ?? firstParam(ctx.query, 'name') ?? '').toLowerCase();
  if (!name) throw badRequest('The label name is required');
  page.labels = page.labels.filter((l) => !(l.name === name && l.prefix === 'global'));
  ctx.store.changed();
  return { status: 204, body: undefined };
}

/** Reads one `LabelCreate`, refusing what Confluence refuses; also used for labels sent with a new page. */
export function labelInput(value: unknown): Pick<SandboxLabel, 'prefix' | 'name'> {
  const { prefix = 'global', name } = (value ?? {}) as { prefix?: unknown; name?: unknown };
  if (typeof name !== 'string' || name.trim() === '') throw badRequest('A label needs a name');
  if (typeof prefix !== 'string' || !PREFIXES.includes(prefix)) throw badRequest(`Invalid label prefix: ${String(prefix)}`);
  if (FORBIDDEN.test(name) || name.length > 255) {
    throw badRequest(`Label '${name}' is not valid: labels cannot contain spaces or any of ! # & ( ) * , . : ; < > ? @ [ ] ^`);
  }
  return { prefix: prefix as SandboxLabel['prefix'], name: name.toLowerCase() };
}
