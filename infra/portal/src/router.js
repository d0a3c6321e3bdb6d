// Hash routes (#/organisations/…): the gateway serves one index.html and every route works on reload.
import { signal } from './state.js';

export const route = signal(currentPath());

function currentPath() {
  if (typeof window === 'undefined') return '/';
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : `/${hash}`;
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', () => route.set(currentPath()));

/** The first pattern ("/organisations/:id/effectif") that matches {@code path}, with its parameters. */
export function match(path, patterns) {
  const [pathOnly, query = ''] = path.split('?');
  const parts = pathOnly.split('/').filter(Boolean);
  for (const [pattern, page] of patterns) {
    const wanted = pattern.split('/').filter(Boolean);
    if (wanted.length !== parts.length) continue;
    const params = {};
    const ok = wanted.every((w, i) => {
      if (w.startsWith(':')) { params[w.slice(1)] = decodeURIComponent(parts[i]); return true; }
      return w === parts[i];
    });
    if (ok) return { page, params, query: new URLSearchParams(query) };
  }
  return null;
}

export const href = (path) => `#${path}`;
