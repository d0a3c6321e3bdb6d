import { t, date, number } from '../i18n.js';
import { api } from '../api.js';
import { href } from '../router.js';
import { Page, Loaded, useLoad } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';

/** The organization's people with their attestations and UEC (training's ledger). */
export function Attestations({ org }) {
  const state = useLoad(() => api(`/api/training/organizations/${org}/ledger?size=200`), [org]);
  return (
    <Page title={t('attest.title')}>
      <OrgNav org={org} current="/attestations" />
      <Loaded state={state}>{(ledger) => (
        <>
          <p class="lead">{t('attest.summary', { count: ledger.attestations, hours: number(ledger.totalHours), uec: number(ledger.totalUec) })}</p>
          {ledger.people.items.length === 0 ? <p>{t('common.none')}</p> : (
            <div class="table-wrap" tabIndex={0} role="region" aria-label={t('attest.people')}>
              <table>
                <caption>{t('attest.people')}</caption>
                <thead><tr><th scope="col">{t('roster.name')}</th><th scope="col">{t('attest.count')}</th>
                  <th scope="col">{t('attest.hours')}</th><th scope="col">{t('attest.uec')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
                <tbody>{ledger.people.items.map((p) => (
                  <tr><th scope="row">{p.firstName} {p.lastName}</th><td>{p.attestations}</td><td>{number(p.hours)}</td><td>{number(p.uec)}</td>
                    <td><a href={href(`/organisations/${org}/attestations/${p.personId}`)}>{t('attest.details')}<span class="visually-hidden"> : {p.firstName} {p.lastName}</span></a></td></tr>
                ))}</tbody>
              </table>
            </div>
          )}
        </>
      )}</Loaded>
    </Page>
  );
}

export function LedgerEntries({ entries }) {
  if (entries.length === 0) return <p>{t('common.none')}</p>;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('org.attestations')}>
      <table class="attestations">
        <caption>{t('org.attestations')}</caption>
        <thead><tr><th scope="col">{t('attest.course')}</th><th scope="col">{t('attest.issued')}</th><th scope="col">{t('attest.hours')}</th>
          <th scope="col">{t('attest.uec')}</th><th scope="col">{t('attest.code')}</th></tr></thead>
        <tbody>{entries.map((e) => (
          <tr><th scope="row">{e.courseTitle}</th><td>{date(e.issuedOn)}</td><td>{number(e.hours)}</td><td>{number(e.uec)}</td>
            <td><a class="code" href={href(`/verification/${e.verificationCode}`)}>{e.verificationCode}</a></td></tr>
        ))}</tbody>
      </table>
    </div>
  );
}

/** One person's attestations, each with its verification link. */
export function PersonAttestations({ org, person }) {
  const state = useLoad(() => api(`/api/training/people/${person}/ledger?size=200`), [person]);
  return (
    <Page title={t('attest.title')}>
      <OrgNav org={org} current="/attestations" />
      <Loaded state={state}>{(ledger) => (
        <>
          <p class="lead">{t('attest.summary', { count: ledger.attestations, hours: number(ledger.totalHours), uec: number(ledger.totalUec) })}</p>
          <LedgerEntries entries={ledger.entries.items} />
        </>
      )}</Loaded>
    </Page>
  );
}
