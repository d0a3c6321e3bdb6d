// Calls to the platform's API through the gateway, on the same origin: the session cookie (HttpOnly, never read
// here) identifies the person and the gateway relays their token; no token ever reaches this code. Unsafe methods
// carry the CSRF token the gateway puts in the XSRF-TOKEN cookie. Errors are the API's problem details, asked for
// in the chosen language.
import { language } from './i18n.js';
import { loadSession } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : null;
}

/** The ETag a resource's version gives (the services' format), for If-Match. */
export const versionTag = (version) => `"${version}"`;

export async function api(path, { method = 'GET', body, version, contentType } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': language.get() };
  // A contentType says the body is already text in that type (a CSV file); otherwise it is sent as JSON.
  if (body !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
  if (version !== undefined && version !== null) headers['If-Match'] = versionTag(version);
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined || contentType ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { title: null, detail: null, network: true });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = { detail: text }; }
  }
  if (response.status === 401) {
    // The gateway ended the session (its tokens could not be refreshed): the page then offers to sign in again.
    await loadSession();
  }
  if (!response.ok) {
    throw new ApiError(response.status, json ?? {});
  }
  return json;
}

/** Every item of a paged list (bounded: a portal page never needs more than a few hundred). */
export async function all(path, size = 100) {
  const separator = path.includes('?') ? '&' : '?';
  const first = await api(`${path}${separator}page=0&size=${size}`);
  const items = [...first.items];
  for (let page = 1; page < Math.min(first.totalPages, 5); page += 1) {
    items.push(...(await api(`${path}${separator}page=${page}&size=${size}`)).items);
  }
  return items;
}
