import { useState } from 'preact/hooks';
import { t, date, money, number, statusLabel, language } from '../i18n.js';
import { api, all } from '../api.js';
import { href } from '../router.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';
import { StaffNav, NetworkField, organizationNames } from './StaffHome.jsx';
import { quebecToday, sessionActions, attendanceEntries } from '../staff.js';

const MODES = ['IN_PERSON', 'ONLINE_SYNCHRONOUS', 'SELF_PACED'];
const localized = (text) => (text ? (text[language.get()] || text.fr) : '');

function Schedule({ courses, onDone }) {
  const today = quebecToday();
  const [form, setForm] = useState({ courseId: courses[0]?.id ?? '', startDate: today, endDate: today, hours: '',
    mode: 'IN_PERSON', location: '', seats: '12', memberPrice: '', nonMemberPrice: '', registrationDeadline: today });
  const set = (field) => (value) => setForm({ ...form, [field]: value });
  const num = (v) => (v === '' ? null : Number(String(v).replace(',', '.')));
  const schedule = async () => {
    const created = await api('/api/training/sessions', { method: 'POST', body: { ...form, hours: num(form.hours),
      seats: num(form.seats), memberPrice: num(form.memberPrice), nonMemberPrice: num(form.nonMemberPrice),
      location: form.location || null } });
    onDone();
    return t('sp.sessions.scheduled', { course: created.courseTitle, date: date(created.startDate) });
  };
  if (courses.length === 0) return <p>{t('sp.sessions.noCourse')}</p>;
  return (
    <Form action={schedule} submitLabel={t('sp.sessions.schedule')} class="form grid">
      <Field label={t('catalogue.course')} name="courseId" required value={form.courseId} onInput={set('courseId')}>
        {courses.map((c) => <option value={c.id}>{localized(c.title)}</option>)}
      </Field>
      <Field label={t('sp.sessions.start')} name="startDate" type="date" required value={form.startDate} onInput={set('startDate')} />
      <Field label={t('sp.sessions.end')} name="endDate" type="date" required value={form.endDate} onInput={set('endDate')} />
      <Field label={t('sp.sessions.hours')} name="hours" type="number" min="0.5" step="0.5" value={form.hours} onInput={set('hours')} />
      <Field label={t('sp.sessions.mode')} name="mode" required value={form.mode} onInput={set('mode')}>
        {MODES.map((m) => <option value={m}>{t(`sp.mode.${m}`)}</option>)}
      </Field>
      <Field label={t('catalogue.place')} name="location" value={form.location} onInput={set('location')} />
      <Field label={t('sp.sessions.seats')} name="seats" type="number" min="1" step="1" value={form.seats} onInput={set('seats')} />
      <Field label={t('catalogue.memberPrice')} name="memberPrice" type="number" min="0" step="0.01" required value={form.memberPrice} onInput={set('memberPrice')} />
      <Field label={t('catalogue.nonMemberPrice')} name="nonMemberPrice" type="number" min="0" step="0.01" required value={form.nonMemberPrice} onInput={set('nonMemberPrice')} />
      <Field label={t('sp.sessions.deadline')} name="registrationDeadline" type="date" required value={form.registrationDeadline} onInput={set('registrationDeadline')} />
    </Form>
  );
}

/** One step of a session's life (open, close, complete), by one button. */
function SessionAction({ session, action, onDone }) {
  const run = async () => {
    const after = await api(`/api/training/sessions/${session.id}/${action}`, { method: 'POST' });
    onDone();
    return t('sp.sessions.now', { status: t(`sp.session.${after.status}`) });
  };
  return <Form action={run} submitLabel={t(`sp.sessions.${action}`)} class="inline-form" />;
}

/** The network's sessions: schedule one, open and close registrations, record attendance, complete. */
export function StaffSessions({ session }) {
  const networks = session.networkIds ?? [];
  const [network, setNetwork] = useState(networks[0] ?? '');
  const state = useLoad(async () => {
    if (!network) return { sessions: [], courses: [] };
    const n = encodeURIComponent(network);
    const [sessions, courses] = await Promise.all([all(`/api/training/sessions?networkId=${n}`),
      all(`/api/training/courses?networkId=${n}`)]);
    sessions.sort((a, b) => b.startDate.localeCompare(a.startDate));
    return { sessions, courses: courses.filter((c) => c.active !== false) };
  }, [network]);
  return (
    <Page title={t('sp.sessions.title')}>
      <StaffNav current="/personnel/seances" />
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <NetworkField networks={networks} value={network} onInput={setNetwork} />
      </form>
      <Loaded state={state}>{({ sessions, courses }) => (
        <>
          <section class="card" aria-labelledby="planifier-seance">
            <h2 id="planifier-seance">{t('sp.sessions.new')}</h2>
            <Schedule courses={courses} onDone={state.reload} />
          </section>
          <h2 id="liste-seances">{t('sp.sessions.list')}</h2>
          {sessions.length === 0 ? <p>{t('catalogue.empty')}</p> : (
            <ul class="list" aria-labelledby="liste-seances">
              {sessions.map((s) => (
                <li class="card staff-session" data-session={s.id} key={s.id}>
                  <h3><a href={href(`/personnel/seances/${s.id}`)}>{s.courseTitle}</a></h3>
                  <dl class="facts">
                    <dt>{t('catalogue.dates')}</dt><dd>{date(s.startDate)}{s.endDate !== s.startDate ? ` – ${date(s.endDate)}` : ''}</dd>
                    <dt>{t('common.status')}</dt><dd class="session-status">{t(`sp.session.${s.status}`)}</dd>
                    <dt>{t('catalogue.place')}</dt><dd>{s.location ?? t(`sp.mode.${s.mode}`)}</dd>
                    <dt>{t('catalogue.seats')}</dt><dd>{s.seatsLeft} / {s.seats}{s.waitlisted > 0 ? ` (${t('sp.sessions.waiting', { count: s.waitlisted })})` : ''}</dd>
                    <dt>{t('catalogue.memberPrice')}</dt><dd>{money(s.memberPrice)}</dd>
                  </dl>
                  <div class="inline-form">
                    {sessionActions(s.status).filter((a) => a !== 'complete').map((a) => <SessionAction session={s} action={a} onDone={state.reload} />)}
                    {sessionActions(s.status).includes('complete') && <a class="button" href={href(`/personnel/seances/${s.id}`)}>{t('sp.sessions.attendance')}<span class="visually-hidden"> : {s.courseTitle}, {date(s.startDate)}</span></a>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}</Loaded>
    </Page>
  );
}

/** One session: its registrations, the hours each participant attended, completion (attestations). */
export function StaffSession({ id }) {
  const state = useLoad(async () => {
    const [session, registrations] = await Promise.all([api(`/api/training/sessions/${id}`),
      all(`/api/training/sessions/${id}/registrations`)]);
    const names = await organizationNames(registrations.map((r) => r.organizationId));
    return { session, registrations, names };
  }, [id]);
  const [hours, setHours] = useState({});
  return (
    <Page title={state.data ? t('sp.session.title', { course: state.data.session.courseTitle }) : t('sp.sessions.title')}>
      <StaffNav current="/personnel/seances" />
      <p><a href={href('/personnel/seances')}>{t('sp.session.back')}</a></p>
      <Loaded state={state}>{({ session: s, registrations, names }) => {
        const confirmed = registrations.filter((r) => r.status === 'CONFIRMED');
        const record = async () => {
          await api(`/api/training/sessions/${id}/attendance`, { method: 'PUT', body: { entries: attendanceEntries(registrations, hours) } });
          state.reload();
          return t('sp.session.recorded');
        };
        const complete = async () => {
          const after = await api(`/api/training/sessions/${id}/complete`, { method: 'POST' });
          state.reload();
          return t('sp.sessions.now', { status: t(`sp.session.${after.status}`) });
        };
        return (
          <>
            <dl class="facts">
              <dt>{t('catalogue.dates')}</dt><dd>{date(s.startDate)}{s.endDate !== s.startDate ? ` – ${date(s.endDate)}` : ''}</dd>
              <dt>{t('common.status')}</dt><dd class="session-status">{t(`sp.session.${s.status}`)}</dd>
              <dt>{t('sp.sessions.hours')}</dt><dd>{number(s.hours)} ({number(s.uec)} {t('attest.uec')})</dd>
            </dl>
            <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.session.registrations')}>
              <table id="inscriptions-seance">
                <caption>{t('sp.session.registrations')}</caption>
                <thead><tr><th scope="col">{t('roster.name')}</th><th scope="col">{t('members.organization')}</th>
                  <th scope="col">{t('common.status')}</th><th scope="col">{t('sp.session.attended')}</th>
                  <th scope="col">{t('attest.code')}</th></tr></thead>
                <tbody>{registrations.map((r) => (
                  <tr><th scope="row">{r.firstName} {r.lastName}</th><td>{names[r.organizationId]}</td>
                    <td>{statusLabel(r.status)}</td>
                    <td>{r.attendedHours === null || r.attendedHours === undefined ? '—' : `${number(r.attendedHours)} h (${number(r.attendancePercent)} %)`}</td>
                    <td class="code">{r.attestation?.verificationCode ?? ''}</td></tr>
                ))}</tbody>
              </table>
            </div>
            {confirmed.length > 0 && s.status !== 'COMPLETED' && s.status !== 'CANCELLED' && (
              <section class="card" aria-labelledby="presences">
                <h2 id="presences">{t('sp.session.attendance')}</h2>
                <p class="hint">{t('sp.session.attendanceHint', { hours: number(s.hours) })}</p>
                <Form action={record} submitLabel={t('sp.session.record')} class="form grid">
                  {confirmed.map((r) => (
                    <Field label={t('sp.session.hoursOf', { name: `${r.firstName} ${r.lastName}` })} name={`heures-${r.id}`}
                      type="number" min="0" step="0.5" value={hours[r.id] ?? (r.attendedHours ?? '')}
                      onInput={(v) => setHours({ ...hours, [r.id]: v })} />
                  ))}
                </Form>
              </section>
            )}
            {['OPEN', 'FULL', 'CLOSED'].includes(s.status) && (
              <section class="card" aria-labelledby="cloture">
                <h2 id="cloture">{t('sp.session.completeTitle')}</h2>
                <p>{t('sp.session.completeHint')}</p>
                <Form action={complete} submitLabel={t('sp.sessions.complete')} class="inline-form" />
              </section>
            )}
          </>
        );
      }}</Loaded>
    </Page>
  );
}

/** PAMT: the network's professional standards, the programme's figures, an organization's agreements. */
export function StaffPamt({ session }) {
  const networks = session.networkIds ?? [];
  const [network, setNetwork] = useState(networks[0] ?? '');
  const today = quebecToday();
  const [from, setFrom] = useState(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`);
  const [to, setTo] = useState(today);
  const [organization, setOrganization] = useState('');
  const state = useLoad(async () => {
    if (!network) return null;
    const n = encodeURIComponent(network);
    const [standards, figures, members] = await Promise.all([all('/api/training/pamt/standards'),
      from && to ? api(`/api/training/pamt/figures?networkId=${n}&from=${from}&to=${to}`) : null,
      all(`/api/membership/memberships?networkId=${n}`)]);
    const names = await organizationNames(members.map((m) => m.organizationId));
    return { standards: standards.filter((s) => s.networkId === network), figures, names };
  }, [network, from, to]);
  const agreements = useLoad(async () => (organization
    ? all(`/api/training/pamt/agreements?organizationId=${encodeURIComponent(organization)}`) : null), [organization]);
  return (
    <Page title={t('sp.pamt.title')}>
      <StaffNav current="/personnel/pamt" />
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <NetworkField networks={networks} value={network} onInput={setNetwork} />
        <Field label={t('sp.pamt.from')} name="from" type="date" value={from} onInput={setFrom} />
        <Field label={t('sp.pamt.to')} name="to" type="date" value={to} onInput={setTo} />
      </form>
      <Loaded state={state}>{(d) => d && (
        <>
          {d.figures && (
            <section class="card" aria-labelledby="pamt-chiffres">
              <h2 id="pamt-chiffres">{t('sp.pamt.figures')}</h2>
              <dl class="facts">
                <dt>{t('sp.pamt.signed')}</dt><dd>{number(d.figures.agreementsSigned)}</dd>
                <dt>{t('sp.pamt.active')}</dt><dd>{number(d.figures.agreementsActive)}</dd>
                <dt>{t('sp.pamt.competencies')}</dt><dd>{number(d.figures.competenciesAttested)}</dd>
                <dt>{t('sp.figures.certificates')}</dt><dd>{number(d.figures.certificatesIssued)}</dd>
                <dt>{t('sp.pamt.apprentices')}</dt><dd>{number(d.figures.apprentices)}</dd>
                <dt>{t('sp.pamt.companions')}</dt><dd>{number(d.figures.companions)}</dd>
              </dl>
            </section>
          )}
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.pamt.standards')}>
            <table id="normes">
              <caption>{t('sp.pamt.standards')}</caption>
              <thead><tr><th scope="col">{t('sp.pamt.code')}</th><th scope="col">{t('sp.pamt.standard')}</th>
                <th scope="col">{t('sp.pamt.competencyCount')}</th></tr></thead>
              <tbody>{d.standards.map((s) => (
                <tr><th scope="row">{s.code}</th><td>{localized(s.title)}</td><td>{s.competencies.length}</td></tr>
              ))}</tbody>
            </table>
          </div>
          <section class="card" aria-labelledby="pamt-ententes">
            <h2 id="pamt-ententes">{t('sp.pamt.agreements')}</h2>
            <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
              <Field label={t('members.organization')} name="organization" value={organization} onInput={setOrganization}>
                <option value="">{t('sp.pamt.choose')}</option>
                {Object.entries(d.names).sort((a, b) => a[1].localeCompare(b[1])).map(([orgId, name]) => <option value={orgId}>{name}</option>)}
              </Field>
            </form>
            <Loaded state={agreements}>{(list) => list && (list.length === 0 ? <p>{t('common.none')}</p> : (
              <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.pamt.agreements')}>
                <table id="ententes">
                  <thead><tr><th scope="col">{t('sp.pamt.apprentice')}</th><th scope="col">{t('sp.pamt.companion')}</th>
                    <th scope="col">{t('sp.pamt.standard')}</th><th scope="col">{t('sp.pamt.signedOn')}</th>
                    <th scope="col">{t('common.status')}</th><th scope="col">{t('sp.pamt.progress')}</th></tr></thead>
                  <tbody>{list.map((a) => (
                    <tr><th scope="row">{a.apprentice.firstName} {a.apprentice.lastName}</th>
                      <td>{a.companion.firstName} {a.companion.lastName}</td><td>{a.standardTitle}</td>
                      <td>{date(a.signedOn)}</td><td>{t(`sp.pamt.status.${a.status}`)}</td>
                      <td>{a.competenciesAttested} / {a.competenciesTotal}{a.certificate ? ` · ${a.certificate.verificationCode}` : ''}</td></tr>
                  ))}</tbody>
                </table>
              </div>
            ))}</Loaded>
          </section>
        </>
      )}</Loaded>
    </Page>
  );
}
