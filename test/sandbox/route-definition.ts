import { Layout, RouteContext, RouteResult } from './route-context';

/** One API route: its path below the API prefix, the spec path it implements, and its handler. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the API prefix with `{param}` placeholders, e.g. `/content/{id}/child/page`. */
  template: string;
  /** The official spec's path template this route implements (null for routes outside the spec). */
  specPath: string | null;
  handler: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
  /** The layouts that serve this route; both when absent. */
  layouts?: Layout[];
  /** Served without credentials (the media host's signed URLs carry their own token). */
  public?: boolean;
}
