import type { AppRoute, RouteParams } from './app-route.ts';

type Compiled = { route: AppRoute; parts: string[] };

/** Matches a pathname against route patterns ("/nachrichten/:id"); first match wins. */
export function routeMatcher(routes: AppRoute[]): (pathname: string) => { route: AppRoute; params: RouteParams } | null {
  const compiled: Compiled[] = routes.map((route) => ({ route, parts: segments(route.path) }));
  return (pathname) => {
    const actual = segments(pathname);
    for (const { route, parts } of compiled) {
      if (parts.length !== actual.length) continue;
      const params: RouteParams = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const p = parts[i]!;
        if (p.startsWith(':')) {
          const value = safeDecode(actual[i]!);
          if (value === null) ok = false;
          else params[p.slice(1)] = value;
        } else ok = p === actual[i];
      }
      if (ok) return { route, params };
    }
    return null;
  };
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
