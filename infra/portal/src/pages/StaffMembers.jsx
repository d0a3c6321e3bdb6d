import { useState } from 'preact/hooks';
import { t, date, money, statusLabel } from '../i18n.js';
import { api, all } from '../api.js';
import { Page, Loaded, useLoad, Field } from '../components.jsx';

const STATUSES = ['ACTIVE', 'RENEWAL_DUE', 'IN_GRACE', 'APPROVED', 'APPLIED', 'LAPSED', 'SUSPENDED'];

/** The members of the staff member's networks, by status, with what each owes. */
export function StaffMembers({ session }) {
  const networks = session.networkIds ?? [];
  const [network, setNetwork] = useState(networks[0] ?? '');
  const [status, setStatus] = useState('ACTIVE');
  const state = useLoad(async () => {
    if (!network) return { members: [], names: {} };
    const members = await all(`/api/membership/memberships?networkId=${encodeURIComponent(network)}&status=${status}`);
    const names = {};
    await Promise.all([...new Set(members.map((m) => m.organizationId))].map(async (id) => {
      try { names[id] = (await api(`/api/membership/organizations/${id}`)).legalName; } catch (e) { names[id] = id; }
    }));
    return { members, names };
  }, [network, status]);
  return (
    <Page title={t('members.title')}>
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('orgs.network')} name="network" value={network} onInput={setNetwork}>
          {networks.map((n) => <option value={n}>{n}</option>)}
        </Field>
        <Field label={t('common.status')} name="status" value={status} onInput={setStatus}>
          {STATUSES.map((s) => <option value={s}>{statusLabel(s)}</option>)}
        </Field>
      </form>
      <Loaded state={state}>{({ members, names }) => (members.length === 0 ? <p>{t('common.none')}</p> : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('members.title')}>
          <table>
            <caption>{t('members.count', { count: members.length })}</caption>
            <thead><tr><th scope="col">{t('members.organization')}</th><th scope="col">{t('orgs.category')}</th>
              <th scope="col">{t('common.status')}</th><th scope="col">{t('orgs.periodEnd')}</th>
              <th scope="col">{t('orgs.amountDue')}</th></tr></thead>
            <tbody>{members.map((m) => (
              <tr><th scope="row">{names[m.organizationId]}</th><td>{m.category}</td><td>{statusLabel(m.status)}</td>
                <td>{date(m.periodEnd)}</td><td>{m.amountDue === undefined ? '' : money(m.amountDue)}</td></tr>
            ))}</tbody>
          </table>
        </div>
      ))}</Loaded>
    </Page>
  );
}
