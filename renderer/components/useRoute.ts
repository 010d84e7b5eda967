// The current view, from the URL hash (so `#/benchmark` opens the Benchmark view directly and
// the back button works); shared/ui/route.ts decides what a hash means.
import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from '../../shared/ui/route.js';

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((next: Route) => {
    if (window.location.hash !== routeHash(next)) window.location.hash = routeHash(next);
    setRoute(next);
  }, []);
  return [route, go];
}
