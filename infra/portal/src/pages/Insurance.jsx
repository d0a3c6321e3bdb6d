import { useState } from 'preact/hooks';
import { t, date, money, number, statusLabel } from '../i18n.js';
import { api, all } from '../api.js';
import { href } from '../router.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';

async function loadInsurance(org) {
  const plan = await api('/api/insurance/plan-years/current');
  let participation = null;
  try {
    participation = await api(`/api/insurance/participations/${org}`);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  const [employees, enrolments, invoices] = await Promise.all([
    all(`/api/membership/organizations/${org}/employees`),
    participation ? all(`/api/insurance/organizations/${org}/enrolments`) : [],
    participation ? api(`/api/insurance/organizations/${org}/invoices?size=12`).then((p) => p.items) : []]);
  return { plan, participation, employees, enrolments, invoices };
}

function Apply({ org, plan, onDone }) {
  const [share, setShare] = useState(String(plan.employerShareOptions?.[0] ?? 50));
  const apply = async () => {
    await api(`/api/insurance/participations/${org}`, { method: 'POST', body: {
      coverages: plan.coverages.map((c) => c.code), classCodes: plan.classes.map((c) => c.code), employerSharePercent: Number(share) } });
    onDone();
    return t('common.done');
  };
  return (
    <Form action={apply} submitLabel={t('ins.apply')}>
      <Field label={t('ins.share')} name="employerSharePercent" value={share} onInput={setShare}>
        {(plan.employerShareOptions ?? [50, 75, 100]).map((o) => <option value={String(o)}>{o} %</option>)}
      </Field>
    </Form>
  );
}

function Enrol({ org, plan, employees, enrolments, onDone }) {
  const enrolled = new Set(enrolments.map((e) => e.employeeId));
  const candidates = employees.filter((e) => !e.endDate && !enrolled.has(e.id));
  const [form, setForm] = useState({ employeeId: candidates[0]?.id ?? '', classCode: plan.classes[0]?.code ?? '', birthDate: '', annualSalary: '' });
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  if (candidates.length === 0) return null;
  const enrol = async () => {
    const created = await api(`/api/insurance/organizations/${org}/enrolments`, { method: 'POST', body: {
      ...form, annualSalary: form.annualSalary === '' ? null : Number(form.annualSalary), birthDate: form.birthDate || null,
      dependants: [], waivers: [] } });
    onDone();
    return t('ins.enrolled', { status: statusLabel(created.status) });
  };
  return (
    <section class="card" aria-labelledby="adhesion-regime">
      <h2 id="adhesion-regime">{t('ins.enrol')}</h2>
      <Form action={enrol} submitLabel={t('ins.enrol')} class="form grid">
        <Field label={t('catalogue.employee')} name="employeeId" required value={form.employeeId} onInput={set('employeeId')}>
          {candidates.map((e) => <option value={e.id}>{e.firstName} {e.lastName}</option>)}
        </Field>
        <Field label={t('ins.class')} name="classCode" required value={form.classCode} onInput={set('classCode')}>
          {plan.classes.map((c) => <option value={c.code}>{c.name ?? c.code}</option>)}
        </Field>
        <Field label={t('ins.birthDate')} name="birthDate" type="date" required value={form.birthDate} onInput={set('birthDate')} />
        <Field label={t('ins.salary')} name="annualSalary" type="number" min="1" step="1" required value={form.annualSalary} onInput={set('annualSalary')} />
      </Form>
    </section>
  );
}

export function Insurance({ org }) {
  const state = useLoad(() => loadInsurance(org), [org]);
  return (
    <Page title={t('ins.title')}>
      <OrgNav org={org} current="/assurance" />
      <Loaded state={state}>{(d) => {
        const names = Object.fromEntries(d.employees.map((e) => [e.id, `${e.firstName} ${e.lastName}`]));
        return (
          <>
            <section class="card" aria-labelledby="participation">
              <h2 id="participation">{t('ins.participation')}</h2>
              {!d.participation ? (<><p>{t('ins.none')}</p><Apply org={org} plan={d.plan} onDone={state.reload} /></>) : (
                <dl class="facts">
                  <dt>{t('common.status')}</dt><dd class="participation-status">{statusLabel(d.participation.status)}</dd>
                  <dt>{t('orgs.network')}</dt><dd>{d.participation.networkId}</dd>
                  <dt>{t('ins.coverages')}</dt><dd>{d.participation.coverages.join(', ')}</dd>
                  <dt>{t('ins.share')}</dt><dd>{d.participation.employerSharePercent} %</dd>
                  {d.participation.activeSince && <><dt>{t('ins.since')}</dt><dd>{date(d.participation.activeSince)}</dd></>}
                  {d.participation.graceEndsOn && <><dt>{t('ins.graceEnds')}</dt><dd>{date(d.participation.graceEndsOn)}</dd></>}
                </dl>
              )}
              {(d.participation?.notices ?? []).map((n) => <p class="notice">{date(n.date)} · {n.text}</p>)}
            </section>
            {d.participation && (
              <>
                <div class="table-wrap" tabIndex={0} role="region" aria-label={t('ins.enrolments')}>
                  <table id="adhesions">
                    <caption>{t('ins.enrolments')}</caption>
                    <thead><tr><th scope="col">{t('roster.name')}</th><th scope="col">{t('ins.class')}</th><th scope="col">{t('common.status')}</th>
                      <th scope="col">{t('ins.effective')}</th><th scope="col">{t('ins.tier')}</th></tr></thead>
                    <tbody>{d.enrolments.map((e) => (
                      <tr><th scope="row">{names[e.employeeId] ?? e.employeeId}</th><td>{e.classCode}</td><td>{statusLabel(e.status)}</td>
                        <td>{date(e.effectiveDate)}</td><td>{e.tier}</td></tr>
                    ))}</tbody>
                  </table>
                </div>
                <Enrol org={org} plan={d.plan} employees={d.employees} enrolments={d.enrolments} onDone={state.reload} />
                <section class="card" aria-labelledby="factures">
                  <h2 id="factures">{t('ins.invoices')}</h2>
                  {d.invoices.length === 0 ? <p>{t('ins.noInvoice')}</p> : (
                    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('ins.invoices')}>
                      <table id="liste-factures">
                        <thead><tr><th scope="col">{t('ins.period')}</th><th scope="col">{t('ins.dueOn')}</th><th scope="col">{t('common.total')}</th>
                          <th scope="col">{t('ins.employerShare')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
                        <tbody>{d.invoices.map((i) => (
                          <tr><th scope="row">{i.period}</th><td>{date(i.dueOn)}</td><td>{money(i.total)}</td><td>{money(i.employerShare)}</td>
                            <td><a href={href(`/organisations/${org}/factures/${i.period}`)}>{t('ins.view')}<span class="visually-hidden"> {i.period}</span></a></td></tr>
                        ))}</tbody>
                      </table>
                    </div>
                  )}
                </section>
              </>
            )}
          </>
        );
      }}</Loaded>
    </Page>
  );
}

/** One monthly invoice with its lines. */
export function InvoiceDetail({ org, period }) {
  const state = useLoad(async () => {
    const [invoice, employees] = await Promise.all([api(`/api/insurance/organizations/${org}/invoices/${period}`),
      all(`/api/membership/organizations/${org}/employees`)]);
    return { invoice, names: Object.fromEntries(employees.map((e) => [e.id, `${e.firstName} ${e.lastName}`])) };
  }, [org, period]);
  return (
    <Page title={t('ins.invoice', { period })}>
      <OrgNav org={org} current="/assurance" />
      <Loaded state={state}>{({ invoice, names }) => (
        <>
          <dl class="facts invoice-totals">
            <dt>{t('common.total')}</dt><dd class="invoice-total">{money(invoice.total)}</dd>
            <dt>{t('ins.employerShare')}</dt><dd>{money(invoice.employerShare)}</dd>
            <dt>{t('ins.employeeShare')}</dt><dd>{money(invoice.employeeShare)}</dd>
            <dt>{t('ins.dueOn')}</dt><dd>{date(invoice.dueOn)}</dd>
          </dl>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('ins.invoice', { period })}>
            <table>
              <thead><tr><th scope="col">{t('roster.name')}</th><th scope="col">{t('ins.coverage')}</th><th scope="col">{t('ins.tier')}</th>
                <th scope="col">{t('ins.days')}</th><th scope="col">{t('ins.amount')}</th></tr></thead>
              <tbody>{invoice.lines.map((l) => (
                <tr><th scope="row">{names[l.employeeId] ?? l.employeeId}</th><td>{l.coverage}</td><td>{l.tier}</td><td>{number(l.days)}</td><td>{money(l.amount)}</td></tr>
              ))}</tbody>
            </table>
          </div>
        </>
      )}</Loaded>
    </Page>
  );
}

