import { DOWNLOAD_ROUTES } from './download-routes';
import { ErrorFamily } from './errors';
import { Layout } from './route-context';
import { RouteDefinition } from './route-definition';
import { V1_ROUTES } from './v1-routes';
import { V2_ROUTES } from './v2-routes';
import { EXPERIMENTAL_ROUTES } from './v1-write-routes';

/** A route as the contract test sees it: full path template, API family, layout, and the spec path it implements. */
export interface RouteInfo {
  method: string;
  path: string;
  family: 'v1' | 'v2' | 'download' | 'experimental';
  layout: Layout;
  prefix: string;
  template: string;
  specPath: string | null;
}

interface MountedRoute extends RouteInfo {
  pattern: RegExp;
  paramNames: string[];
  handler: RouteDefinition['handler'];
  public: boolean;
}

/** The outcome of routing a path: the route and its decoded path parameters. */
export interface RouteMatch {
  route: MountedRoute;
  params: Record<string, string>;
}

/** How a path is classified: its layout, error envelope and site context path. */
export interface PathClass {
  layout: Layout;
  family: ErrorFamily;
  contextPath: string;
}

const CLOUD_CONTEXT = '/wiki';

/** Maps request paths to handlers for both layouts: Cloud (`/wiki/...`) and Data Center (root or its context path). */
export class SandboxRouter {
  private readonly routes: MountedRoute[] = [];

  /** `dcContextPath` is the Data Center context path, e.g. `/confluence`, or '' for the root. */
  constructor(private readonly dcContextPath = '') {
    this.mount(V1_ROUTES, `${CLOUD_CONTEXT}/rest/api`, 'v1', 'cloud');
    this.mount(V2_ROUTES, `${CLOUD_CONTEXT}/api/v2`, 'v2', 'cloud');
    this.mount(DOWNLOAD_ROUTES, CLOUD_CONTEXT, 'download', 'cloud');
    this.mount(V1_ROUTES, `${dcContextPath}/rest/api`, 'v1', 'dc');
    this.mount(EXPERIMENTAL_ROUTES, `${dcContextPath}/rest/experimental`, 'experimental', 'dc');
    this.mount(DOWNLOAD_ROUTES, dcContextPath, 'download', 'dc');
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

  /** Layout, error envelope and context path for any path, including ones no route serves. */
  classify(path: string): PathClass {
    if (path.startsWith(`${CLOUD_CONTEXT}/api/v2`)) return { layout: 'cloud', family: 'v2', contextPath: CLOUD_CONTEXT };
    if (isUnder(path, CLOUD_CONTEXT)) return { layout: 'cloud', family: 'v1', contextPath: CLOUD_CONTEXT };
    return { layout: 'dc', family: 'v1', contextPath: this.dcContextPath };
  }

  private mount(definitions: RouteDefinition[], prefix: string, family: RouteInfo['family'], layout: Layout): void {
    for (const def of definitions) {
      if (def.layouts && !def.layouts.includes(layout)) continue;
      const path = prefix + def.template;
      const paramNames = [...def.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '([^/]+)')}/?$`);
      this.routes.push({
        method: def.method, path, family, layout, prefix, template: def.template, specPath: def.specPath, pattern, paramNames,
        handler: def.handler, public: def.public === true,
      });
    }
  }
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function decodeParams(names: string[], values: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, i) => (params[name] = decodeURIComponent(values[i])));
  return params;
}
