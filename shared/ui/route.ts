// The dashboard's routes, kept in the URL hash so the Electron benchmark window can open
// `#/benchmark` directly and the browser's back button moves between views.
export const ROUTES = ['overview', 'chain', 'benchmark', 'history', 'profiles', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

/** '#/benchmark' → 'benchmark'; anything unknown (or the headless token fragment) → 'overview'. */
export function parseRoute(hash: string): Route {
  const m = /^#\/([a-z]+)\/?$/.exec(hash);
  const name = m?.[1];
  return name !== undefined && (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
}

export function routeHash(route: Route): string {
  return `#/${route}`;
}

/** The route after `route` when moving by `delta` along the tab list (arrow keys), wrapping around. */
export function stepRoute(route: Route, delta: number): Route {
  const i = ROUTES.indexOf(route);
  const n = ROUTES.length;
  return ROUTES[(((i + delta) % n) + n) % n]!;
}
