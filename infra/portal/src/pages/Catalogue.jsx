import { useState } from 'preact/hooks';
import { t, date, money, number, statusLabel } from '../i18n.js';
import { api, all } from '../api.js';
import { href } from '../router.js';
import { hasRole } from '../session.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';

const dates = (s) => (s.endDate && s.endDate !== s.startDate ? `${date(s.startDate)} – ${date(s.endDate)}` : date(s.startDate));

/**
 * The price an organization should expect: the member price when it is a member in good standing of the network
 * giving the session. Training decides (from the standing it learned from membership's events) and answers the
 * price with the registration; this is only shown beforehand.
 */
export function expectedPrice(session, memberships) {
  const member = (memberships ?? []).some((m) => m.networkId === session.networkId && m.goodStanding);
  return { member, price: member ? session.memberPrice : session.nonMemberPrice };
}

function RegisterForm({ session, org, employees, memberships, onDone }) {
  const active = employees.filter((e) => !e.endDate);
  const [employeeId, setEmployeeId] = useState(active[0]?.id ?? '');
  const expected = expectedPrice(session, memberships);
  const register = async () => {
    const r = await api(`/api/training/sessions/${session.id}/registrations`, { method: 'POST', body: { organizationId: org, employeeId } });
    onDone?.();
    return t('catalogue.registered', { name: `${r.firstName} ${r.lastName}`, status: statusLabel(r.status), price: money(r.price),
      kind: t(r.memberPrice ? 'catalogue.kind.member' : 'catalogue.kind.nonMember') });
  };
  return (
    <Form action={register} submitLabel={t('catalogue.register')} class="inline-form">
      <Field label={t('catalogue.employee')} name={`employe-${session.id}`} value={employeeId} onInput={setEmployeeId} required>
        {active.map((e) => <option value={e.id}>{e.firstName} {e.lastName}</option>)}
      </Field>
      <p class="hint">{t('catalogue.expected', { price: money(expected.price), kind: t(expected.member ? 'catalogue.kind.member' : 'catalogue.kind.nonMember') })}</p>
    </Form>
  );
}

/** The open sessions; with an organization, its expected price and a registration form on each. */
export function SessionTable({ sessions, org, employees, memberships, onRegistered }) {
  if (sessions.length === 0) return <p>{t('catalogue.empty')}</p>;
  return (
    <ul class="list sessions">
      {sessions.map((s) => {
        const expected = org ? expectedPrice(s, memberships) : null;
        return (
          <li class="card session" data-session={s.id}>
            <h2>{s.courseTitle}</h2>
            <dl class="facts">
              <dt>{t('catalogue.dates')}</dt><dd>{dates(s)}</dd>
              <dt>{t('catalogue.place')}</dt><dd>{s.location ?? s.mode}</dd>
              <dt>{t('attest.hours')}</dt><dd>{number(s.hours)}</dd>
              <dt>{t('catalogue.seats')}</dt><dd>{s.seatsLeft}</dd>
              <dt>{t('catalogue.memberPrice')}</dt><dd>{money(s.memberPrice)}</dd>
              <dt>{t('catalogue.nonMemberPrice')}</dt><dd>{money(s.nonMemberPrice)}</dd>
              {expected && <><dt>{t('catalogue.yourPrice')}</dt><dd class="your-price">{money(expected.price)}</dd></>}
            </dl>
            {org && <RegisterForm session={s} org={org} employees={employees} memberships={memberships} onDone={onRegistered} />}
          </li>
        );
      })}
    </ul>
  );
}

export const openSessions = () => api('/api/training/sessions?status=OPEN&size=50').then((p) => p.items);

export function Catalogue({ session }) {
  const state = useLoad(openSessions);
  const orgs = session.authenticated && hasRole(session, 'org-admin') ? session.organizationIds ?? [] : [];
  return (
    <Page title={t('catalogue.title')}>
      <p>{t('catalogue.intro')}</p>
      {orgs.length > 0 && (
        <ul class="inline-list">{orgs.map((o) => <li><a href={href(`/organisations/${o}/inscriptions`)}>{t('org.training')} · {o}</a></li>)}</ul>
      )}
      <Loaded state={state}>{(sessions) => <SessionTable sessions={sessions} />}</Loaded>
    </Page>
  );
}
