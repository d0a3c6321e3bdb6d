import { useState } from 'preact/hooks';
import { t, MESSAGES } from '../i18n.js';
import { api } from '../api.js';
import { Page, Form, Field, Problem } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';
import { reportLines } from '../organization.js';

const EXAMPLE = 'prenom;nom;courriel;poste;statut;heures;date_embauche\nAlex;Exemple;alex@exemple.org;Cuisinier;temps plein;35;2024-09-03';

/** A field of the roster as the file's column is called, in the chosen language (the API names the field). */
const columnLabel = (field) => (field && MESSAGES.fr[`import.field.${field}`] ? t(`import.field.${field}`) : field ?? '');

/** The per-line report of an import (or of a trial run): counts, then every line with its problems. */
export function ImportReport({ report }) {
  const lines = reportLines(report);
  return (
    <section class="card" aria-labelledby="rapport-import" id="rapport">
      <h2 id="rapport-import">{t(report.dryRun ? 'import.reportDry' : 'import.report')}</h2>
      {report.blocked && <p class="problem" role="alert">{t('import.blocked')}</p>}
      <p class="lead import-counts">{t('import.counts', { lines: report.lines, imported: report.imported, valid: report.valid,
        present: report.alreadyPresent, rejected: report.rejected, failed: report.failed })}</p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('import.lines')}>
        <table id="lignes-import">
          <caption>{t('import.lines')}</caption>
          <thead><tr><th scope="col">{t('import.line')}</th><th scope="col">{t('import.outcome')}</th><th scope="col">{t('import.problems')}</th></tr></thead>
          <tbody>{lines.map((l) => (
            <tr class={`outcome-${l.outcome}`} data-line={l.line}><th scope="row">{l.line}</th><td>{t(`import.outcome.${l.outcome}`)}</td>
              <td>{(l.errors ?? []).length === 0 ? '' : (
                <ul class="compact">{l.errors.map((e) => <li>{t('problem.field', { field: columnLabel(e.field), message: e.message ?? '' })}</li>)}</ul>
              )}</td></tr>
          ))}</tbody>
        </table>
      </div>
    </section>
  );
}

/** CSV roster import: paste or choose a file, try it first (dry run) or import, and read the report line by line. */
export function RosterImport({ org }) {
  const [csv, setCsv] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [report, setReport] = useState(null);
  const [fileError, setFileError] = useState(null);
  const readFile = async (event) => {
    setFileError(null);
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    try { setCsv(await file.text()); } catch (e) { setFileError(e); }
  };
  const send = async () => {
    setReport(null);
    const r = await api(`/api/membership/organizations/${org}/employees/import?dryRun=${dryRun}&allOrNothing=${allOrNothing}`,
      { method: 'POST', body: csv, contentType: 'text/csv' });
    setReport(r);
    return t(r.dryRun ? 'import.doneDry' : 'import.done', { imported: r.imported, rejected: r.rejected + r.failed });
  };
  return (
    <Page title={t('import.title')}>
      <OrgNav org={org} current="/import" />
      <p>{t('import.intro')}</p>
      <p class="hint">{t('import.example')}</p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('import.exampleLabel')}><pre class="code example">{EXAMPLE}</pre></div>
      <section class="card" aria-labelledby="envoi-import">
        <h2 id="envoi-import">{t('import.send')}</h2>
        <Form action={send} submitLabel={t(dryRun ? 'import.try' : 'import.run')}>
          <div class="field">
            <label for="fichier-csv">{t('import.file')}</label>
            <input id="fichier-csv" name="file" type="file" accept=".csv,text/csv,text/plain" onChange={readFile} />
          </div>
          <div class="field">
            <label for="contenu-csv">{t('import.content')}</label>
            <textarea id="contenu-csv" name="csv" rows={8} value={csv} onInput={(e) => setCsv(e.currentTarget.value)} spellcheck={false} />
          </div>
          <div class="check"><input id="essai-import" name="dryRun" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
            <label for="essai-import">{t('import.dryRun')}</label></div>
          <div class="check"><input id="tout-ou-rien" name="allOrNothing" type="checkbox" checked={allOrNothing} onChange={(e) => setAllOrNothing(e.currentTarget.checked)} />
            <label for="tout-ou-rien">{t('import.allOrNothing')}</label></div>
          <Problem error={fileError} />
        </Form>
      </section>
      {report && <ImportReport report={report} />}
    </Page>
  );
}
