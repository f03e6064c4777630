import { randomUUID } from 'node:crypto';
import { RouteContext } from './route-context';

/** The body a page or comment write stores: as sent, or rewritten as Cloud does under `rewriteStorageOnSave`. */
export function savedStorage(ctx: Pick<RouteContext, 'faults'>, storage: string): string {
  return ctx.faults.rewriteStorageOnSave ? cloudRewrite(storage) : storage;
}

/**
 * Some of what Confluence Cloud does to storage it saves, enough that a body read back need not equal the
 * body written: structured macros get `ac:schema-version`, `ac:local-id` and `ac:macro-id`, tables a
 * `data-layout` and a local id, and `<br/>` is spelled `<br />`. Text and CDATA are left alone.
 */
export function cloudRewrite(storage: string): string {
  return storage
    .replace(/<br\s*\/>/g, '<br />')
    .replace(/<ac:structured-macro\b([^>]*?)(\s*\/)?>/g, (_tag, attrs: string, selfClosing?: string) =>
      `<ac:structured-macro${withAttributes(attrs, { 'ac:schema-version': '1', 'ac:local-id': randomUUID(), 'ac:macro-id': randomUUID() })}${selfClosing ?? ''}>`,
    )
    .replace(/<table\b([^>]*?)>/g, (_tag, attrs: string) => `<table${withAttributes(attrs, { 'data-layout': 'default', 'ac:local-id': randomUUID() })}>`);
}

/** Appends the attributes an element does not have yet. */
function withAttributes(attrs: string, added: Record<string, string>): string {
  const missing = Object.entries(added).filter(([name]) => !new RegExp(`\\s${name}=`).test(attrs));
  return attrs + missing.map(([name, value]) => ` ${name}="${value}"`).join('');
}
