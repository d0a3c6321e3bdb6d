import { t } from '../i18n.js';
import { href } from '../router.js';
import { Page, Field } from '../components.jsx';
import { api } from '../api.js';

/** The network staff's pages, in the order of a staff member's year. */
export const STAFF_PAGES = [
  ['/personnel/demandes', 'nav.staff'],
  ['/personnel/membres', 'nav.members'],
  ['/personnel/cotisations', 'sp.nav.fees'],
  ['/personnel/votants', 'sp.nav.voters'],
  ['/personnel/chiffres', 'sp.nav.figures'],
  ['/personnel/seances', 'sp.nav.sessions'],
  ['/personnel/pamt', 'sp.nav.pamt'],
  ['/personnel/assurance', 'sp.nav.insurance'],
  ['/personnel/programme', 'sp.nav.programme'],
  ['/personnel/lettres-mortes', 'sp.nav.deadLetters'],
];

/** The staff pages' own menu, under the main one. */
export function StaffNav({ current }) {
  return (
    <nav class="sub-nav" aria-label={t('sp.nav.label')}>
      <ul>
        {STAFF_PAGES.map(([path, key]) => (
          <li><a href={href(path)} aria-current={current === path ? 'page' : undefined}>{t(key)}</a></li>
        ))}
      </ul>
    </nav>
  );
}

/** Where network staff start: every staff page with what it is for. */
export function StaffHome() {
  return (
    <Page title={t('sp.home.title')}>
      <p class="lead">{t('sp.home.intro')}</p>
      <ul class="cards list">
        {STAFF_PAGES.map(([path, key]) => (
          <li class="card"><h2><a href={href(path)}>{t(key)}</a></h2><p>{t(`${key}.about`)}</p></li>
        ))}
      </ul>
    </Page>
  );
}

/** The network chooser every staff page starts with (staff act in their own networks only). */
export function NetworkField({ networks, value, onInput }) {
  return (
    <Field label={t('orgs.network')} name="network" value={value} onInput={onInput}>
      {networks.map((n) => <option value={n}>{n}</option>)}
    </Field>
  );
}

/** The legal names of organizations by id (the id itself when one cannot be read). */
export async function organizationNames(ids) {
  const names = {};
  await Promise.all([...new Set(ids)].map(async (id) => {
    try { names[id] = (await api(`/api/membership/organizations/${id}`)).legalName; } catch (e) { names[id] = id; }
  }));
  return names;
}
