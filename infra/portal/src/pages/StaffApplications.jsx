import { t, date, statusLabel } from '../i18n.js';
import { api, all } from '../api.js';
import { Page, Loaded, useLoad, Form } from '../components.jsx';

/** Membership applications waiting in the staff member's networks, each approved in one step. */
export function StaffApplications({ session }) {
  const networks = session.networkIds ?? [];
  const state = useLoad(async () => {
    const lists = await Promise.all(networks.map((n) => all(`/api/membership/memberships?networkId=${n}&status=APPLIED`)));
    const applications = lists.flat();
    const names = {};
    await Promise.all([...new Set(applications.map((a) => a.organizationId))].map(async (id) => {
      try { names[id] = (await api(`/api/membership/organizations/${id}`)).legalName; } catch (e) { names[id] = id; }
    }));
    return { applications, names };
  }, [networks.join()]);
  return (
    <Page title={t('staff.title')}>
      <Loaded state={state}>{({ applications, names }) => (applications.length === 0 ? <p>{t('staff.none')}</p> : (
        <ul class="list">
          {applications.map((a) => {
            const name = names[a.organizationId];
            const approve = async () => {
              const approved = await api(`/api/membership/memberships/${a.id}/approval`, { method: 'POST', body: {}, version: a.version });
              return t('staff.approved', { name, status: statusLabel(approved.status) });
            };
            return (
              <li class="card application" data-membership={a.id}>
                <h2>{name}</h2>
                <dl class="facts">
                  <dt>{t('orgs.network')}</dt><dd>{a.networkId}</dd>
                  <dt>{t('orgs.category')}</dt><dd>{a.category}</dd>
                  <dt>{t('staff.applied')}</dt><dd>{date(a.appliedOn)}</dd>
                  <dt>{t('common.status')}</dt><dd>{statusLabel(a.status)}</dd>
                </dl>
                <Form action={approve} submitLabel={t('staff.approve')} class="inline-form" />
              </li>
            );
          })}
        </ul>
      ))}</Loaded>
    </Page>
  );
}
