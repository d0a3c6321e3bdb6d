import { useState } from 'preact/hooks';
import { t, date, money, statusLabel } from '../i18n.js';
import { api } from '../api.js';
import { Page, Loaded, useLoad, Problem, Notice } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';
import { cancellable, followedSessions } from '../organization.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The organization's registrations in sessions not over yet (training answers an organization its own only). */
async function loadRegistrations() {
  const sessions = followedSessions((await api(`/api/training/sessions?from=${today()}&size=100`)).items, today());
  const pages = await Promise.all(sessions.map((s) => api(`/api/training/sessions/${s.id}/registrations?size=100`)));
  return pages.flatMap((p) => p.items).sort((a, b) => a.startDate.localeCompare(b.startDate)
    || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
}

function CancelButton({ registration, onDone }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const name = `${registration.firstName} ${registration.lastName}`;
  const cancel = async () => {
    setBusy(true); setError(null);
    try {
      const r = await api(`/api/training/sessions/${registration.sessionId}/registrations/${registration.id}/cancel`, { method: 'POST' });
      onDone(t(r.lateCancellation ? 'reg.cancelledLate' : 'reg.cancelled', { name }));
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <>
      <button type="button" class="secondary" disabled={busy} onClick={cancel}>
        {t('reg.cancel')}<span class="visually-hidden"> : {name}, {registration.courseTitle}</span></button>
      <Problem error={error} />
    </>
  );
}

/** Registrations of the organization's people: confirmed or on the waitlist (with their rank), and cancellation. */
export function Registrations({ org }) {
  const state = useLoad(loadRegistrations, [org]);
  const [message, setMessage] = useState(null);
  return (
    <Page title={t('reg.title')}>
      <OrgNav org={org} current="/suivi-inscriptions" />
      <p>{t('reg.intro')}</p>
      <Notice text={message} />
      <Loaded state={state}>{(registrations) => (registrations.length === 0 ? <p>{t('reg.none')}</p> : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('reg.title')}>
          <table id="inscriptions-organisation">
            <caption>{t('reg.count', { count: registrations.length })}</caption>
            <thead><tr><th scope="col">{t('roster.name')}</th><th scope="col">{t('catalogue.course')}</th>
              <th scope="col">{t('common.date')}</th><th scope="col">{t('common.status')}</th>
              <th scope="col">{t('reg.price')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
            <tbody>{registrations.map((r) => (
              <tr data-registration={r.id}><th scope="row">{r.firstName} {r.lastName}</th><td>{r.courseTitle}</td><td>{date(r.startDate)}</td>
                <td class="registration-status">{statusLabel(r.status)}
                  {r.status === 'WAITLISTED' && r.waitlistPosition ? ` · ${t('reg.position', { position: r.waitlistPosition })}` : ''}
                  {r.promotedFromWaitlist ? ` · ${t('reg.promoted')}` : ''}</td>
                <td>{r.price === null || r.price === undefined ? ''
                  : `${money(r.price)} (${t(r.memberPrice ? 'catalogue.kind.member' : 'catalogue.kind.nonMember')})`}</td>
                <td>{cancellable(r, today())
                  ? <CancelButton registration={r} onDone={(text) => { setMessage(text); state.reload(); }} />
                  : (r.cancelledOn ? t('reg.cancelledOn', { date: date(r.cancelledOn) }) : '')}</td></tr>
            ))}</tbody>
          </table>
        </div>
      ))}</Loaded>
    </Page>
  );
}
