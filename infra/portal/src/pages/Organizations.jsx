import { t, date, money, statusLabel } from '../i18n.js';
import { api, all } from '../api.js';
import { href } from '../router.js';
import { Page, Loaded, useLoad } from '../components.jsx';
import { ORGANIZATION_SECTIONS } from '../organization.js';

/** An organization the person acts for, with its memberships; null profile when it is not registered yet. */
export async function loadOrganization(id) {
  let profile = null;
  try {
    profile = await api(`/api/membership/organizations/${id}`);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  const memberships = profile ? await all(`/api/membership/memberships?organizationId=${id}`) : [];
  return { id, profile, memberships };
}

export function Memberships({ memberships }) {
  if (memberships.length === 0) return <p>{t('common.none')}</p>;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('orgs.memberships')}>
      <table>
        <caption>{t('orgs.memberships')}</caption>
        <thead><tr><th scope="col">{t('orgs.network')}</th><th scope="col">{t('orgs.category')}</th>
          <th scope="col">{t('common.status')}</th><th scope="col">{t('orgs.goodStanding')}</th>
          <th scope="col">{t('orgs.periodEnd')}</th><th scope="col">{t('orgs.amountDue')}</th></tr></thead>
        <tbody>
          {memberships.map((m) => (
            <tr><td>{m.networkId}</td><td>{m.category}</td><td>{statusLabel(m.status)}</td>
              <td>{m.goodStanding ? t('common.yes') : t('common.no')}</td><td>{date(m.periodEnd)}</td>
              <td>{m.amountDue === undefined ? '' : money(m.amountDue)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Organizations({ session }) {
  const ids = session.organizationIds ?? [];
  const state = useLoad(() => Promise.all(ids.map(loadOrganization)), [ids.join()]);
  return (
    <Page title={t('orgs.title')}>
      {ids.length === 0 ? <p>{t('orgs.none')}</p> : (
        <Loaded state={state}>{(orgs) => (
          <ul class="list">
            {orgs.map((o) => (
              <li class="card">
                <h2><a href={href(`/organisations/${o.id}`)}>{o.profile?.legalName ?? o.id}</a></h2>
                {o.profile ? <Memberships memberships={o.memberships} /> : <p>{t('orgs.notRegistered')}</p>}
              </li>
            ))}
          </ul>
        )}</Loaded>
      )}
    </Page>
  );
}

/** The sections of one organization, as a secondary navigation. */
export function OrgNav({ org, current }) {
  const sections = [['', 'org.overview'], ['/effectif', 'org.roster'], ['/inscriptions', 'org.training'],
    ['/attestations', 'org.attestations'], ['/assurance', 'org.insurance'], ...ORGANIZATION_SECTIONS];
  return (
    <nav aria-label={t('org.sections')} class="sub-nav">
      <ul>{sections.map(([suffix, key]) => (
        <li><a href={href(`/organisations/${org}${suffix}`)} aria-current={current === suffix ? 'page' : undefined}>{t(key)}</a></li>
      ))}</ul>
    </nav>
  );
}

export function OrganizationOverview({ org }) {
  const state = useLoad(() => loadOrganization(org), [org]);
  return (
    <Page title={state.data?.profile?.legalName ?? t('org.overview')}>
      <OrgNav org={org} current="" />
      <Loaded state={state}>{(o) => (o.profile ? (
        <>
          <dl class="facts">
            <dt>NEQ</dt><dd>{o.profile.neq}</dd>
            <dt>{t('orgs.category')}</dt><dd>{o.profile.legalForm}</dd>
          </dl>
          <Memberships memberships={o.memberships} />
        </>
      ) : <p>{t('orgs.notRegistered')}</p>)}</Loaded>
    </Page>
  );
}
