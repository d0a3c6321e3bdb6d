import { useState } from 'preact/hooks';
import { t, date, number, statusLabel } from '../i18n.js';
import { api } from '../api.js';
import { Page, Loaded, useLoad, Problem } from '../components.jsx';
import { LedgerEntries } from './Attestations.jsx';

/** What each service holds about the person, as the JSON document the API gives (Law 25: access to one's data). */
const EXPORTS = [['membership', '/api/membership/employees/me/export'], ['training', '/api/training/me/data'],
  ['insurance', '/api/insurance/me/personal-data']];

function DataExport() {
  const [error, setError] = useState(null);
  const download = async (name, path) => {
    setError(null);
    try {
      const data = await api(path);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      link.download = `mes-donnees-${name}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="mes-donnees" class="card">
      <h2 id="mes-donnees">{t('me.data')}</h2>
      <p>{t('me.dataIntro')}</p>
      <ul class="inline-list">{EXPORTS.map(([name, path]) => (
        <li><button type="button" onClick={() => download(name, path)}>{t(`me.export.${name}`)}</button></li>
      ))}</ul>
      <Problem error={error} />
    </section>
  );
}

/** An employee's own attestations and insurance coverage, and the export of their data. */
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
          <DataExport />
        </>
      )}</Loaded>
    </Page>
  );
}
