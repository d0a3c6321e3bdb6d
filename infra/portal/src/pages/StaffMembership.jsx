import { useState } from 'preact/hooks';
import { t, date, money, number, statusLabel } from '../i18n.js';
import { api, all } from '../api.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';
import { StaffNav, NetworkField, organizationNames } from './StaffHome.jsx';
import { quebecToday, fiscalYearOf, feeLedger, countRows } from '../staff.js';

// Statuses whose membership may expect a fee (approved: the first one; renewal due, grace, lapsed: the next).
const FEE_STATUSES = ['APPROVED', 'ACTIVE', 'RENEWAL_DUE', 'IN_GRACE', 'LAPSED'];
const METHODS = ['TRANSFER', 'CHEQUE', 'CARD', 'CASH', 'OTHER'];

function RecordPayment({ membership, outstanding, name, onDone }) {
  const [form, setForm] = useState({ amount: String(outstanding), paidOn: quebecToday(), method: 'TRANSFER', reference: '' });
  const set = (field) => (value) => setForm({ ...form, [field]: value });
  const id = membership.id;
  const record = async () => {
    const fresh = await api(`/api/membership/memberships/${id}`);
    const after = await api(`/api/membership/memberships/${id}/fees`, { method: 'POST', version: fresh.version, body: {
      amount: form.amount === '' ? null : Number(form.amount.replace(',', '.')), paidOn: form.paidOn || null,
      method: form.method, reference: form.reference || null } });
    onDone();
    return t('sp.fees.recorded', { name, status: statusLabel(after.status) });
  };
  return (
    <Form action={record} submitLabel={t('sp.fees.record')} class="form grid">
      <Field label={t('sp.fees.amount')} name={`montant-${id}`} type="number" min="0.01" step="0.01" required value={form.amount} onInput={set('amount')} />
      <Field label={t('sp.fees.paidOn')} name={`date-${id}`} type="date" required value={form.paidOn} onInput={set('paidOn')} />
      <Field label={t('sp.fees.method')} name={`mode-${id}`} required value={form.method} onInput={set('method')}>
        {METHODS.map((m) => <option value={m}>{t(`sp.fees.method.${m}`)}</option>)}
      </Field>
      <Field label={t('sp.fees.reference')} name={`reference-${id}`} maxLength="60" value={form.reference} onInput={set('reference')} />
    </Form>
  );
}

/** Fees: what each member owes now (with a form to record a payment) and the payments recorded. */
export function StaffFees({ session }) {
  const networks = session.networkIds ?? [];
  const [network, setNetwork] = useState(networks[0] ?? '');
  const state = useLoad(async () => {
    if (!network) return { owed: [], paid: [], names: {} };
    const lists = await Promise.all(FEE_STATUSES.map((s) => all(`/api/membership/memberships?networkId=${encodeURIComponent(network)}&status=${s}`)));
    const memberships = lists.flat();
    const names = await organizationNames(memberships.map((m) => m.organizationId));
    return { ...feeLedger(memberships), names };
  }, [network]);
  return (
    <Page title={t('sp.fees.title')}>
      <StaffNav current="/personnel/cotisations" />
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <NetworkField networks={networks} value={network} onInput={setNetwork} />
      </form>
      <Loaded state={state}>{({ owed, paid, names }) => (
        <>
          <h2 id="cotisations-dues">{t('sp.fees.owed')}</h2>
          {owed.length === 0 ? <p>{t('sp.fees.noneOwed')}</p> : (
            <ul class="list" aria-labelledby="cotisations-dues">
              {owed.map(({ membership: m, outstanding, amountDue, amountPaid }) => (
                <li class="card fee" data-membership={m.id} key={m.id}>
                  <h3>{names[m.organizationId]}</h3>
                  <dl class="facts">
                    <dt>{t('orgs.category')}</dt><dd>{m.category}</dd>
                    <dt>{t('common.status')}</dt><dd class="fee-status">{statusLabel(m.status)}</dd>
                    <dt>{t('sp.fees.period')}</dt><dd>{date(m.dues.periodStart)} – {date(m.dues.periodEnd)}</dd>
                    <dt>{t('sp.fees.due')}</dt><dd>{money(amountDue)}</dd>
                    <dt>{t('sp.fees.paid')}</dt><dd>{money(amountPaid)}</dd>
                    <dt>{t('sp.fees.outstanding')}</dt><dd class="fee-outstanding">{money(outstanding)}</dd>
                  </dl>
                  <RecordPayment membership={m} outstanding={outstanding} name={names[m.organizationId]} onDone={state.reload} />
                </li>
              ))}
            </ul>
          )}
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.fees.payments')}>
            <table id="paiements">
              <caption>{t('sp.fees.payments')}</caption>
              <thead><tr><th scope="col">{t('members.organization')}</th><th scope="col">{t('sp.fees.paidOn')}</th>
                <th scope="col">{t('sp.fees.amount')}</th><th scope="col">{t('sp.fees.method')}</th>
                <th scope="col">{t('sp.fees.reference')}</th><th scope="col">{t('sp.fees.period')}</th></tr></thead>
              <tbody>{paid.map(({ membership: m, payment: p }) => (
                <tr><th scope="row">{names[m.organizationId]}</th><td>{date(p.paidOn)}</td><td>{money(p.amount)}</td>
                  <td>{t(`sp.fees.method.${p.method}`)}</td><td>{p.reference ?? ''}</td>
                  <td>{date(p.periodStart)} – {date(p.periodEnd)}</td></tr>
              ))}</tbody>
            </table>
          </div>
        </>
      )}</Loaded>
    </Page>
  );
}

/** The AGM voter list: members entitled to vote at a meeting held on the chosen date. */
export function StaffVoters({ session }) {
  const networks = session.networkIds ?? [];
  const [network, setNetwork] = useState(networks[0] ?? '');
  const [meeting, setMeeting] = useState(quebecToday());
  const state = useLoad(async () => {
    if (!network || !meeting) return [];
    return all(`/api/membership/networks/${encodeURIComponent(network)}/voters?date=${meeting}`);
  }, [network, meeting]);
  return (
    <Page title={t('sp.voters.title')}>
      <StaffNav current="/personnel/votants" />
      <p>{t('sp.voters.intro')}</p>
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <NetworkField networks={networks} value={network} onInput={setNetwork} />
        <Field label={t('sp.voters.date')} name="date" type="date" value={meeting} onInput={setMeeting} />
      </form>
      <Loaded state={state}>{(voters) => (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.voters.title')}>
          <table id="votants">
            <caption>{t('sp.voters.count', { count: voters.length, date: date(meeting) })}</caption>
            <thead><tr><th scope="col">{t('members.organization')}</th><th scope="col">{t('orgs.category')}</th>
              <th scope="col">{t('sp.voters.region')}</th></tr></thead>
            <tbody>{voters.map((v) => (
              <tr><th scope="row">{v.legalName}{v.illustrative && <span class="hint"> ({v.illustrativeNote})</span>}</th>
                <td>{v.category}</td><td>{v.regionCode}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}</Loaded>
    </Page>
  );
}

function Counts({ id, caption, counts, label = (k) => k }) {
  const rows = countRows(counts);
  if (rows.length === 0) return null;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table id={id}>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{t('sp.figures.what')}</th><th scope="col">{t('sp.figures.count')}</th></tr></thead>
        <tbody>{rows.map(([k, v]) => <tr><th scope="row">{label(k)}</th><td>{number(v)}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

/** The network's figures for a fiscal year: members (membership) and training (training's year figures). */
export function StaffFigures({ session }) {
  const networks = session.networkIds ?? [];
  const [network, setNetwork] = useState(networks[0] ?? '');
  const [year, setYear] = useState('');
  const state = useLoad(async () => {
    if (!network) return null;
    const config = await api(`/api/membership/networks/${encodeURIComponent(network)}`);
    const fiscalYear = year || String(fiscalYearOf(quebecToday(), config.fiscalYearEnd));
    const [members, training] = await Promise.all([
      api(`/api/membership/networks/${encodeURIComponent(network)}/figures?fiscalYear=${fiscalYear}`),
      api(`/api/training/figures?networkId=${encodeURIComponent(network)}&fiscalYear=${fiscalYear}`)]);
    return { fiscalYear, members, training };
  }, [network, year]);
  return (
    <Page title={t('sp.figures.title')}>
      <StaffNav current="/personnel/chiffres" />
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <NetworkField networks={networks} value={network} onInput={setNetwork} />
        <Field label={t('sp.figures.year')} name="fiscalYear" type="number" min="1990" max="2200" value={year}
          onInput={setYear} placeholder={state.data?.fiscalYear ?? ''} />
      </form>
      <Loaded state={state}>{(d) => d && (
        <>
          <section class="card" aria-labelledby="chiffres-membres">
            <h2 id="chiffres-membres">{t('sp.figures.members', { from: date(d.members.fiscalYearStart), to: date(d.members.fiscalYearEnd) })}</h2>
            <dl class="facts" id="chiffres-adhesion">
              <dt>{t('sp.figures.memberCount')}</dt><dd class="figure-members">{number(d.members.members)}</dd>
              <dt>{t('sp.figures.before')}</dt><dd>{number(d.members.membersBefore)}</dd>
              <dt>{t('sp.figures.growth')}</dt><dd>{number(d.members.growth)}{d.members.growthPercent !== null && d.members.growthPercent !== undefined ? ` (${number(d.members.growthPercent)} %)` : ''}</dd>
              <dt>{t('sp.figures.newMembers')}</dt><dd>{number(d.members.newMembers)}</dd>
              <dt>{t('sp.figures.newBefore')}</dt><dd>{number(d.members.newMembersPreviousYear)}</dd>
              <dt>{t('sp.figures.asOf')}</dt><dd>{date(d.members.asOf)}</dd>
            </dl>
            <div>
              <Counts id="par-statut" caption={t('sp.figures.byStatus')} counts={d.members.byStatus} label={statusLabel} />
              <Counts id="par-categorie" caption={t('sp.figures.byCategory')} counts={d.members.byCategory} />
              <Counts id="par-region" caption={t('sp.figures.byRegion')} counts={d.members.byRegion} />
              <Counts id="par-secteur" caption={t('sp.figures.bySector')} counts={d.members.bySector} />
            </div>
          </section>
          <section class="card" aria-labelledby="chiffres-formation">
            <h2 id="chiffres-formation">{t('sp.figures.training', { year: d.training.fiscalYear })}</h2>
            <dl class="facts">
              <dt>{t('sp.figures.sessionsHeld')}</dt><dd>{number(d.training.training.sessionsHeld)}</dd>
              <dt>{t('sp.figures.coursesGiven')}</dt><dd>{number(d.training.training.coursesGiven)}</dd>
              <dt>{t('sp.figures.themes')}</dt><dd>{number(d.training.training.distinctThemes)}</dd>
              <dt>{t('sp.figures.hours')}</dt><dd>{number(d.training.training.trainingHours)}</dd>
              <dt>{t('sp.figures.people')}</dt><dd>{number(d.training.training.peopleTrained)}</dd>
              <dt>{t('sp.figures.organizations')}</dt><dd>{number(d.training.training.organizationsReached)}</dd>
              <dt>{t('sp.figures.attestations')}</dt><dd>{number(d.training.training.attestations)}</dd>
              <dt>{t('attest.uec')}</dt><dd>{number(d.training.training.uecIssued)}</dd>
              <dt>{t('sp.figures.satisfaction')}</dt><dd>{d.training.training.satisfactionRatings > 0 ? `${number(d.training.training.satisfactionAverage)} / 5 (${d.training.training.satisfactionRatings})` : '—'}</dd>
              <dt>{t('sp.figures.coaching')}</dt><dd>{t('sp.figures.coachingValue', { hours: number(d.training.coaching.hours), count: d.training.coaching.organizations })}</dd>
              <dt>{t('sp.figures.certificates')}</dt><dd>{number(d.training.pamt.certificatesIssued)}</dd>
            </dl>
          </section>
        </>
      )}</Loaded>
    </Page>
  );
}
