// Who is signed in, as the gateway's session says (GET /portal/session): name, roles, organizations, networks.
// The tokens stay at the gateway.
import { signal } from './state.js';

export const session = signal({ loaded: false, authenticated: false });

export async function loadSession() {
  try {
    const response = await fetch('/portal/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = response.ok ? await response.json() : { authenticated: false };
    session.set({ loaded: true, ...body });
  } catch (e) {
    session.set({ loaded: true, authenticated: false });
  }
}

export const hasRole = (s, role) => (s.roles ?? []).includes(role);

/** Sign-in: a full navigation to the gateway, which runs the authorization code flow with PKCE at the issuer. */
export const SIGN_IN_URL = '/oauth2/authorization/esac';
