// The API routes, derived from the contract (routeOf): one per key, nothing else.
import { CONTRACT_KEYS, routeOf, type ContractKey } from '../../../shared/contract/contract.js';

export type RouteMatch = { kind: 'route'; key: ContractKey } | { kind: 'not-found' } | { kind: 'wrong-method'; allow: string };

export const API_PREFIX = '/api/';

export function apiRoutes(): { key: ContractKey; method: 'GET' | 'POST'; path: string }[] {
  return CONTRACT_KEYS.map((key) => ({ key, ...routeOf(key) }));
}

export function matchApiRoute(method: string, pathname: string): RouteMatch {
  const route = apiRoutes().find((r) => r.path === pathname);
  if (route === undefined) return { kind: 'not-found' };
  const accepted = route.method === 'GET' ? ['GET', 'HEAD'] : ['POST'];
  if (!accepted.includes(method)) return { kind: 'wrong-method', allow: route.method };
  return { kind: 'route', key: route.key };
}
