import { t, date, number, statusLabel } from '../i18n.js';
import { api } from '../api.js';
import { Page, Loaded, useLoad } from '../components.jsx';
import { LedgerEntries } from './Attestations.jsx';

/** An employee's own attestations and insurance coverage. */
export function MyRecords() {
  const state = useLoad(async () => {
    const ledger = await api('/api/training/me/ledger?size=200');
    let enrolment = null;
    try { enrolment = await api('/api/insurance/me/enrolment'); } catch (e) { if (e.status !== 404) throw e; }
    return { ledger, enrolment };
  });
  return (
    <Page title={t('me.title')}>
      <Loaded state={state}>{({ ledger, enrolment }) => (
        <>
          <section aria-labelledby="mes-attestations">
            <h2 id="mes-attestations">{t('me.ledger')}</h2>
            <p>{t('attest.summary', { count: ledger.attestations, hours: number(ledger.totalHours), uec: number(ledger.totalUec) })}</p>
            <LedgerEntries entries={ledger.entries.items} />
          </section>
          <section aria-labelledby="ma-couverture" class="card">
            <h2 id="ma-couverture">{t('me.coverage')}</h2>
            {!enrolment ? <p>{t('me.noCoverage')}</p> : (
              <dl class="facts">
                <dt>{t('common.status')}</dt><dd>{statusLabel(enrolment.status)}</dd>
                <dt>{t('ins.class')}</dt><dd>{enrolment.classCode}</dd>
                <dt>{t('ins.effective')}</dt><dd>{date(enrolment.effectiveDate)}</dd>
                <dt>{t('ins.coverages')}</dt><dd>{(enrolment.coverages ?? []).join(', ')}</dd>
              </dl>
            )}
          </section>
        </>
      )}</Loaded>
    </Page>
  );
}
