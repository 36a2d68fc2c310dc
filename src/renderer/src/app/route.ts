// Routing lives in the URL hash so a reload (or a bookmark in browser mode) returns to the same place, and so
// it works both from file:// in the desktop app and from the local server, without server-side routes.

export type Route = { page: 'datasets' } | { page: 'dataset'; id: string };

const DATASET_ID = /^ds_[0-9a-z]{6,40}$/;

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '');
  if (path === '/datasets' || path === '/datasets/') return { page: 'datasets' };
  const match = /^\/datasets\/([^/]+)$/.exec(path);
  if (match && DATASET_ID.test(match[1])) return { page: 'dataset', id: match[1] };
  return null;
}

export function routeHref(route: Route): string {
  return route.page === 'dataset' ? `#/datasets/${route.id}` : '#/datasets';
}
