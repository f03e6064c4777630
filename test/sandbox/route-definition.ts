import { RouteContext, RouteResult } from './route-context';

/** One API route: its path below the API prefix, the spec path it implements, and its handler. */
export interface RouteDefinition {
  method: 'GET';
  /** Path below the API prefix with `{param}` placeholders, e.g. `/content/{id}/child/page`. */
  template: string;
  /** The official spec's path template this route implements (null for routes outside the spec). */
  specPath: string | null;
  handler: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}
