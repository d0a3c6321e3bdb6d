import { useState } from 'preact/hooks';
import { t, date } from '../i18n.js';
import { api } from '../api.js';
import { href } from '../router.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';

/** Names and work email on one roster entry (membership keeps them; If-Match with the entry's version). */
function RosterCorrection({ entry, onDone }) {
  const [e, setE] = useState({ firstName: entry.firstName ?? '', lastName: entry.lastName ?? '', workEmail: entry.workEmail ?? '' });
  const set = (name) => (value) => setE({ ...e, [name]: value });
  const correct = async () => {
    const saved = await api(`/api/membership/employees/me/${entry.id}`, { method: 'PUT', version: entry.version,
      body: { ...e, workEmail: e.workEmail || null } });
    onDone();
    return t('mydata.corrected', { name: `${saved.firstName} ${saved.lastName}` });
  };
  return (
    <section class="card roster-entry" aria-labelledby={`fiche-${entry.id}`} data-employee={entry.id}>
      <h3 id={`fiche-${entry.id}`}>{t('mydata.entry', { job: entry.jobTitle ?? '', date: date(entry.hireDate) })}</h3>
      <Form action={correct} submitLabel={t('mydata.correct')} class="form grid">
        <Field label={t('roster.firstName')} name={`prenom-${entry.id}`} required value={e.firstName} onInput={set('firstName')} autocomplete="given-name" />
        <Field label={t('roster.lastName')} name={`nom-${entry.id}`} required value={e.lastName} onInput={set('lastName')} autocomplete="family-name" />
        <Field label={t('roster.email')} name={`courriel-${entry.id}`} type="email" value={e.workEmail} onInput={set('workEmail')} autocomplete="email" />
      </Form>
    </section>
  );
}

/** The name (and email) training printed on registrations and attestations. */
function TrainingCorrection({ entry }) {
  const [e, setE] = useState({ firstName: entry?.firstName ?? '', lastName: entry?.lastName ?? '', email: entry?.workEmail ?? '' });
  const set = (name) => (value) => setE({ ...e, [name]: value });
  const correct = async () => {
    const r = await api('/api/training/me/personal-data', { method: 'PUT', body: { ...e, email: e.email || null } });
    return t('mydata.trainingCorrected', { count: r.registrationsCorrected + r.agreementsCorrected });
  };
  return (
    <section class="card" aria-labelledby="correction-formation">
      <h2 id="correction-formation">{t('mydata.training')}</h2>
      <p>{t('mydata.trainingIntro')}</p>
      <Form action={correct} submitLabel={t('mydata.correct')} class="form grid">
        <Field label={t('roster.firstName')} name="trainingFirstName" required value={e.firstName} onInput={set('firstName')} />
        <Field label={t('roster.lastName')} name="trainingLastName" required value={e.lastName} onInput={set('lastName')} />
        <Field label={t('roster.email')} name="trainingEmail" type="email" value={e.email} onInput={set('email')} />
      </Form>
    </section>
  );
}

/** Birth date and dependants' first names and birth dates, as insurance holds them (sealed). */
function InsuranceCorrection({ personal }) {
  const [birthDate, setBirthDate] = useState(personal?.birthDate ?? '');
  const [dependants, setDependants] = useState((personal?.dependants ?? []).map((d) => ({ kind: d.kind, firstName: d.firstName ?? '', birthDate: d.birthDate ?? '' })));
  const setDependant = (i, name) => (value) => setDependants(dependants.map((d, j) => (i === j ? { ...d, [name]: value } : d)));
  const correct = async () => {
    await api('/api/insurance/me/personal-data', { method: 'PUT', body: { birthDate: birthDate || null, dependants } });
    return t('mydata.insuranceCorrected');
  };
  return (
    <section class="card" aria-labelledby="correction-assurance">
      <h2 id="correction-assurance">{t('mydata.insurance')}</h2>
      <p>{t('mydata.insuranceIntro')}</p>
      <Form action={correct} submitLabel={t('mydata.correct')} class="form grid">
        <Field label={t('ins.birthDate')} name="insuranceBirthDate" type="date" required value={birthDate} onInput={setBirthDate} />
        {dependants.map((d, i) => (
          <>
            <Field label={t('mydata.dependantName', { kind: t(`mydata.kind.${d.kind}`), n: i + 1 })} name={`personne-a-charge-${i}`} value={d.firstName} onInput={setDependant(i, 'firstName')} />
            <Field label={t('mydata.dependantBirth', { kind: t(`mydata.kind.${d.kind}`), n: i + 1 })} name={`naissance-a-charge-${i}`} type="date" value={d.birthDate} onInput={setDependant(i, 'birthDate')} />
          </>
        ))}
      </Form>
    </section>
  );
}

/** The insurance certificate, in the chosen language, from the employee's enrolment. */
function Certificate({ employeeId }) {
  const state = useLoad(() => api(`/api/insurance/enrolments/${employeeId}/certificate`), [employeeId]);
  return (
    <section class="card" aria-labelledby="attestation-assurance" id="certificat">
      <h2 id="attestation-assurance">{t('mydata.certificate')}</h2>
      <Loaded state={state}>{(c) => (
        <>
          <dl class="facts">
            <dt>{t('mydata.certificateNumber')}</dt><dd class="code">{c.certificateNumber}</dd>
            <dt>{t('mydata.insured')}</dt><dd>{c.insuredName}</dd>
            <dt>{t('mydata.employer')}</dt><dd>{c.employer}</dd>
            <dt>{t('ins.class')}</dt><dd>{c.classCode}</dd>
            <dt>{t('mydata.tier')}</dt><dd>{t(`needs.tier.${c.tier}`)}</dd>
            <dt>{t('ins.effective')}</dt><dd>{date(c.effectiveDate)}{c.coverageEndsOn && ` – ${date(c.coverageEndsOn)}`}</dd>
            {(c.dependants ?? []).length > 0 && <><dt>{t('mydata.dependants')}</dt><dd>{c.dependants.join(', ')}</dd></>}
          </dl>
          <ul>{Object.entries(c.coverages ?? {}).map(([code, label]) => <li>{label || t(`coverage.${code}`)}</li>)}</ul>
          <button type="button" class="secondary" onClick={() => window.print()}>{t('mydata.print')}</button>
        </>
      )}</Loaded>
    </section>
  );
}

/** An employee's personal data: corrections in each service that holds some, and the insurance certificate. */
export function MyData() {
  const state = useLoad(async () => {
    const entries = await api('/api/membership/employees/me');
    let enrolment = null;
    try { enrolment = await api('/api/insurance/me/enrolment'); } catch (e) { if (e.status !== 404 && e.status !== 403) throw e; }
    return { entries, enrolment };
  });
  return (
    <Page title={t('mydata.title')}>
      <p>{t('mydata.intro')} <a href={href('/moi')}>{t('mydata.exportLink')}</a></p>
      <Loaded state={state}>{({ entries, enrolment }) => (
        <>
          <section aria-labelledby="mes-fiches">
            <h2 id="mes-fiches">{t('mydata.roster')}</h2>
            {entries.length === 0 ? <p>{t('mydata.noEntry')}</p>
              : entries.map((entry) => <RosterCorrection entry={entry} onDone={state.reload} />)}
          </section>
          <TrainingCorrection entry={entries[0]} />
          {enrolment && <InsuranceCorrection personal={enrolment.personalData} />}
          {enrolment && enrolment.status === 'ACTIVE' && <Certificate employeeId={enrolment.employeeId} />}
        </>
      )}</Loaded>
    </Page>
  );
}
