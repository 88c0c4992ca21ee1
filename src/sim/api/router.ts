import type { Route } from './route.js';

interface CompiledRoute {
  route: Route;
  segments: Array<{ literal: string } | { param: string }>;
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

/** Finds the route for a method and an API path; path segments are percent-decoded (UPIDs often arrive encoded). */
export class Router {
  private readonly byMethod = new Map<string, CompiledRoute[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const segments = route.template
        .split('/')
        .filter(Boolean)
        .map((part) => (/^\{.+\}$/.test(part) ? { param: part.slice(1, -1) } : { literal: part }));
      const list = this.byMethod.get(route.method) ?? [];
      list.push({ route, segments });
      this.byMethod.set(route.method, list);
    }
  }

  match(method: string, path: string): RouteMatch | undefined {
    const parts = path.split('/').filter(Boolean).map(decodeSegment);
    for (const { route, segments } of this.byMethod.get(method) ?? []) {
      if (segments.length !== parts.length) continue;
      const pathParams: Record<string, string> = {};
      const fits = segments.every((segment, index) => {
        const part = parts[index]!;
        if ('literal' in segment) return segment.literal === part;
        pathParams[segment.param] = part;
        return part !== '';
      });
      if (fits) return { route, pathParams };
    }
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
