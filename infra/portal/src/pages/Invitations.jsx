import { useState } from 'preact/hooks';
import { t, date } from '../i18n.js';
import { api, all } from '../api.js';
import { href } from '../router.js';
import { Page, Loaded, useLoad, Field, Form, Problem } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';
import { revocable, grantDestination } from '../organization.js';

const dateTime = (iso) => (iso ? date(iso) : '');

function InviteForm({ org, employees, onDone }) {
  const current = employees.filter((e) => !e.endDate);
  const [form, setForm] = useState({ role: 'ORG_ADMIN', email: '', employeeId: current[0]?.id ?? '' });
  const [sent, setSent] = useState(null);
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const invite = async () => {
    setSent(null);
    const body = { role: form.role, email: form.email, organizationId: org,
      employeeId: form.role === 'EMPLOYEE' ? form.employeeId || null : null };
    const answer = await api('/api/membership/invitations', { method: 'POST', body });
    setSent(answer);
    setForm({ ...form, email: '' });
    onDone();
    return t('access.invited', { email: answer.invitation.email });
  };
  return (
    <section class="card" aria-labelledby="inviter">
      <h2 id="inviter">{t('access.invite')}</h2>
      <Form action={invite} submitLabel={t('access.send')} class="form grid">
        <Field label={t('access.role')} name="role" value={form.role} onInput={set('role')}>
          {['ORG_ADMIN', 'EMPLOYEE'].map((r) => <option value={r}>{t(`access.role.${r}`)}</option>)}
        </Field>
        <Field label={t('access.email')} name="email" type="email" required value={form.email} onInput={set('email')} autocomplete="off" />
        {form.role === 'EMPLOYEE' && (
          <Field label={t('access.employee')} name="employeeId" required value={form.employeeId} onInput={set('employeeId')}>
            {current.map((e) => <option value={e.id}>{e.firstName} {e.lastName}</option>)}
          </Field>
        )}
      </Form>
      {sent && (
        <div class="card invitation-code" role="region" aria-label={t('access.codeTitle')}>
          <p><strong>{t('access.codeTitle')}</strong></p>
          <p class="code" id="code-invitation">{sent.code}</p>
          <p class="hint">{t('access.codeHint', { email: sent.invitation.email, date: dateTime(sent.invitation.expiresAt) })}</p>
        </div>
      )}
    </section>
  );
}

function Revoke({ grant, onDone }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true); setError(null);
    try {
      await api(`/api/membership/grants/${grant.id}/revocation`, { method: 'POST' });
      onDone(t(grant.status === 'ACTIVE' ? 'access.revoked' : 'access.withdrawn', { email: grant.email ?? '' }));
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <>
      <button type="button" class="secondary" disabled={busy} onClick={revoke}>
        {t(grant.status === 'ACTIVE' ? 'access.revoke' : 'access.withdraw')}<span class="visually-hidden"> : {grant.email}</span></button>
      <Problem error={error} />
    </>
  );
}

/** Who may act for the organization: administrators and employees with an account, invitations under way. */
export function OrganizationAccess({ org }) {
  const state = useLoad(async () => {
    const [grants, employees] = await Promise.all([all(`/api/membership/grants?organizationId=${org}`),
      all(`/api/membership/organizations/${org}/employees`)]);
    return { grants, employees };
  }, [org]);
  const [message, setMessage] = useState(null);
  return (
    <Page title={t('access.title')}>
      <OrgNav org={org} current="/acces" />
      <p>{t('access.intro')}</p>
      {message && <p class="notice" role="status">{message}</p>}
      <Loaded state={state}>{({ grants, employees }) => (
        <>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('access.list')}>
            <table id="acces">
              <caption>{t('access.list')}</caption>
              <thead><tr><th scope="col">{t('access.email')}</th><th scope="col">{t('access.role')}</th>
                <th scope="col">{t('common.status')}</th><th scope="col">{t('common.date')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
              <tbody>{grants.map((g) => (
                <tr data-grant={g.id}><th scope="row">{g.email ?? g.userId}</th><td>{t(`access.role.${g.role}`)}</td>
                  <td class="grant-status">{t(`access.status.${g.status}`)}</td>
                  <td>{dateTime(g.revokedAt ?? g.acceptedAt ?? g.grantedAt ?? g.invitedAt)}</td>
                  <td>{revocable(g) ? <Revoke grant={g} onDone={(text) => { setMessage(text); state.reload(); }} /> : ''}</td></tr>
              ))}</tbody>
            </table>
          </div>
          <InviteForm org={org} employees={employees} onDone={() => { setMessage(null); state.reload(); }} />
        </>
      )}</Loaded>
    </Page>
  );
}

/** Anyone signed in: accept an invitation with its code, and see one's own accesses. */
export function AcceptInvitation({ query }) {
  const [code, setCode] = useState(query?.get('code') ?? '');
  const [accepted, setAccepted] = useState(null);
  const mine = useLoad(() => api('/api/membership/grants/mine'));
  const accept = async () => {
    setAccepted(null);
    const grant = await api('/api/membership/invitations/acceptance', { method: 'POST', body: { code: code.trim() } });
    setAccepted(grant);
    mine.reload();
    return t('access.acceptedAs', { role: t(`access.role.${grant.role}`) });
  };
  return (
    <Page title={t('access.acceptTitle')}>
      <p>{t('access.acceptIntro')}</p>
      <Form action={accept} submitLabel={t('access.accept')}>
        <Field label={t('access.code')} name="code" required value={code} onInput={setCode} autocomplete="off" />
      </Form>
      {accepted && <p><a class="button" href={href(grantDestination(accepted))} id="suite-invitation">{t('access.continue')}</a></p>}
      <section aria-labelledby="mes-acces">
        <h2 id="mes-acces">{t('access.mine')}</h2>
        <Loaded state={mine}>{(grants) => (grants.length === 0 ? <p>{t('common.none')}</p> : (
          <ul class="list" id="liste-mes-acces">{grants.map((g) => (
            <li class="card"><strong>{t(`access.role.${g.role}`)}</strong> · {t(`access.status.${g.status}`)}
              {g.organizationId && <> · <a href={href(grantDestination(g))}>{g.organizationId}</a></>}</li>
          ))}</ul>
        ))}</Loaded>
      </section>
    </Page>
  );
}
