import { useState } from 'preact/hooks';
import { t, date, number } from '../i18n.js';
import { api } from '../api.js';
import { Page, Field, Form } from '../components.jsx';

/** Anyone checks an attestation's (or certificate's) code; the answer says what it attests. */
export function Verify({ code: initial }) {
  const [code, setCode] = useState(initial ?? '');
  const [result, setResult] = useState(null);
  const verify = async () => {
    setResult(null);
    const found = await api(`/api/training/verifications/${encodeURIComponent(code.trim())}`);
    setResult(found);
    return null;
  };
  return (
    <Page title={t('verify.title')}>
      <p>{t('verify.intro')}</p>
      <Form action={verify} submitLabel={t('verify.submit')}>
        <Field label={t('verify.code')} name="code" required value={code} onInput={setCode} autocomplete="off" />
      </Form>
      {result && (
        <section class="card result" aria-labelledby="verification-resultat">
          <h2 id="verification-resultat">{t('verify.valid')}</h2>
          <dl>
            <dt>{t('verify.holder')}</dt><dd>{result.holder}</dd>
            <dt>{t('verify.course')}</dt><dd>{result.title}</dd>
            <dt>{t('verify.network')}</dt><dd>{result.networkId}</dd>
            <dt>{t('catalogue.dates')}</dt><dd>{date(result.startDate)}{result.endDate && result.endDate !== result.startDate ? ` – ${date(result.endDate)}` : ''}</dd>
            <dt>{t('attest.hours')}</dt><dd>{number(result.hours)}</dd>
            <dt>{t('attest.uec')}</dt><dd>{number(result.uec)}</dd>
            <dt>{t('attest.issued')}</dt><dd>{date(result.issuedOn)}</dd>
          </dl>
        </section>
      )}
    </Page>
  );
}
