import { useState } from 'preact/hooks';
import { t, date, number } from '../i18n.js';
import { api, all } from '../api.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';

const today = () => new Date().toISOString().slice(0, 10);

function AddEmployee({ org, onAdded }) {
  const empty = { firstName: '', lastName: '', workEmail: '', jobTitle: '', employmentStatus: 'FULL_TIME', weeklyHours: '35', hireDate: today() };
  const [e, setE] = useState(empty);
  const set = (name) => (value) => setE({ ...e, [name]: value });
  const add = async () => {
    const body = { ...e, weeklyHours: e.weeklyHours === '' ? null : Number(e.weeklyHours), workEmail: e.workEmail || null };
    const created = await api(`/api/membership/organizations/${org}/employees`, { method: 'POST', body });
    setE(empty);
    onAdded();
    return t('roster.added', { name: `${created.firstName} ${created.lastName}` });
  };
  return (
    <section class="card" aria-labelledby="ajout-employe">
      <h2 id="ajout-employe">{t('roster.add')}</h2>
      <Form action={add} submitLabel={t('roster.add')} class="form grid">
        <Field label={t('roster.firstName')} name="firstName" required value={e.firstName} onInput={set('firstName')} autocomplete="off" />
        <Field label={t('roster.lastName')} name="lastName" required value={e.lastName} onInput={set('lastName')} autocomplete="off" />
        <Field label={t('roster.email')} name="workEmail" type="email" value={e.workEmail} onInput={set('workEmail')} autocomplete="off" />
        <Field label={t('roster.jobTitle')} name="jobTitle" value={e.jobTitle} onInput={set('jobTitle')} />
        <Field label={t('roster.status')} name="employmentStatus" value={e.employmentStatus} onInput={set('employmentStatus')}>
          {['FULL_TIME', 'PART_TIME', 'SEASONAL'].map((s) => <option value={s}>{t(`roster.status.${s}`)}</option>)}
        </Field>
        <Field label={t('roster.hours')} name="weeklyHours" type="number" min="0" step="0.5" value={e.weeklyHours} onInput={set('weeklyHours')} />
        <Field label={t('roster.hireDate')} name="hireDate" type="date" required value={e.hireDate} onInput={set('hireDate')} />
      </Form>
    </section>
  );
}

function Departure({ employee, onDone }) {
  const [day, setDay] = useState(today());
  const depart = async () => {
    await api(`/api/membership/organizations/${employee.organizationId}/employees/${employee.id}/departure`,
      { method: 'POST', body: { endDate: day }, version: employee.version });
    onDone();
    return t('roster.departed');
  };
  return (
    <Form action={depart} submitLabel={t('roster.depart')} class="inline-form">
      <Field label={t('roster.departDate', { name: `${employee.firstName} ${employee.lastName}` })} name={`depart-${employee.id}`}
        type="date" required value={day} onInput={setDay} />
    </Form>
  );
}

export function Roster({ org }) {
  const state = useLoad(() => all(`/api/membership/organizations/${org}/employees`), [org]);
  return (
    <Page title={t('roster.title')}>
      <OrgNav org={org} current="/effectif" />
      <Loaded state={state}>{(employees) => (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('roster.title')}>
          <table id="effectif">
            <caption>{t('roster.count', { count: employees.length })}</caption>
            <thead><tr><th scope="col">{t('roster.name')}</th><th scope="col">{t('roster.job')}</th>
              <th scope="col">{t('roster.hours')}</th><th scope="col">{t('roster.hired')}</th>
              <th scope="col">{t('roster.left')}</th></tr></thead>
            <tbody>
              {employees.map((e) => (
                <tr><th scope="row">{e.firstName} {e.lastName}</th><td>{e.jobTitle}</td><td>{number(e.weeklyHours)}</td>
                  <td>{date(e.hireDate)}</td>
                  <td>{e.endDate ? date(e.endDate) : <Departure employee={e} onDone={state.reload} />}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}</Loaded>
      <AddEmployee org={org} onAdded={state.reload} />
    </Page>
  );
}
