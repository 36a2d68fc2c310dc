import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './route';

const DEFAULT_ROUTE: Route = { page: 'datasets' };

function currentRoute(): Route {
  return parseRoute(window.location.hash) ?? DEFAULT_ROUTE;
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(currentRoute);

  useEffect(() => {
    // An empty or unknown hash is replaced rather than pushed, so Back does not lead to a page that only redirects.
    if (!parseRoute(window.location.hash)) window.history.replaceState(null, '', routeHref(DEFAULT_ROUTE));
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback((next: Route) => {
    const href = routeHref(next);
    if (window.location.hash !== href) window.location.hash = href;
    else setRoute(next);
  }, []);

  return [route, navigate];
}
