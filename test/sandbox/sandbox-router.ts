import { DOWNLOAD_ROUTES } from './download-routes';
import { ErrorFamily } from './errors';
import { Layout } from './route-context';
import { RouteDefinition } from './route-definition';
import { V1_ROUTES } from './v1-routes';
import { V2_ROUTES } from './v2-routes';

/** A route as the contract test sees it: full path template, API family, layout, and the spec path it implements. */
export interface RouteInfo {
  method: string;
  path: string;
  family: 'v1' | 'v2' | 'download';
  layout: Layout;
  prefix: string;
  template: string;
  specPath: string | null;
}

interface MountedRoute extends RouteInfo {
  pattern: RegExp;
  paramNames: string[];
  handler: RouteDefinition['handler'];
}

/** The outcome of routing a path: the route and its decoded path parameters. */
export interface RouteMatch {
  route: MountedRoute;
  params: Record<string, string>;
}

/** Maps request paths to handlers for both layouts: Cloud (`/wiki/...`) and Data Center (root). */
export class SandboxRouter {
  private readonly routes: MountedRoute[] = [];

  constructor() {
    this.mount(V1_ROUTES, '/wiki/rest/api', 'v1', 'cloud');
    this.mount(V2_ROUTES, '/wiki/api/v2', 'v2', 'cloud');
    this.mount(DOWNLOAD_ROUTES, '/wiki', 'download', 'cloud');
    this.mount(V1_ROUTES, '/rest/api', 'v1', 'dc');
    this.mount(DOWNLOAD_ROUTES, '', 'download', 'dc');
  }

  get table(): RouteInfo[] {
    return this.routes.map(({ method, path, family, layout, prefix, template, specPath }) => ({ method, path, family, layout, prefix, template, specPath }));
  }

  match(method: string, path: string): RouteMatch | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (found) return { route, params: decodeParams(route.paramNames, found.slice(1)) };
    }
    return null;
  }

  /** Layout and error envelope for any path, including ones no route serves. */
  classify(path: string): { layout: Layout; family: ErrorFamily } {
    if (path.startsWith('/wiki/api/v2')) return { layout: 'cloud', family: 'v2' };
    return { layout: path.startsWith('/wiki') ? 'cloud' : 'dc', family: 'v1' };
  }

  private mount(definitions: RouteDefinition[], prefix: string, family: RouteInfo['family'], layout: Layout): void {
    for (const def of definitions) {
      const path = prefix + def.template;
      const paramNames = [...def.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '([^/]+)')}/?$`);
      this.routes.push({ method: def.method, path, family, layout, prefix, template: def.template, specPath: def.specPath, pattern, paramNames, handler: def.handler });
    }
  }
}

function decodeParams(names: string[], values: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, i) => (params[name] = decodeURIComponent(values[i])));
  return params;
}
