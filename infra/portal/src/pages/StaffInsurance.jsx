import { useState } from 'preact/hooks';
import { t, date, money, number, statusLabel } from '../i18n.js';
import { api, all } from '../api.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';
import { StaffNav, organizationNames } from './StaffHome.jsx';
import { quebecToday, periodOf, planYearState } from '../staff.js';

function Activate({ participation, name, onDone }) {
  const [effectiveDate, setDate] = useState(quebecToday());
  const org = participation.organizationId;
  const activate = async () => {
    const fresh = await api(`/api/insurance/participations/${org}`);
    const after = await api(`/api/insurance/participations/${org}/activation`, { method: 'POST', version: fresh.version,
      body: { effectiveDate: effectiveDate || null } });
    onDone();
    return t('sp.ins.activated', { name, status: statusLabel(after.status) });
  };
  return (
    <Form action={activate} submitLabel={t('sp.ins.activate')} class="inline-form">
      <Field label={t('sp.ins.effective', { name })} name={`vigueur-${org}`} type="date" required value={effectiveDate} onInput={setDate} />
    </Form>
  );
}

function IssueInvoices({ onDone }) {
  const [period, setPeriod] = useState(periodOf(quebecToday()));
  const issue = async () => {
    const run = await api(`/api/insurance/invoices/issue?period=${encodeURIComponent(period)}`, { method: 'POST' });
    onDone();
    return t('sp.ins.issued', { period: run.period, issued: run.issued, already: run.alreadyIssued });
  };
  return (
    <Form action={issue} submitLabel={t('sp.ins.issue')} class="inline-form">
      <Field label={t('sp.ins.period')} name="period" type="month" required value={period} onInput={setPeriod} pattern="\d{4}-\d{2}" />
    </Form>
  );
}

function Renew({ year, onDone }) {
  const [outcomes, setOutcomes] = useState(null);
  const renew = async () => {
    const result = await api(`/api/insurance/plan-years/${year.year}/renewal`, { method: 'POST' });
    setOutcomes(result);
    onDone();
    return t('sp.ins.renewed', { year: year.year, count: result.length });
  };
  return (
    <>
      <Form action={renew} submitLabel={t('sp.ins.renew', { year: year.year })} class="inline-form" />
      {outcomes && outcomes.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.ins.rates', { year: year.year })}>
          <table>
            <caption>{t('sp.ins.rates', { year: year.year })}</caption>
            <thead><tr><th scope="col">{t('members.organization')}</th><th scope="col">{t('sp.ins.previous')}</th>
              <th scope="col">{t('sp.ins.credibility')}</th><th scope="col">{t('sp.ins.factor')}</th><th scope="col">{t('sp.ins.capped')}</th></tr></thead>
            <tbody>{outcomes.map((o) => (
              <tr><th scope="row">{o.organizationId}</th><td>{number(o.previousFactor)}</td><td>{number(o.credibility)}</td>
                <td>{number(o.factor)}</td><td>{o.capped ? t('common.yes') : t('common.no')}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The group plan as staff run it: plan years and renewal, employers' participations, the month's invoices. */
export function StaffInsurance() {
  const state = useLoad(async () => {
    const [years, participations] = await Promise.all([all('/api/insurance/plan-years'), all('/api/insurance/participations')]);
    const names = await organizationNames(participations.map((p) => p.organizationId));
    return { years, participations, names };
  }, []);
  const today = quebecToday();
  return (
    <Page title={t('sp.ins.title')}>
      <StaffNav current="/personnel/assurance" />
      <Loaded state={state}>{({ years, participations, names }) => (
        <>
          <h2 id="annees-regime">{t('sp.ins.years')}</h2>
          {years.length === 0 ? <p>{t('common.none')}</p> : (
            <ul class="list" aria-labelledby="annees-regime">
              {years.map((y) => {
                const when = planYearState(y, years, today);
                return (
                  <li class="card plan-year" data-year={y.year} key={y.year}>
                    <h3>{t('sp.ins.year', { year: y.year })} · <span class="plan-year-state">{t(`sp.ins.state.${when}`)}</span></h3>
                    <dl class="facts">
                      <dt>{t('ins.effective')}</dt><dd>{date(y.effectiveDate)}</dd>
                      <dt>{t('ins.coverages')}</dt><dd>{y.coverages.map((c) => c.code).join(', ')}</dd>
                      <dt>{t('ins.classes')}</dt><dd>{y.classes.map((c) => `${c.name ?? c.code} (${t('sp.ins.waiting', { months: c.waitingPeriodMonths })})`).join(', ')}</dd>
                      <dt>{t('ins.share')}</dt><dd>{(y.employerShareOptions ?? []).map((o) => `${o} %`).join(', ')}</dd>
                      <dt>{t('sp.ins.grace')}</dt><dd>{t('sp.ins.days', { days: y.graceDays })}</dd>
                    </dl>
                    {when === 'UPCOMING' && <Renew year={y} onDone={state.reload} />}
                  </li>
                );
              })}
            </ul>
          )}
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.ins.participations')}>
            <table id="participations">
              <caption>{t('sp.ins.participations')}</caption>
              <thead><tr><th scope="col">{t('members.organization')}</th><th scope="col">{t('common.status')}</th>
                <th scope="col">{t('sp.ins.applied')}</th><th scope="col">{t('ins.since')}</th>
                <th scope="col">{t('ins.share')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
              <tbody>{participations.map((p) => (
                <tr data-organization={p.organizationId} key={p.organizationId}><th scope="row">{names[p.organizationId]}</th>
                  <td class="participation-status">{statusLabel(p.status)}</td><td>{date(p.appliedOn)}</td>
                  <td>{date(p.activeSince)}</td><td>{p.employerSharePercent} %</td>
                  <td>{p.status === 'APPLIED' ? <Activate participation={p} name={names[p.organizationId]} onDone={state.reload} /> : ''}</td></tr>
              ))}</tbody>
            </table>
          </div>
          <section class="card" aria-labelledby="emission-factures">
            <h2 id="emission-factures">{t('sp.ins.invoices')}</h2>
            <p>{t('sp.ins.invoicesHint')}</p>
            <IssueInvoices onDone={state.reload} />
          </section>
        </>
      )}</Loaded>
    </Page>
  );
}

/** The programme's aggregate report (projects): locked periods between two dates, for the programme's staff. */
export function StaffProgramme() {
  const today = quebecToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const query = `from=${from}&to=${to}`;
  const state = useLoad(() => api(`/api/projects/programme/report?format=json&${query}`), [query]);
  return (
    <Page title={t('sp.prog.title')}>
      <StaffNav current="/personnel/programme" />
      <p>{t('sp.prog.intro')}</p>
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('sp.pamt.from')} name="from" type="date" value={from} onInput={setFrom} />
        <Field label={t('sp.pamt.to')} name="to" type="date" value={to} onInput={setTo} />
      </form>
      <Loaded state={state}>{(r) => (
        <>
          <dl class="facts">
            <dt>{t('sp.prog.projects')}</dt><dd>{Object.entries(r.projectsByStatus ?? {}).map(([s, n]) => `${t(`sp.prog.status.${s}`)} : ${n}`).join(' · ') || '0'}</dd>
            <dt>{t('sp.prog.organizations')}</dt><dd>{number(r.organizationsInvolved)}</dd>
            <dt>{t('sp.prog.funding')}</dt><dd>{money(r.totalFunding)}</dd>
            <dt>{t('sp.prog.progress')}</dt><dd>{r.averageProgressPercent} %</dd>
          </dl>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.prog.totals')}>
            <table id="totaux-programme">
              <caption>{t('sp.prog.totals')}</caption>
              <thead><tr><th scope="col">{t('sp.prog.indicator')}</th><th scope="col">{t('sp.prog.total')}</th>
                <th scope="col">{t('sp.prog.projectCount')}</th></tr></thead>
              <tbody>{r.totals.map((x) => <tr><th scope="row">{x.programmeCode}</th><td>{number(x.total)} {x.unit}</td><td>{x.projectCount}</td></tr>)}</tbody>
            </table>
          </div>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.prog.byProject')}>
            <table id="projets-programme">
              <caption>{t('sp.prog.byProject')}</caption>
              <thead><tr><th scope="col">{t('sp.prog.project')}</th><th scope="col">{t('common.status')}</th>
                <th scope="col">{t('sp.prog.progress')}</th><th scope="col">{t('sp.prog.locked')}</th></tr></thead>
              <tbody>{r.projects.map((p) => <tr><th scope="row">{p.name}</th><td>{t(`sp.prog.status.${p.status}`)}</td>
                <td>{p.progressPercent} %</td><td>{p.lockedPeriods}</td></tr>)}</tbody>
            </table>
          </div>
          <p><a href={`/api/projects/programme/report?format=csv&${query}`} download>{t('sp.prog.csv')}</a></p>
        </>
      )}</Loaded>
    </Page>
  );
}
